"""The dashboard panel "Awaiting communications review" for reviewers.

Wagtail's own panel ("Awaiting your review") lists what the current user may moderate, one
task at a time. Reviewers of communications want the whole picture across all sites: every
page waiting in "Communications review", oldest first, and every page approved to go live
later. Each list costs a fixed number of queries, however long it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models.fields.json import KeyTextTransform
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, Revision, Site, WorkflowState, get_default_page_content_type

from pages.workflows import WORKFLOW


@dataclass(frozen=True)
class ReviewEntry:
    """A page waiting in "Communications review"."""

    page: Page
    page_type: str
    site_name: str
    submitted_by: str
    submitted_at: datetime
    go_live_at: datetime | None


@dataclass(frozen=True)
class ScheduledEntry:
    """A page with a revision approved to go live at ``go_live_at``."""

    page: Page
    page_type: str
    site_name: str
    go_live_at: datetime


def pages_awaiting_communications_review() -> list[ReviewEntry]:
    """Pages in "Communications review" waiting for a reviewer, the longest-waiting first.

    Pages sent back to their editor ("changes requested") are not waiting for a reviewer
    and are left out. ``submitted_at`` is when the page reached the reviewers (again, if
    it was resubmitted); ``go_live_at`` is the schedule of the revision under review.
    """
    states = list(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            workflow__name=WORKFLOW,
            base_content_type=get_default_page_content_type(),
        )
        .select_related("requested_by", "current_task_state")
        .annotate(
            revision_go_live_at=KeyTextTransform(
                "go_live_at", "current_task_state__revision__content"
            )
        )
        .order_by("current_task_state__started_at", "pk")
    )
    pages = _pages_by_id(state.object_id for state in states)
    site_names = _site_names()
    entries = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None:
            continue
        entries.append(
            ReviewEntry(
                page=page,
                page_type=_page_type(page),
                site_name=_site_name(page, site_names),
                submitted_by=get_user_display_name(state.requested_by)
                if state.requested_by
                else "",
                submitted_at=(
                    state.current_task_state.started_at
                    if state.current_task_state
                    else state.created_at
                ),
                go_live_at=parse_datetime(state.revision_go_live_at or "") or None,
            )
        )
    return entries


def pages_scheduled_to_go_live() -> list[ScheduledEntry]:
    """Pages with a revision approved to go live later, the soonest first."""
    revisions = list(
        Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        .only("object_id", "approved_go_live_at")
        .order_by("approved_go_live_at", "pk")
    )
    pages = _pages_by_id(revision.object_id for revision in revisions)
    site_names = _site_names()
    entries = []
    for revision in revisions:
        page = pages.get(int(revision.object_id))
        if page is None:
            continue
        entries.append(
            ScheduledEntry(
                page=page,
                page_type=_page_type(page),
                site_name=_site_name(page, site_names),
                go_live_at=revision.approved_go_live_at,
            )
        )
    return entries


def _pages_by_id(object_ids) -> dict[int, Page]:
    ids = {int(object_id) for object_id in object_ids}
    if not ids:
        return {}
    return Page.objects.filter(pk__in=ids).select_related("content_type").in_bulk()


def _page_type(page: Page) -> str:
    model = page.content_type.model_class()
    return capfirst(model._meta.verbose_name) if model else ""


def _site_names() -> dict[int, str]:
    return {
        site.pk: site.site_name or site.hostname
        for site in Site.objects.only("site_name", "hostname")
    }


def _site_name(page: Page, site_names: dict[int, str]) -> str:
    # Most specific root path first; translated site roots are listed too. Cached by Wagtail.
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path):
            return site_names.get(root.site_id, "")
    return ""


class CommunicationsReviewPanel(Component):
    """Dashboard panel with both lists; shown to reviewers (see ``pages.wagtail_hooks``)."""

    name = "communications_review"
    template_name = "pages/admin/communications_review_panel.html"
    # Above Wagtail's "Awaiting your review" (220).
    order = 210

    def get_context_data(self, parent_context=None):
        return {
            "awaiting_review": pages_awaiting_communications_review(),
            "scheduled": pages_scheduled_to_go_live(),
        }
