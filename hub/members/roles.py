"""Names of the groups, workflow and permission that member submissions rely on.

The data migration ``hub/migrations/0005_member_profile_review`` created them; staff see them
in the admin (Settings > Groups, Settings > Workflows). The migration keeps its own copy of
the names, as migrations must; the tests compare the two.
"""

from django.contrib.auth.models import Group
from django.db.models import TextChoices
from wagtail.models import Workflow

# Every member account is in this group: it grants access to the admin and nothing else.
# What a member may do with an organisation follows from their OrganisationMember rows.
MEMBERS = "Members"
MEMBER_GROUP_PERMISSIONS = ("wagtailadmin.access_admin",)

WORKFLOW = "Member profile review"
APPROVAL_TASK = "Member profile approval"
# Communications staff moderate member updates (the task's group); approving needs the
# rights to open, correct and publish German organisations.
REVIEWERS = "Communications reviewers"
REVIEWER_PERMISSIONS = (
    "snippets.view_organisation",
    "snippets.change_organisation",
    "snippets.publish_organisation",
    "hub.edit_source_content",
)

# Staff who invite member accounts and revoke their access.
MANAGE_MEMBERS_PERMISSION = "hub.manage_members"
MANAGE_MEMBERS_GROUPS = ("Moderators", REVIEWERS)


class MemberRole(TextChoices):
    EDITOR = "editor", "Editor (may submit changes)"
    VIEWER = "viewer", "Viewer (read only)"


def members_group() -> Group | None:
    return Group.objects.filter(name=MEMBERS).first()


def member_profile_workflow() -> Workflow | None:
    """The active "Member profile review" workflow, or None when staff removed or disabled it."""
    return Workflow.objects.filter(name=WORKFLOW, active=True).first()
