"""The hub-hosted pages that newsletter mails link to (included under /newsletter/)."""

from django.urls import path

from hub.newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
