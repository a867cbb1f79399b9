"""The dashboard panel "Member updates awaiting review" for Communications reviewers.

Every pending member submission, the longest-waiting first, with links to compare the
submitted revision with the live version (Wagtail's revision comparison) and to review it
in the editor, where "Approve" and "Request changes" are. One query, however many wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name

from hub.members.models import ProfileSubmission, SubmissionStatus
from hub.members.roles import REVIEWERS

ORGANISATION_URLS = "wagtailsnippets_snippets_organisation"


def is_reviewer(user) -> bool:
    """Superusers and the members of "Communications reviewers", who decide on submissions."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=REVIEWERS).exists()


def field_label(name: str) -> str:
    from snippets.models import Organisation

    return Organisation._meta.get_field(name).verbose_name.capitalize()


@dataclass(frozen=True)
class AwaitingEntry:
    """A submission waiting for a reviewer."""

    submission: ProfileSubmission
    organisation_name: str
    submitted_by: str
    channel: str
    submitted_at: datetime
    changed_fields: list[str]
    compare_url: str
    review_url: str


def compare_url(submission: ProfileSubmission) -> str:
    """Wagtail's comparison of the live version with the submitted revision."""
    organisation = submission.organisation
    live = organisation.live_revision_id or "live"
    submitted = submission.revision_id or "latest"
    return reverse(
        f"{ORGANISATION_URLS}:revisions_compare", args=[organisation.pk, live, submitted]
    )


def channel_label(submission: ProfileSubmission) -> str:
    label = submission.get_channel_display()
    return f"{label} ({submission.token_prefix})" if submission.token_prefix else label


def submissions_awaiting_review() -> list[AwaitingEntry]:
    submissions = (
        ProfileSubmission.objects.filter(status=SubmissionStatus.PENDING)
        .select_related("organisation", "submitted_by")
        .order_by("submitted_at", "pk")
    )
    return [
        AwaitingEntry(
            submission=submission,
            organisation_name=submission.organisation.name,
            submitted_by=(
                get_user_display_name(submission.submitted_by) if submission.submitted_by else ""
            ),
            channel=channel_label(submission),
            submitted_at=submission.submitted_at,
            changed_fields=[field_label(name) for name in submission.changes],
            compare_url=compare_url(submission),
            review_url=reverse(f"{ORGANISATION_URLS}:edit", args=[submission.organisation_id]),
        )
        for submission in submissions
    ]


class MemberSubmissionsPanel(Component):
    """Dashboard panel for reviewers (registered in hub/members/admin_review.py)."""

    name = "member_submissions"
    template_name = "members/review/dashboard_panel.html"
    # Next to "Awaiting communications review" (210), above Wagtail's own (220).
    order = 215

    def get_context_data(self, parent_context=None):
        return {"awaiting": submissions_awaiting_review()}
