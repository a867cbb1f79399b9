"""Routes of the member API: an organisation's profile and submissions, for its members."""

from django.urls import path

from api.members.views import (
    MemberOrganisationView,
    SubmissionDetailView,
    SubmissionListCreateView,
)

urlpatterns = [
    path(
        "members/organisations/<int:id>/",
        MemberOrganisationView.as_view(),
        name="member-organisation",
    ),
    path(
        "members/organisations/<int:id>/submissions/",
        SubmissionListCreateView.as_view(),
        name="member-submissions",
    ),
    path(
        "members/organisations/<int:id>/submissions/<uuid:submission_id>/",
        SubmissionDetailView.as_view(),
        name="member-submission-detail",
    ),
]
