"""Staff, forms and workflow steps of the publishing tests, done through the Wagtail admin.

Editors (Wagtail's "Editors" group) write and submit; members of "Communications reviewers"
approve or request changes. Every step posts to the admin's real views with the page
editor's form data, as the browser would.
"""

from __future__ import annotations

import datetime

import factory
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from pages.workflows import REVIEWERS
from tests.factories.users import UserFactory, join_groups

# The admin's date-time widget posts minutes, in the current (Berlin) time zone.
FORM_DATETIME = "%Y-%m-%d %H:%M"


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"editor{n}")
    first_name = "Eva"
    last_name = factory.Sequence(lambda n: f"Editor {n}")
    groups = join_groups("Editors")


class CommunicationsReviewerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"comms-reviewer{n}")
    first_name = "Robert"
    last_name = factory.Sequence(lambda n: f"Reviewer {n}")
    groups = join_groups(REVIEWERS)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_datetime(value: datetime.datetime) -> str:
    return timezone.localtime(value).strftime(FORM_DATETIME)


def news_form(*, title: str, slug: str, **fields) -> dict:
    """The posted form of the news page editor; ``fields`` adds or overrides form fields
    (``go_live_at=...`` as a datetime, ``action-submit="1"``, ...)."""
    for name in ("go_live_at", "expire_at"):
        if isinstance(fields.get(name), datetime.datetime):
            fields[name] = form_datetime(fields[name])
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2025-03-01",
            "intro": "Die Harzer Chemiewerk GmbH ist dem Netzwerk beigetreten.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **fields,
        }
    )


def add_url(parent: Page, model_name: str = "newspage") -> str:
    return reverse("wagtailadmin_pages:add", args=["pages", model_name, parent.pk])


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_state(page: Page) -> WorkflowState:
    """The page's current workflow state (in progress or sent back for changes)."""
    return WorkflowState.objects.active().for_instance(page).get()


def action_url(page: Page, action: str) -> str:
    state = workflow_state(page)
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )


def approve(client: Client, page: Page, comment: str = ""):
    return client.post(action_url(page, "approve"), {"comment": comment})


def reject(client: Client, page: Page, comment: str):
    return client.post(action_url(page, "reject"), {"comment": comment})


def move_schedule_into_the_past(revision: Revision, *, seconds: int = 60) -> None:
    """Let time pass for a revision approved to go live later: its go-live time (in the
    revision and as approved) is set ``seconds`` ago, as if it had come."""
    past = timezone.now() - datetime.timedelta(seconds=seconds)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
