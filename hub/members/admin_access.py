"""The Wagtail admin as member accounts see it: their organisations and nothing else.

The organisation views themselves are guarded in :mod:`hub.members.permissions`; these hooks
trim what is around them. A member's main menu keeps the Directory (which then lists only
"Organisations": members hold no permission on people or site offers) and the "API tokens"
item; the dashboard shows the panel "Your organisations" instead of Wagtail's page panels.
Staff see the admin unchanged.
"""

from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from hub.members.access import is_member_account, member_roles, organisations_for_member
from hub.members.models import ProfileSubmission, SubmissionStatus
from hub.members.roles import MemberRole
from snippets.models import Organisation

# Main menu items (by name) that member accounts keep; "member-api-tokens" is registered by
# hub.members.admin_management.
MEMBER_MENU_ITEMS = frozenset({"directory", "member-api-tokens"})

# Wagtail's dashboard panels are about pages and moderation tasks, which members have none of.
WAGTAIL_PANEL_MODULES = ("wagtail.", "wagtail_localize.")


class MemberOrganisationsPanel(Component):
    """Dashboard panel "Your organisations": each organisation with the member's role, whether
    it is live, and the latest submission's status and date."""

    name = "member_organisations"
    template_name = "members/admin/your_organisations_panel.html"
    order = 50

    def __init__(self, user):
        super().__init__()
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"organisations": member_organisation_rows(self.user)}


def member_organisation_rows(user) -> list[dict]:
    """One row per organisation of the member, in the same few queries however many."""
    latest = ProfileSubmission.objects.filter(organisation=OuterRef("pk")).order_by(
        "-submitted_at", "-pk"
    )
    organisations = organisations_for_member(user).annotate(
        submission_status=Subquery(latest.values("status")[:1]),
        submission_submitted_at=Subquery(latest.values("submitted_at")[:1]),
        submission_decided_at=Subquery(latest.values("decided_at")[:1]),
    )
    roles = member_roles(user)
    viewset = Organisation.snippet_viewset
    rows = []
    for organisation in organisations.order_by("name"):
        role = MemberRole(roles[organisation.pk])
        view_name = "edit" if role == MemberRole.EDITOR else "inspect"
        status = organisation.submission_status
        rows.append(
            {
                "organisation": organisation,
                "role": role,
                "url": reverse(viewset.get_url_name(view_name), args=[organisation.pk]),
                "link_label": "Edit" if role == MemberRole.EDITOR else "View",
                "submission_status": status,
                "submission_label": SubmissionStatus(status).label if status else "",
                # The date that matters: when it was decided, or else when it was submitted.
                "submission_date": organisation.submission_decided_at
                or organisation.submission_submitted_at,
            }
        )
    return rows


@hooks.register("construct_main_menu")
def trim_main_menu_for_members(request, menu_items):
    if is_member_account(request.user):
        menu_items[:] = [item for item in menu_items if item.name in MEMBER_MENU_ITEMS]


# Late, so that panels other hooks add for everyone are filtered too.
@hooks.register("construct_homepage_panels", order=100)
def member_dashboard(request, panels):
    if not is_member_account(request.user):
        return
    panels[:] = [
        panel for panel in panels if not type(panel).__module__.startswith(WAGTAIL_PANEL_MODULES)
    ]
    panels.insert(0, MemberOrganisationsPanel(request.user))


@hooks.register("construct_homepage_summary_items")
def no_site_summary_for_members(request, summary_items):
    # The counts of pages, images and documents are not a member's business.
    if is_member_account(request.user):
        summary_items[:] = []


@hooks.register("before_delete_snippet")
def no_snippet_deletion_by_members(request, instances):
    """The bulk delete confirmation lists the names of the snippets it was given, even
    those the user may not delete; a member learns nothing from it about other snippets.
    (The organisation's own delete view answers members before this hook runs.)"""
    if is_member_account(request.user):
        raise Http404
