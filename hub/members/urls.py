"""Hub pages of member accounts outside the admin (included under /members/)."""

from django.urls import path

from hub.members import views

app_name = "members"

urlpatterns = [
    path("invitations/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
