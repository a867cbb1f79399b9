"""Which events publishing sends and what they say, for pages, snippets and translations.

Tasks run at once here (test settings), so each event reaches the real HTTP receiver when
the transaction's commit callbacks run; test_delivery.py covers the background worker.
"""

import logging

import pytest
from wagtail.models import PageViewRestriction

from api.webhooks.models import WebhookDelivery
from tests.api.webhooks.conftest import HOSTNAME, OTHER_HOSTNAME, make_endpoint
from tests.factories import (
    DirectoryPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    MembershipFactory,
    NetworkPageFactory,
    NewsIndexPageFactory,
    NewsletterIssuePageFactory,
    NewsPageFactory,
    OrganisationFactory,
    PersonFactory,
    StandardPageFactory,
)
from tests.factories.pages import translate_page
from tests.factories.snippets import translated_copy

pytestmark = pytest.mark.django_db


@pytest.fixture
def endpoint(site, http_receiver):
    return make_endpoint(site, http_receiver.url("/hook"))


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block, then its commit callbacks (where events are sent)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def issue(series):
    return NewsletterIssuePageFactory(parent=series, title="CKnews 2026/1", slug="cknews-2026-1")


def link_to(page, text="Mehr") -> list:
    return [("paragraph", f'<p><a linktype="page" id="{page.pk}">{text}</a></p>')]


def received(http_receiver) -> list[dict]:
    return [request.json() for request in http_receiver.requests]


def only_event(http_receiver) -> dict:
    [event] = received(http_receiver)
    return event


def test_unpublishing_a_page_names_its_old_path(endpoint, http_receiver, committed, issue):
    with committed():
        issue.unpublish()

    event = only_event(http_receiver)
    assert event["type"] == "page.unpublished"
    assert event["object"] == {
        "kind": "page",
        "type": "newsletter_issue",
        "id": issue.pk,
        "locale": "de",
        "old_path": "/cknews/cknews-2026-1/",
        "new_path": None,
    }
    assert event["affected_paths"] == ["/cknews/"]


def test_moving_a_page_names_old_and_new_paths_of_it_and_its_subpages(
    endpoint, http_receiver, committed, home
):
    about = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    StandardPageFactory(parent=about, title="Team", slug="team")
    association = StandardPageFactory(parent=home, title="Verein", slug="verein")

    with committed():
        about.move(association, pos="last-child")

    event = only_event(http_receiver)
    assert event["type"] == "page.moved"
    assert event["object"]["old_path"] == "/ueber-uns/"
    assert event["object"]["new_path"] == "/verein/ueber-uns/"
    # Both parents, and the page below it at its old and its new address.
    assert event["affected_paths"] == [
        "/",
        "/ueber-uns/team/",
        "/verein/",
        "/verein/ueber-uns/team/",
    ]


def test_a_slug_changed_on_publishing_is_the_old_path(endpoint, http_receiver, committed, issue):
    issue.slug = "cknews-fruehjahr-2026"
    with committed():
        issue.save_revision().publish()

    event = only_event(http_receiver)
    assert event["type"] == "page.published"
    assert event["object"]["old_path"] == "/cknews/cknews-2026-1/"
    assert event["object"]["new_path"] == "/cknews/cknews-fruehjahr-2026/"


def test_deleting_a_page_sends_one_event_with_what_showed_it(
    endpoint, http_receiver, committed, home, issue
):
    StandardPageFactory(parent=home, title="Archiv", slug="archiv", body=link_to(issue))

    with committed():
        issue.delete()

    # Wagtail unpublishes a page it deletes; that is not announced separately.
    event = only_event(http_receiver)
    assert event["type"] == "page.deleted"
    assert event["object"]["id"] == issue.pk
    assert event["object"]["old_path"] == "/cknews/cknews-2026-1/"
    assert event["object"]["new_path"] is None
    assert event["affected_paths"] == ["/archiv/", "/cknews/"]


def test_drafts_and_private_pages_are_never_named(
    endpoint, http_receiver, committed, home, draft_issue
):
    StandardPageFactory(parent=home, title="Archiv", slug="archiv", body=link_to(draft_issue))
    StandardPageFactory(
        parent=home, title="Entwurf", slug="entwurf", live=False, body=link_to(draft_issue)
    )
    members = StandardPageFactory(
        parent=home, title="Intern", slug="intern", body=link_to(draft_issue)
    )
    PageViewRestriction.objects.create(page=members, restriction_type="password", password="x")

    with committed():
        draft_issue.save_revision().publish()

    assert only_event(http_receiver)["affected_paths"] == ["/archiv/", "/cknews/"]


def test_publishing_a_private_page_sends_nothing(
    endpoint, http_receiver, committed, series, draft_issue
):
    PageViewRestriction.objects.create(page=series, restriction_type="password", password="x")

    with committed():
        draft_issue.save_revision().publish()

    assert http_receiver.requests == []


