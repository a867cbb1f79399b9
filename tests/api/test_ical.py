"""A site's events as an iCalendar feed: ``/api/v1/events/ical/``."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    FrontendSettingsFactory,
    SiteFactory,
    locale,
)
from tests.factories.sites import FRONTEND_BASE_URL

pytestmark = pytest.mark.django_db

URL = "/api/v1/events/ical/"
HOSTNAME = "chemienetzwerk-harz.localhost"
BERLIN = ZoneInfo("Europe/Berlin")
NOW = timezone.now()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def site():
    site = SiteFactory(hostname=HOSTNAME, site_name="ChemieNetzwerk Harz")
    FrontendSettingsFactory(site=site)
    return site


@pytest.fixture
def event_index(site):
    return EventIndexPageFactory(parent=site.root_page, title="Termine", slug="termine")


def calendar_events(response) -> dict[str, icalendar.Event]:
    """The feed's VEVENTs by SUMMARY."""
    assert response.status_code == 200, response.content
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_feed_is_a_calendar_with_one_event_per_upcoming_event(api_client, site, event_index):
    start = datetime.datetime(NOW.year + 1, 5, 14, 10, tzinfo=BERLIN)
    forum = EventPageFactory(
        parent=event_index,
        title="FORUM Chemie",
        slug="forum-chemie",
        start=start,
        end=start + datetime.timedelta(hours=7),
        venue_name="Kaiserpfalz",
        street="Kaiserbleek 6",
        postal_code="38640",
        city="Goslar",
        listing_summary="Das Jahrestreffen der Branche.",
    )
    forum.save_revision().publish()
    EventPageFactory(
        parent=event_index,
        title="Webinar Wasserstoff",
        start=NOW + DAY,
        city="",
        online_url="https://webinar.example/wasserstoff",
        intro="Wasserstoff in der Chemie.",
    )

    response = api_client.get(URL, {"site": HOSTNAME})

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["ETag"]
    assert "max-age" in response["Cache-Control"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "ChemieNetzwerk Harz"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    events = calendar_events(response)
    assert set(events) == {"FORUM Chemie", "Webinar Wasserstoff"}
    vevent = events["FORUM Chemie"]
    assert str(vevent["UID"]) == f"{forum.translation_key}-de@{HOSTNAME}"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert vevent.start == start
    assert vevent.end == start + datetime.timedelta(hours=7)
    assert str(vevent["LOCATION"]) == "Kaiserpfalz, Kaiserbleek 6, 38640 Goslar"
    assert str(vevent["URL"]) == f"{FRONTEND_BASE_URL}/termine/forum-chemie/"
    assert str(vevent["DESCRIPTION"]) == "Das Jahrestreffen der Branche."
    forum.refresh_from_db()
    # DTSTAMP is the last publication (to the second), so the feed only changes with content.
    assert vevent["DTSTAMP"].dt == forum.last_published_at.replace(microsecond=0)
    webinar = events["Webinar Wasserstoff"]
    assert str(webinar["LOCATION"]) == "https://webinar.example/wasserstoff"
    assert str(webinar["DESCRIPTION"]) == "Wasserstoff in der Chemie."
    assert "DTEND" not in webinar


def test_all_day_events_have_dates_with_an_exclusive_end(api_client, site, event_index):
    first_day = datetime.date(NOW.year + 1, 6, 3)
    EventPageFactory(
        parent=event_index,
        title="ACHEMA",
        start=datetime.datetime.combine(first_day, datetime.time(), tzinfo=BERLIN),
        end=datetime.datetime.combine(first_day + 4 * DAY, datetime.time(), tzinfo=BERLIN),
        all_day=True,
    )

    vevent = calendar_events(api_client.get(URL, {"site": HOSTNAME}))["ACHEMA"]

    assert vevent.start == first_day
    assert vevent.end == first_day + 5 * DAY
    assert vevent["DTSTART"].params.get("VALUE") == "DATE"


def test_feed_keeps_recent_events_and_drops_old_and_hidden_ones(api_client, site, event_index):
    EventPageFactory(parent=event_index, title="Letzte Woche", start=NOW - 7 * DAY)
    EventPageFactory(parent=event_index, title="Vor einem Jahr", start=NOW - 365 * DAY)
    EventPageFactory(parent=event_index, title="Entwurf", start=NOW + DAY, live=False)
    other_site = SiteFactory(hostname="cluster-chemie-kunststoffe.localhost")
    EventPageFactory(
        parent=EventIndexPageFactory(parent=other_site.root_page),
        title="Anderer Cluster",
        start=NOW + DAY,
    )

    assert set(calendar_events(api_client.get(URL, {"site": HOSTNAME}))) == {"Letzte Woche"}


def test_english_feed_has_english_events_and_their_own_uids(api_client, site, event_index):
    forum = EventPageFactory(parent=event_index, title="FORUM Chemie", start=NOW + DAY)
    english_index = event_index.copy_for_translation(locale("en"), copy_parents=True)
    english_index.slug = "events"
    english_index.save_revision().publish()
    english = forum.copy_for_translation(locale("en"))
    english.title, english.slug = "Chemistry FORUM", "chemistry-forum"
    english.save_revision().publish()

    events = calendar_events(api_client.get(URL, {"site": HOSTNAME, "locale": "en"}))

    assert set(events) == {"Chemistry FORUM"}
    vevent = events["Chemistry FORUM"]
    assert str(vevent["UID"]) == f"{forum.translation_key}-en@{HOSTNAME}"
    assert str(vevent["URL"]) == f"{FRONTEND_BASE_URL}/en/events/chemistry-forum/"


def test_the_same_content_gives_the_same_etag_and_a_304(api_client, site, event_index):
    EventPageFactory(parent=event_index, title="FORUM Chemie", start=NOW + DAY)

    first = api_client.get(URL, {"site": HOSTNAME})
    again = api_client.get(URL, {"site": HOSTNAME})
    cached = api_client.get(URL, {"site": HOSTNAME}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.content == again.content
    assert cached.status_code == 304
    assert cached.content == b""


def test_an_empty_calendar_is_still_valid(api_client, site):
    response = api_client.get(URL, {"site": HOSTNAME})

    assert calendar_events(response) == {}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({}, "site"),
        ({"site": "nirgendwo.localhost"}, "site"),
        ({"site": HOSTNAME, "locale": "fr"}, "locale"),
        ({"site": HOSTNAME, "when": "past"}, "when"),
    ],
)
def test_bad_parameters_are_a_json_problem(api_client, site, query, parameter):
    response = api_client.get(URL, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert list(response.json()["errors"]) == [parameter]
