"""The "Communications review" workflow for what communications staff publish.

Newsletter issues, news, events and CKreihe documentation in German (the source locale) go
through "Communications review": an editor submits, a member of "Communications reviewers"
approves (which publishes, or schedules when the page has a go-live time) or requests
changes. The names here are the ones the data migration
``pages/migrations/0004_communications_review`` created; staff see them in the admin
(Settings > Groups, Settings > Workflows). The migration keeps its own copy, as migrations
must; the tests compare the two.

Wagtail assigns workflows to subtrees, and these page types share their sites with pages
that keep Wagtail's default moderation, so the workflow is chosen per page type by
:class:`CommunicationsReviewMixin`. Translations keep "Translation review", which their
translated site roots carry (:mod:`hub.translation.site_roots`).
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from wagtail.models import Workflow

from hub.translation.roles import is_source_locale

REVIEWERS = "Communications reviewers"
WORKFLOW = "Communications review"
APPROVAL_TASK = "Communications approval"

# Model permissions of the reviewers' group, outside the page tree.
GROUP_PERMISSIONS = ("wagtailadmin.access_admin",)

# Page permissions on the tree root, as Wagtail grants its "Moderators".
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")

# On the root collection: reviewers add and pick images and documents while they correct
# an issue before approving it.
COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)


def communications_workflow() -> Workflow | None:
    """The active "Communications review" workflow, or None when staff removed or disabled it."""
    return Workflow.objects.filter(name=WORKFLOW, active=True).first()


def reviewer_groups() -> QuerySet[Group]:
    """The groups whose members approve in "Communications review": those of its active
    group approval tasks (staff may add groups or tasks in the admin)."""
    return Group.objects.filter(
        groupapprovaltask__active=True,
        groupapprovaltask__workflow_tasks__workflow__name=WORKFLOW,
    ).distinct()


def can_review(user) -> bool:
    """Whether ``user`` approves pages in "Communications review": superusers and the
    members of the reviewer groups."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(pk__in=reviewer_groups().values("pk")).exists()


class CommunicationsReviewMixin:
    """For a page type that communications staff publish: German pages use "Communications
    review" instead of the workflow of their subtree.

    List it before the page base class. Pages in target locales, and every page while the
    workflow is missing or inactive, keep the workflow Wagtail finds in the tree.
    """

    def get_workflow(self):
        if (
            getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True)
            and self.locale_id is not None
            and is_source_locale(self)
        ):
            workflow = communications_workflow()
            if workflow is not None:
                return workflow
        return super().get_workflow()
