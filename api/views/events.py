"""A site's events: a list for event pages and teasers, and an iCalendar feed."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from api import ical
from api.params import LocaleField, QueryParameters, SiteField
from api.selectors import events as selectors
from api.serializers.events import EventListItemSerializer
from api.views.base import PublicAPIView, PublicListView
from api.views.directory import requested_locale
from pages.models import EventFormat


class SiteLocaleParameters(QueryParameters):
    site = SiteField(help_text="Hostname of the site, e.g. chemienetzwerk-harz.localhost.")
    locale = LocaleField(
        required=False, help_text="Language of the events (default: de, the source language)."
    )


class EventListParameters(SiteLocaleParameters):
    when = serializers.ChoiceField(
        choices=[selectors.UPCOMING, selectors.PAST],
        required=False,
        help_text=(
            "upcoming: not over yet, soonest first; past: over, latest first. Without it, "
            "upcoming events, or all events in the from/to range."
        ),
    )
    format = serializers.ChoiceField(choices=EventFormat.choices, required=False)

    def get_fields(self):
        # "from" is a Python keyword, so the two date fields are added by name here.
        fields = super().get_fields()
        fields["from"] = serializers.DateField(
            required=False, help_text="Events taking place on this day or later (YYYY-MM-DD)."
        )
        fields["to"] = serializers.DateField(
            required=False,
            help_text="Events taking place on this day or earlier (YYYY-MM-DD).",
        )
        return fields

    def validate(self, data):
        date_from, date_to = data.get("from"), data.get("to")
        if date_from and date_to and date_from > date_to:
            raise serializers.ValidationError({"to": [_("Give a day on or after from.")]})
        return data


class EventListView(PublicListView):
    """Live, public events of one site in one language.

    ``GET /api/v1/events/?site=chemienetzwerk-harz.localhost&locale=de&when=upcoming
    &format=forum&from=2025-05-01&to=2025-05-31``::

        {"count": 1, "next": null, "previous": null,
         "results": [{"id": 41, "type": "event", "title": "FORUM Chemie 2025",
                      "path": "/termine/forum-chemie-2025/",
                      "start": "2025-05-14T10:00:00+02:00", ...}]}

    See EventListItemSerializer for an item.
    """

    parameters_class = EventListParameters
    serializer_class = EventListItemSerializer

    def get_queryset(self):
        events = selectors.events(
            site=self.params["site"],
            locale=requested_locale(self.params),
            when=self.params.get("when"),
            event_format=self.params.get("format"),
            date_from=self.params.get("from"),
            date_to=self.params.get("to"),
        )
        return EventListItemSerializer.list_queryset(events)


class EventCalendarView(PublicAPIView):
    """The events of a site as an iCalendar feed to subscribe to.

    ``GET /api/v1/events/ical/?site=chemienetzwerk-harz.localhost&locale=en`` answers
    ``text/calendar; charset=utf-8``: one VEVENT per upcoming event and per event that
    ended within the last 90 days (see api/ical.py for an example). Errors are problem
    documents in JSON like everywhere else.
    """

    parameters_class = SiteLocaleParameters
    renderer_classes = [ical.ICalendarRenderer]

    @extend_schema(
        responses={
            (200, ical.ICalendarRenderer.media_type): OpenApiResponse(
                response=OpenApiTypes.STR,
                description="An iCalendar (RFC 5545) document with one VEVENT per event.",
            )
        }
    )
    def get(self, request):
        site, locale = self.params["site"], requested_locale(self.params)
        events = selectors.calendar_events(site=site, locale=locale, recent_days=ical.RECENT_DAYS)
        body = ical.events_calendar(
            events,
            name=site.site_name or site.hostname,
            hostname=site.hostname,
            language=locale.language_code,
            request=request,
        )
        return Response(body)

    def finalize_response(self, request, response, *args, **kwargs):
        if not isinstance(getattr(response, "data", None), bytes):
            # Problem documents (and OPTIONS metadata) are JSON; the calendar renderer only
            # passes the bytes of a calendar through.
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = "application/json"
        return super().finalize_response(request, response, *args, **kwargs)
