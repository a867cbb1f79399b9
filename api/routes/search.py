"""Routes of the search endpoint."""

from django.urls import path

from api.views import search

urlpatterns = [
    path("search/", search.SearchView.as_view(), name="search"),
]
