"""A site's events as an iCalendar feed (RFC 5545) that calendar apps subscribe to.

::

    BEGIN:VCALENDAR
    VERSION:2.0
    PRODID:-//Cluster Hub//Events//DE
    NAME:ChemieNetzwerk Harz
    X-WR-CALNAME:ChemieNetzwerk Harz
    BEGIN:VTIMEZONE
    TZID:Europe/Berlin
    ...
    BEGIN:VEVENT
    UID:3f1c...-de@chemienetzwerk-harz.localhost
    DTSTAMP:20250201T113000Z
    DTSTART;TZID=Europe/Berlin:20250514T100000
    DTEND;TZID=Europe/Berlin:20250514T170000
    SUMMARY:FORUM Chemie 2025
    LOCATION:Kaiserpfalz, Kaiserbleek 6, 38640 Goslar
    URL:https://www.chemienetzwerk-harz.example/termine/forum-chemie-2025/
    DESCRIPTION:Das Jahrestreffen der Branche.
    END:VEVENT
    END:VCALENDAR

The feed is built only from what is published, so the same content gives the same bytes
(and ETag): ``DTSTAMP`` is the event's last publication, not the time of the request.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event
from rest_framework.renderers import BaseRenderer

from pages.models import EventPage

# How long past events stay in the feed, so subscribers still find last week's meeting.
RECENT_DAYS = 90


class ICalendarRenderer(BaseRenderer):
    """Renders the bytes of an iCalendar document that a view hands over as they are."""

    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


def event_uid(event: EventPage, *, hostname: str) -> str:
    """A UID that stays the same across edits and republication: one per event and locale."""
    return f"{event.translation_key}-{event.locale.language_code}@{hostname}"


def event_location(event: EventPage) -> str:
    """Venue, street and town on one line; the online link for events without a place."""
    town = " ".join(part for part in (event.postal_code, event.city) if part)
    parts = [part for part in (event.venue_name, event.street, town) if part]
    if parts:
        return ", ".join(parts)
    return event.online_url


def event_times(event: EventPage) -> tuple:
    """DTSTART and DTEND values: dates for all-day events, times in the hub's zone otherwise.

    An all-day DTEND is exclusive (RFC 5545), the day after the last day.
    """
    zone = ZoneInfo(settings.TIME_ZONE)
    if event.all_day:
        first_day = timezone.localtime(event.start, zone).date()
        last_day = timezone.localtime(event.end, zone).date() if event.end else first_day
        return first_day, max(last_day, first_day) + datetime.timedelta(days=1)
    start = timezone.localtime(event.start, zone)
    end = timezone.localtime(event.end, zone) if event.end else None
    return start, end


def event_stamp(event: EventPage) -> datetime.datetime:
    """DTSTAMP in UTC: when the event was last published (the feed has no METHOD, so RFC 5545
    makes DTSTAMP the time the information last changed)."""
    published = event.last_published_at or event.first_published_at or event.start
    return published.astimezone(datetime.UTC)


def calendar_event(event: EventPage, *, hostname: str, request=None) -> Event:
    start, end = event_times(event)
    return Event.new(
        uid=event_uid(event, hostname=hostname),
        stamp=event_stamp(event),
        start=start,
        end=end,
        summary=event.title,
        location=event_location(event) or None,
        url=event.get_frontend_url(request=request),
        description=event.listing_summary or event.intro or None,
    )


def events_calendar(events, *, name: str, hostname: str, language: str, request=None) -> bytes:
    """The VCALENDAR document with one VEVENT per event in ``events``."""
    events = list(events)
    calendar = Calendar.new(
        prodid="-//Cluster Hub//Events//DE",
        # A fixed UID: icalendar would otherwise draw a random one for every request.
        uid=f"events-{language}@{hostname}",
        name=name,
        language=language,
        subcomponents=[
            calendar_event(event, hostname=hostname, request=request) for event in events
        ],
    )
    if events:
        # Times refer to Europe/Berlin by TZID; the VTIMEZONE tells clients what that means,
        # for the years the events span (a shorter definition than icalendar's 1970-2038).
        first_day = timezone.localtime(min(event.start for event in events)).date()
        last_moment = max(event.end or event.start for event in events)
        last_day = timezone.localtime(last_moment).date()
        calendar.add_missing_timezones(
            first_date=first_day - datetime.timedelta(days=1),
            last_date=last_day + datetime.timedelta(days=366),
        )
    return calendar.to_ical()
