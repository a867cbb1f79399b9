"""The "Member submissions" report: every submission and the decision on it (the audit trail).

Reviewers and staff who manage member accounts (``hub.manage_members``) see it; member
accounts never do. Filters by status and organisation; CSV and XLSX export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.reports import ReportView

from hub.members.access import is_member_account
from hub.members.dashboard import field_label, is_reviewer
from hub.members.models import ProfileSubmission, SubmissionStatus
from hub.members.roles import MANAGE_MEMBERS_PERMISSION


def can_view_submissions(user) -> bool:
    if not (user.is_authenticated and user.is_active) or is_member_account(user):
        return False
    return is_reviewer(user) or user.has_perm(MANAGE_MEMBERS_PERMISSION)


def _organisations_with_submissions(request):
    from snippets.models import Organisation

    return Organisation.objects.filter(profile_submissions__isnull=False).distinct()


class SubmissionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=SubmissionStatus.choices, empty_label="All"
    )
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation", queryset=_organisations_with_submissions, empty_label="All"
    )

    class Meta:
        model = ProfileSubmission
        fields = ["status", "organisation"]


def _user_name(user) -> str:
    return get_user_display_name(user) if user is not None else ""


def _value_text(value) -> str:
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    return "(empty)" if value is None or value == "" else str(value)


@dataclass
class SubmissionRow:
    """One submission as the report and its export show it."""

    submission: ProfileSubmission
    organisation: str
    edit_url: str
    submitted_by: str
    submitted_at: datetime
    channel: str
    token_prefix: str
    changed_fields: str
    status: str
    decided_by: str
    decided_at: datetime | None
    comment: str
    conflicts: str

    @classmethod
    def of(cls, submission: ProfileSubmission) -> SubmissionRow:
        return cls(
            submission=submission,
            organisation=submission.organisation.name,
            edit_url=reverse(
                "wagtailsnippets_snippets_organisation:edit", args=[submission.organisation_id]
            ),
            submitted_by=_user_name(submission.submitted_by),
            submitted_at=submission.submitted_at,
            channel=submission.get_channel_display(),
            token_prefix=submission.token_prefix,
            changed_fields=", ".join(field_label(name) for name in submission.changes),
            status=submission.get_status_display(),
            decided_by=_user_name(submission.decided_by),
            decided_at=submission.decided_at,
            comment=submission.comment,
            conflicts="; ".join(
                f"{field_label(name)}: staff {_value_text(values.get('staff'))}, "
                f"submitted {_value_text(values.get('submitted'))}"
                for name, values in submission.conflicts.items()
            ),
        )

    @property
    def is_pending_or_approved(self) -> bool:
        return self.submission.status in (SubmissionStatus.PENDING, SubmissionStatus.APPROVED)


class MemberSubmissionsReportView(ReportView):
    """Every member submission, the newest first."""

    page_title = "Member submissions"
    header_icon = "group"
    index_url_name = "hub_member_submissions"
    index_results_url_name = "hub_member_submissions_results"
    filterset_class = SubmissionFilterSet
    model = ProfileSubmission
    default_ordering = "-submitted_at"
    paginate_by = 50
    export_filename = "member-submissions"
    columns = [
        TitleColumn("organisation", label="Organisation", get_url=lambda row: row.edit_url),
        Column("submitted_by", label="Submitted by"),
        DateColumn("submitted_at", label="Submitted"),
        Column("channel", label="Channel"),
        Column("token_prefix", label="API token"),
        Column("changed_fields", label="Changed fields"),
        StatusTagColumn("status", label="Status", primary=lambda row: row.is_pending_or_approved),
        Column("decided_by", label="Decided by"),
        DateColumn("decided_at", label="Decided"),
        Column("comment", label="Comment"),
        Column("conflicts", label="Conflicts with staff edits"),
    ]
    list_export = [
        "organisation",
        "submitted_by",
        "submitted_at",
        "channel",
        "token_prefix",
        "changed_fields",
        "status",
        "decided_by",
        "decided_at",
        "comment",
        "conflicts",
    ]
    export_headings = {
        "organisation": "Organisation",
        "submitted_by": "Submitted by",
        "submitted_at": "Submitted",
        "channel": "Channel",
        "token_prefix": "API token",
        "changed_fields": "Changed fields",
        "status": "Status",
        "decided_by": "Decided by",
        "decided_at": "Decided",
        "comment": "Comment",
        "conflicts": "Conflicts with staff edits",
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_submissions(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return ProfileSubmission.objects.select_related(
            "organisation", "submitted_by", "decided_by"
        )

    def get_table(self, object_list):
        return super().get_table([SubmissionRow.of(submission) for submission in object_list])

    def decorate_paginated_queryset(self, object_list) -> list[SubmissionRow]:
        """The rows as exported (the table makes its own from the same page)."""
        return [SubmissionRow.of(submission) for submission in object_list]
