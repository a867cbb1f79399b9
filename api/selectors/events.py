"""Queries behind the event endpoints: a site's live, public events in one locale.

An event counts as upcoming until it is over: until its end, or its start when no end is
known. All-day events last until the end of their (last) day in the hub's time zone, so a
trade fair stays "upcoming" on its final afternoon.
"""

import datetime

from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from pages.models import EventPage
from pages.selectors import public_pages

UPCOMING = "upcoming"
PAST = "past"


def site_root_in_locale(*, site: Site, locale: Locale) -> Page | None:
    """The root page of ``site`` in ``locale`` (the translation of the site's home page)."""
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale)


def start_of_local_day(moment: datetime.datetime) -> datetime.datetime:
    """Midnight (in the hub's time zone) of the day ``moment`` falls on."""
    local = timezone.localtime(moment)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def over_after(moment: datetime.datetime) -> Q:
    """Events that are not over at ``moment`` (see the module doc)."""
    return Q(all_day=False, effective_end__gte=moment) | Q(
        all_day=True, effective_end__gte=start_of_local_day(moment)
    )


def site_events(*, site: Site, locale: Locale) -> QuerySet[EventPage]:
    """Live, public events of ``site`` in ``locale``, aliases left out; ``effective_end``
    is the end, or the start without one."""
    root = site_root_in_locale(site=site, locale=locale)
    if root is None:
        return EventPage.objects.none()
    return (
        public_pages(EventPage.objects.all())
        .descendant_of(root)
        .filter(locale_id=locale.pk, alias_of__isnull=True, start__isnull=False)
        .annotate(effective_end=Coalesce("end", "start"))
        .select_related("locale")
    )


def events(
    *,
    site: Site,
    locale: Locale,
    when: str | None = None,
    event_format: str | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> QuerySet[EventPage]:
    """Events for a list: ``when`` upcoming (soonest first) or past (latest first).

    ``date_from``/``date_to`` keep events that take place on any day of that range (local
    dates, both inclusive), which suits calendar month views. Without ``when`` the range
    alone applies, soonest first; without both, upcoming events are listed.
    """
    now = now or timezone.now()
    queryset = site_events(site=site, locale=locale)
    if when is None and date_from is None and date_to is None:
        when = UPCOMING
    if when == UPCOMING:
        queryset = queryset.filter(over_after(now))
    elif when == PAST:
        queryset = queryset.exclude(over_after(now))
    if event_format:
        queryset = queryset.filter(format=event_format)
    if date_from is not None:
        queryset = queryset.filter(effective_end__gte=local_midnight(date_from))
    if date_to is not None:
        next_day = date_to + datetime.timedelta(days=1)
        queryset = queryset.filter(start__lt=local_midnight(next_day))
    if when == PAST:
        return queryset.order_by(F("start").desc(), "-pk")
    return queryset.order_by("start", "pk")


def calendar_events(
    *,
    site: Site,
    locale: Locale,
    recent_days: int,
    now: datetime.datetime | None = None,
) -> QuerySet[EventPage]:
    """Events for a calendar feed: upcoming ones and those over for at most
    ``recent_days`` days, by start."""
    now = now or timezone.now()
    return (
        site_events(site=site, locale=locale)
        .filter(over_after(now - datetime.timedelta(days=recent_days)))
        .order_by("start", "pk")
    )
