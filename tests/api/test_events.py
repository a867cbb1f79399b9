"""A site's events: ``/api/v1/events/`` with its filters."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from hub.demo.indexing import automatic_indexing_paused
from pages.models import EventFormat
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ImageFactory,
    SiteFactory,
    locale,
)
from tests.factories.pages import translate_page

pytestmark = pytest.mark.django_db

URL = "/api/v1/events/"
HOSTNAME = "chemienetzwerk-harz.localhost"
NOW = timezone.now()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def site():
    return SiteFactory(hostname=HOSTNAME)


@pytest.fixture
def event_index(site):
    return EventIndexPageFactory(parent=site.root_page, title="Termine", slug="termine")


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_upcoming_events_soonest_first_in_compact_form(api_client, site, event_index):
    image = ImageFactory()
    start = timezone.make_aware(datetime.datetime(NOW.year + 1, 5, 14, 10))
    forum = EventPageFactory(
        parent=event_index,
        title="FORUM Chemie",
        slug="forum-chemie",
        listing_summary="Das Jahrestreffen der Branche.",
        listing_image=image,
        start=start,
        end=start + datetime.timedelta(hours=7),
        format=EventFormat.FORUM,
        venue_name="Kaiserpfalz",
        street="Kaiserbleek 6",
        postal_code="38640",
        city="Goslar",
        registration_url="https://forum-chemie.example/anmeldung",
        registration_deadline=start.date() - 7 * DAY,
        fee_note="Für Mitglieder kostenfrei",
    )
    forum.save_revision().publish()
    forum.refresh_from_db()
    EventPageFactory(parent=event_index, title="Netzwerktreffen", start=NOW + 3 * DAY)
    # Still running: it started yesterday and ends tomorrow.
    EventPageFactory(parent=event_index, title="Messe", start=NOW - DAY, end=NOW + DAY)
    EventPageFactory(parent=event_index, title="Vorbei", start=NOW - 3 * DAY)

    response = api_client.get(URL, {"site": HOSTNAME})

    assert titles(response) == ["Messe", "Netzwerktreffen", "FORUM Chemie"]
    item = response.json()["results"][2]
    assert item["listing_image"]["id"] == image.pk
    item.pop("listing_image")
    assert item == {
        "id": forum.pk,
        "type": "event",
        "title": "FORUM Chemie",
        "locale": "de",
        "path": "/termine/forum-chemie/",
        "site": HOSTNAME,
        "listing_title": "FORUM Chemie",
        "listing_summary": "Das Jahrestreffen der Branche.",
        "first_published_at": timezone.localtime(forum.first_published_at).isoformat(),
        "last_published_at": timezone.localtime(forum.last_published_at).isoformat(),
        "start": f"{NOW.year + 1}-05-14T10:00:00+02:00",
        "end": f"{NOW.year + 1}-05-14T17:00:00+02:00",
        "all_day": False,
        "format": "forum",
        "venue": {
            "name": "Kaiserpfalz",
            "street": "Kaiserbleek 6",
            "postal_code": "38640",
            "city": "Goslar",
        },
        "online_url": None,
        "registration_url": "https://forum-chemie.example/anmeldung",
        "registration_deadline": (start.date() - 7 * DAY).isoformat(),
        "fee_note": "Für Mitglieder kostenfrei",
    }


def test_past_events_latest_first(api_client, site, event_index):
    EventPageFactory(parent=event_index, title="Vorletzte Woche", start=NOW - 14 * DAY)
    EventPageFactory(parent=event_index, title="Gestern", start=NOW - DAY)
    EventPageFactory(parent=event_index, title="Morgen", start=NOW + DAY)

    assert titles(api_client.get(URL, {"site": HOSTNAME, "when": "past"})) == [
        "Gestern",
        "Vorletzte Woche",
    ]
    assert titles(api_client.get(URL, {"site": HOSTNAME, "when": "upcoming"})) == ["Morgen"]


def test_an_all_day_event_is_upcoming_until_its_day_is_over(api_client, site, event_index):
    midnight = timezone.localtime(NOW).replace(hour=0, minute=0, second=0, microsecond=0)
    EventPageFactory(parent=event_index, title="Heute", start=midnight, all_day=True)
    EventPageFactory(
        parent=event_index, title="Gestern", start=midnight - DAY, end=midnight - DAY, all_day=True
    )

    assert titles(api_client.get(URL, {"site": HOSTNAME})) == ["Heute"]
    assert titles(api_client.get(URL, {"site": HOSTNAME, "when": "past"})) == ["Gestern"]


def test_format_and_date_range_filters(api_client, site, event_index):
    may = timezone.make_aware(datetime.datetime(NOW.year + 1, 5, 14, 10))
    EventPageFactory(parent=event_index, title="Forum", start=may, format=EventFormat.FORUM)
    EventPageFactory(
        parent=event_index, title="Webinar", start=may + DAY, format=EventFormat.WEBINAR
    )
    # A trade fair from the end of April into May takes place in May too.
    EventPageFactory(
        parent=event_index,
        title="Messe",
        start=may - 20 * DAY,
        end=may - 12 * DAY,
        format=EventFormat.TRADE_FAIR,
        all_day=True,
    )
    EventPageFactory(parent=event_index, title="Juni", start=may + 30 * DAY)
    EventPageFactory(
        parent=event_index,
        title="Letztes Jahr",
        start=may.replace(year=NOW.year - 1),
        format=EventFormat.EXCURSION,
    )

    def in_range(**query):
        return titles(api_client.get(URL, {"site": HOSTNAME, **query}))

    year = NOW.year + 1
    assert in_range(format="webinar") == ["Webinar"]
    assert in_range(**{"from": f"{year}-05-01", "to": f"{year}-05-31"}) == [
        "Messe",
        "Forum",
        "Webinar",
    ]
    assert in_range(**{"from": f"{year}-05-15"}) == ["Webinar", "Juni"]
    # Without "when", a range open to the past reaches into it.
    assert in_range(to=f"{year}-05-14") == ["Letztes Jahr", "Messe", "Forum"]
    assert in_range(to=f"{year}-05-14", format="forum") == ["Forum"]
    assert in_range(**{"from": f"{year - 2}-01-01", "to": f"{year - 2}-12-31"}) == ["Letztes Jahr"]
    assert (
        in_range(when="upcoming", **{"from": f"{year - 2}-01-01", "to": f"{year - 2}-12-31"}) == []
    )


def test_only_live_public_events_of_the_site_and_locale(api_client, site, event_index):
    EventPageFactory(parent=event_index, title="Öffentlich", start=NOW + DAY)
    EventPageFactory(parent=event_index, title="Entwurf", start=NOW + DAY, live=False)
    private = EventPageFactory(parent=event_index, title="Intern", start=NOW + DAY)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    other_site = SiteFactory(hostname="cluster-chemie-kunststoffe.localhost")
    EventPageFactory(
        parent=EventIndexPageFactory(parent=other_site.root_page),
        title="Anderer Cluster",
        start=NOW + DAY,
    )

    assert titles(api_client.get(URL, {"site": HOSTNAME})) == ["Öffentlich"]
    assert titles(api_client.get(URL, {"site": other_site.hostname})) == ["Anderer Cluster"]


def test_english_lists_translated_events_without_untranslated_stand_ins(
    api_client, site, event_index
):
    forum = EventPageFactory(parent=event_index, title="FORUM Chemie", start=NOW + DAY)
    translate_page(event_index, "en", title="Events", slug="events")
    translate_page(forum, "en", title="Chemistry FORUM", slug="chemistry-forum")
    untranslated = EventPageFactory(parent=event_index, title="Netzwerktreffen", start=NOW + DAY)
    untranslated.copy_for_translation(locale("en"), alias=True)

    response = api_client.get(URL, {"site": HOSTNAME, "locale": "en"})

    assert titles(response) == ["Chemistry FORUM"]
    item = response.json()["results"][0]
    assert (item["locale"], item["path"]) == ("en", "/en/events/chemistry-forum/")
    assert titles(api_client.get(URL, {"site": HOSTNAME, "locale": "de"})) == [
        "FORUM Chemie",
        "Netzwerktreffen",
    ]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({}, "site"),
        ({"site": "nirgendwo.localhost"}, "site"),
        ({"site": HOSTNAME, "when": "tomorrow"}, "when"),
        ({"site": HOSTNAME, "format": "party"}, "format"),
        ({"site": HOSTNAME, "from": "14.05.2025"}, "from"),
        ({"site": HOSTNAME, "to": "2025-02-30"}, "to"),
        ({"site": HOSTNAME, "from": "2025-06-01", "to": "2025-05-01"}, "to"),
        ({"site": HOSTNAME, "locale": "fr"}, "locale"),
        ({"site": HOSTNAME, "order": "start"}, "order"),
    ],
)
def test_bad_values_and_unknown_parameters_are_a_400_problem(api_client, site, query, parameter):
    response = api_client.get(URL, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert list(response.json()["errors"]) == [parameter]


def test_list_costs_the_same_queries_for_10_and_100_events(api_client, site, event_index):
    def add_events(count: int):
        with automatic_indexing_paused():
            for number in range(count):
                EventPageFactory(
                    parent=event_index, start=NOW + (number + 1) * DAY, listing_image=ImageFactory()
                )

    def count_queries() -> int:
        query = {"site": HOSTNAME, "page_size": "100"}
        # The first request renders each listing image once; the renditions then exist.
        assert api_client.get(URL, query).status_code == 200
        # Both counts include the site root paths that Wagtail would otherwise have cached
        # (the test cache holds 300 entries; renditions of 100 images push them out).
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(URL, query)
        assert response.status_code == 200
        return len(queries)

    add_events(10)
    for_10 = count_queries()
    add_events(90)
    for_100 = count_queries()

    assert api_client.get(URL, {"site": HOSTNAME}).json()["count"] == 100
    assert for_10 == for_100
