"""Scheduled publishing: approval of a revision with a future go-live time schedules it;
Wagtail's ``publish_scheduled`` publishes it when the time has come and unpublishes pages
whose expiry time has passed."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from pages.models import NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.factories.users import is_denied
from tests.pages.publishing import (
    CommunicationsReviewerFactory,
    EditorFactory,
    add_url,
    approve,
    edit_url,
    logged_in,
    move_schedule_into_the_past,
    news_form,
    workflow_state,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    return logged_in(EditorFactory())


@pytest.fixture
def reviewer_client():
    return logged_in(CommunicationsReviewerFactory())


def unschedule_url(page, revision) -> str:
    return reverse("wagtailadmin_pages:revisions_unschedule", args=[page.pk, revision.pk])


def in_two_hours() -> datetime.datetime:
    """A go-live time as the admin's widget takes it: to the minute."""
    return (timezone.now() + datetime.timedelta(hours=2)).replace(second=0, microsecond=0)


def submit_new_news(client, **fields) -> NewsPage:
    response = client.post(
        add_url(NewsIndexPageFactory()),
        news_form(title="Jahrestagung", slug="jahrestagung", **{"action-submit": "1"}, **fields),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return NewsPage.objects.get(slug="jahrestagung")


def test_approving_a_revision_with_a_future_go_live_schedules_it(editor_client, reviewer_client):
    go_live = in_two_hours()
    page = submit_new_news(editor_client, go_live_at=go_live)

    approve(reviewer_client, page)

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state is None, "the review is done"
    scheduled = page.revisions.get(approved_go_live_at__isnull=False)
    assert scheduled.approved_go_live_at == go_live
    assert page.approved_schedule

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live, "nothing goes live before its time"

    move_schedule_into_the_past(scheduled)
    call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert page.live_revision == scheduled
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()


def test_a_reviewer_sets_the_schedule_while_approving(editor_client, reviewer_client):
    page = submit_new_news(editor_client)
    go_live = in_two_hours()

    # "Set schedule" in the status panel, then "Approve" in the editor's action menu.
    response = reviewer_client.post(
        edit_url(page),
        news_form(
            title="Jahrestagung",
            slug="jahrestagung",
            go_live_at=go_live,
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        ),
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state is None
    assert page.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == go_live


def test_a_new_revision_of_a_live_page_waits_for_its_go_live(editor_client, reviewer_client):
    page = NewsPageFactory(title="Jahrestagung", slug="jahrestagung", intro="Alter Vorspann.")
    page.save_revision().publish()
    editor_client.post(
        edit_url(page),
        news_form(
            title="Jahrestagung",
            slug="jahrestagung",
            intro="Neuer Vorspann.",
            go_live_at=in_two_hours(),
            **{"action-submit": "1"},
        ),
    )
    approve(reviewer_client, page)

    page.refresh_from_db()
    assert page.live and page.intro == "Alter Vorspann."
    assert page.approved_schedule and page.has_unpublished_changes

    move_schedule_into_the_past(page.revisions.get(approved_go_live_at__isnull=False))
    call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.intro == "Neuer Vorspann."


def test_expiry_unpublishes_the_page(editor_client, reviewer_client):
    expire = in_two_hours()
    page = submit_new_news(editor_client, expire_at=expire)
    approve(reviewer_client, page)
    page.refresh_from_db()
    assert page.live and page.expire_at == expire

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live, "not yet expired"

    NewsPage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled")

    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").exists()


def test_a_go_live_after_the_expiry_is_refused(editor_client):
    go_live = in_two_hours()
    response = editor_client.post(
        add_url(NewsIndexPageFactory()),
        news_form(
            title="Jahrestagung",
            slug="jahrestagung",
            go_live_at=go_live,
            expire_at=go_live - datetime.timedelta(hours=1),
            **{"action-submit": "1"},
        ),
    )

    assert response.status_code == 200
    assert "go_live_at" in response.context["form"].errors
    assert not NewsPage.objects.filter(slug="jahrestagung").exists()


def test_the_schedule_of_a_page_under_review_is_the_revisions(editor_client):
    go_live = in_two_hours()
    page = submit_new_news(editor_client, go_live_at=go_live)

    revision = workflow_state(page).current_task_state.revision
    assert revision.as_object().go_live_at == go_live
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists(), (
        "nothing is scheduled before approval"
    )


def test_a_scheduled_page_is_locked_until_a_reviewer_cancels_the_schedule(
    editor_client, reviewer_client
):
    page = submit_new_news(editor_client, go_live_at=in_two_hours())
    approve(reviewer_client, page)
    scheduled = page.revisions.get(approved_go_live_at__isnull=False)

    for client in (editor_client, reviewer_client):
        response = client.post(edit_url(page), news_form(title="Geändert", slug="jahrestagung"))
        assert response.status_code == 200 and response.context["page_locked"]
    assert page.revisions.count() == 1

    assert is_denied(editor_client.post(unschedule_url(page, scheduled)))
    reviewer_client.post(unschedule_url(page, scheduled))

    scheduled.refresh_from_db()
    assert scheduled.approved_go_live_at is None
    page.refresh_from_db()
    assert not page.live
    response = editor_client.post(edit_url(page), news_form(title="Geändert", slug="jahrestagung"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Geändert"