def test_publishing_an_organisation_tells_every_site_about_its_own_pages(
    committed, http_receiver, site, other_site, home
):
    make_endpoint(site, http_receiver.url("/network"))
    make_endpoint(other_site, http_receiver.url("/recycling"))
    network = NetworkPageFactory(parent=home, title="Das Netzwerk", slug="das-netzwerk")
    DirectoryPageFactory(parent=network, title="Clusteratlas", slug="clusteratlas")
    organisation = OrganisationFactory(live=False)
    MembershipFactory(organisation=organisation, group=network)
    events = EventIndexPageFactory(parent=other_site.root_page, title="Termine", slug="termine")
    EventPageFactory(parent=events, title="FORUM", slug="forum", organiser=organisation)

    with committed():
        organisation.save_revision().publish()

    by_path = {request.path: request.json() for request in http_receiver.requests}
    assert set(by_path) == {"/network", "/recycling"}
    for event in by_path.values():
        assert event["type"] == "snippet.published"
        assert event["object"] == {
            "kind": "snippet",
            "type": "organisation",
            "id": organisation.pk,
            "locale": "de",
            "old_path": None,
            "new_path": None,
        }
    # The network counts its members; its Clusteratlas lists them.
    assert by_path["/network"]["site"]["hostname"] == HOSTNAME
    assert by_path["/network"]["affected_paths"] == [
        "/das-netzwerk/",
        "/das-netzwerk/clusteratlas/",
    ]
    # The event names it as its organiser.
    assert by_path["/recycling"]["site"]["hostname"] == OTHER_HOSTNAME
    assert by_path["/recycling"]["affected_paths"] == ["/termine/forum/"]


def test_unpublishing_an_organisation(endpoint, http_receiver, committed):
    organisation = OrganisationFactory(live=False)
    organisation.save_revision().publish()
    organisation.refresh_from_db()

    with committed():
        organisation.unpublish()

    event = only_event(http_receiver)
    assert event["type"] == "snippet.unpublished"
    assert event["object"]["id"] == organisation.pk


def test_saving_a_person_publishes_it(endpoint, http_receiver, committed, home):
    person = PersonFactory()
    news_index = NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")
    NewsPageFactory(parent=news_index, title="Neuer Sprecher", slug="neuer-sprecher", author=person)

    with committed():
        person.position = "Clustersprecher Kunststoffe"
        person.save()

    event = only_event(http_receiver)
    assert event["type"] == "snippet.published"
    assert event["object"]["type"] == "person"
    assert event["affected_paths"] == ["/aktuelles/neuer-sprecher/"]


def test_deleting_a_person_unpublishes_it(endpoint, http_receiver, committed, home):
    person = PersonFactory()
    news_index = NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")
    NewsPageFactory(parent=news_index, title="Neuer Sprecher", slug="neuer-sprecher", author=person)

    with committed():
        person.delete()

    event = only_event(http_receiver)
    assert event["type"] == "snippet.unpublished"
    assert event["affected_paths"] == ["/aktuelles/neuer-sprecher/"]


@pytest.fixture
def english_series(home, series):
    translate_page(home, "en", title="ChemieNetzwerk Harz")
    return translate_page(series, "en", title="CKnews", slug="cknews")


def test_publishing_an_english_page_is_a_translation_event(
    endpoint, http_receiver, committed, issue, english_series
):
    with committed():
        english = translate_page(issue, "en", title="CKnews 2026/1", slug="cknews-2026-1-en")

    event = only_event(http_receiver)
    assert event["type"] == "translation.published"
    assert event["object"] == {
        "kind": "page",
        "type": "newsletter_issue",
        "id": english.pk,
        "locale": "en",
        "old_path": None,
        "new_path": "/en/cknews/cknews-2026-1-en/",
    }
    # The English series lists it; the German issue names it among its alternates.
    assert event["affected_paths"] == ["/cknews/cknews-2026-1/", "/en/cknews/"]


def test_an_english_snippet_affects_english_pages_only(
    endpoint, http_receiver, committed, home, english_series
):
    person = PersonFactory()
    news_index = NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")
    news = NewsPageFactory(
        parent=news_index, title="Neuer Sprecher", slug="neuer-sprecher", author=person
    )
    translate_page(news_index, "en", title="News", slug="news")
    # The English news keeps pointing at the German person, as wagtail-localize leaves it.
    translate_page(news, "en", title="New speaker", slug="new-speaker")

    with committed():
        english_person = translated_copy(person, "en", position="Cluster speaker")

    event = only_event(http_receiver)
    assert event["type"] == "translation.published"
    assert event["object"]["id"] == english_person.pk
    assert event["object"]["locale"] == "en"
    assert event["affected_paths"] == ["/en/news/new-speaker/"]


def test_a_failing_event_never_stops_the_publish(
    endpoint, http_receiver, committed, draft_issue, monkeypatch, caplog
):
    def broken(**kwargs):
        raise RuntimeError("payload building failed")

    monkeypatch.setattr("api.webhooks.events.page_change", broken)

    with caplog.at_level(logging.ERROR, logger="api.webhooks.events"), committed():
        draft_issue.save_revision().publish()

    draft_issue.refresh_from_db()
    assert draft_issue.live
    assert http_receiver.requests == []
    assert "payload building failed" in caplog.text


def test_without_endpoints_nothing_is_recorded(http_receiver, committed, draft_issue):
    with committed():
        draft_issue.save_revision().publish()

    assert not WebhookDelivery.objects.exists()
