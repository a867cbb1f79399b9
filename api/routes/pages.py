"""Routes of the pages endpoints."""

from django.urls import path

from api.views.pages import PageDetailView, PageListView, PageResolveView

urlpatterns = [
    path("pages/", PageListView.as_view(), name="page-list"),
    path("pages/resolve/", PageResolveView.as_view(), name="page-resolve"),
    path("pages/<int:pk>/", PageDetailView.as_view(), name="page-detail"),
]
