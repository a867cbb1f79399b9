"""Locking while someone edits: Wagtail's page locks, the lock of a page in review, and the
notices the editor shows when two people work on the same page."""

import pytest
from django.contrib.messages import ERROR, get_messages
from django.urls import reverse
from wagtail.admin.models import EditingSession

from tests.factories import NewsPageFactory
from tests.factories.users import is_denied
from tests.pages.publishing import (
    CommunicationsReviewerFactory,
    EditorFactory,
    edit_url,
    logged_in,
    news_form,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return EditorFactory()


@pytest.fixture
def reviewer():
    return CommunicationsReviewerFactory()


@pytest.fixture
def page():
    """A live German news item with its first revision."""
    news = NewsPageFactory(title="Jahrestagung", slug="jahrestagung", intro="Erster Entwurf.")
    news.save_revision().publish()
    news.refresh_from_db()
    return news


def save_intro(client, page, intro: str, **actions):
    """Post the page editor's form with a new intro ("Save draft" unless ``actions``)."""
    return client.post(
        edit_url(page), news_form(title=page.title, slug=page.slug, intro=intro, **actions)
    )


def refused_as_locked(response) -> bool:
    """The editor's answer to a save it refused: the form again, with an error message."""
    errors = [m for m in get_messages(response.wsgi_request) if m.level == ERROR]
    return response.status_code == 200 and response.context["page_locked"] and bool(errors)


def latest_intro(page) -> str:
    page.refresh_from_db()
    return page.get_latest_revision_as_object().intro


def test_a_page_locked_by_a_reviewer_cannot_be_saved_by_an_editor(page, editor, reviewer):
    reviewer_client, editor_client = logged_in(reviewer), logged_in(editor)
    reviewer_client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    page.refresh_from_db()
    assert page.locked and page.locked_by == reviewer
    revisions = page.revisions.count()

    response = save_intro(editor_client, page, "Vom Redakteur geändert.")

    assert refused_as_locked(response)
    assert page.revisions.count() == revisions, "no revision is saved"
    assert latest_intro(page) == "Erster Entwurf."
    # Nor can the editor lift the lock, or publish past it.
    assert is_denied(editor_client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk])))
    page.refresh_from_db()
    assert page.locked

    # The reviewer who holds the lock keeps editing.
    response = save_intro(reviewer_client, page, "Von der Prüferin geändert.")
    assert response.status_code == 302
    assert latest_intro(page) == "Von der Prüferin geändert."

    reviewer_client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
    assert save_intro(editor_client, page, "Nach dem Entsperren.").status_code == 302
    assert latest_intro(page) == "Nach dem Entsperren."


def test_a_page_in_communications_review_is_locked_for_editors(page, editor, reviewer):
    editor_client, reviewer_client = logged_in(editor), logged_in(reviewer)
    save_intro(editor_client, page, "Zur Prüfung.", **{"action-submit": "1"})
    page.refresh_from_db()
    assert page.current_workflow_state is not None
    revisions = page.revisions.count()

    assert logged_in(editor).get(edit_url(page)).context["page_locked"]
    for client in (editor_client, logged_in(EditorFactory())):
        assert refused_as_locked(save_intro(client, page, "Noch schnell geändert."))
    assert page.revisions.count() == revisions
    assert latest_intro(page) == "Zur Prüfung."

    # The reviewer corrects the page while it is in review.
    response = save_intro(reviewer_client, page, "Von der Prüferin korrigiert.")
    assert response.status_code == 302
    assert page.revisions.count() == revisions + 1
    assert latest_intro(page) == "Von der Prüferin korrigiert."
    page.refresh_from_db()
    assert page.current_workflow_state is not None, "still in review"


def ping(client, page, session: EditingSession, **data) -> dict:
    url = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["wagtailcore", "page", page.pk, session.pk],
    )
    response = client.post(url, data)
    assert response.status_code == 200
    return response.json()


def open_editor(client, user, page) -> EditingSession:
    """Open the page editor as ``user``; returns the editing session it started."""
    assert client.get(edit_url(page)).status_code == 200
    return EditingSession.objects.filter(user=user).latest("pk")


def test_the_editor_shows_who_else_is_editing_and_newer_versions(page, editor, reviewer):
    editor_client, reviewer_client = logged_in(editor), logged_in(reviewer)
    editor_session = open_editor(editor_client, editor, page)
    reviewer_session = open_editor(reviewer_client, reviewer, page)
    loaded_revision = page.latest_revision

    ping(editor_client, page, editor_session, is_editing="1")
    others = ping(reviewer_client, page, reviewer_session)["other_sessions"]

    assert [(other["user"], other["is_editing"]) for other in others] == [
        (editor.get_full_name(), True)
    ]

    save_intro(editor_client, page, "Vom Redakteur geändert.")
    page.refresh_from_db()
    others = ping(
        reviewer_client,
        page,
        reviewer_session,
        revision_id=loaded_revision.pk,
        revision_created_at=loaded_revision.created_at.isoformat(),
    )["other_sessions"]

    assert others[0]["user"] == editor.get_full_name()
    assert others[0]["revision_id"] == page.latest_revision_id, "a newer version is announced"
