"""Event pages: the calendar and an event."""

from rest_framework import serializers

from api.serializers.pages.base import PageSerializer
from api.serializers.pages.fields import BlankAsNullURLField, LocalizedSnippetField
from api.serializers.snippets import OrganisationSummarySerializer, TopicSerializer
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import EventFormat, EventIndexPage, EventPage


class EventIndexPageSerializer(PageSerializer):
    """The calendar of a site; the events are its children, and
    ``/api/v1/events/?site=...`` lists them by date.

    ::

        {...common page fields (type: "event_index")..., "intro": "Unsere Termine."}
    """

    page_model = EventIndexPage

    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")


class EventVenueSerializer(serializers.Serializer):
    """Where an event takes place; every part may be empty (online events).

    ::

        {"name": "Kaiserpfalz", "street": "Kaiserbleek 6", "postal_code": "38640",
         "city": "Goslar"}
    """

    name = serializers.CharField(source="venue_name")
    street = serializers.CharField()
    postal_code = serializers.CharField()
    city = serializers.CharField()


class EventPageSerializer(PageSerializer):
    """An event: a conference, workshop, forum, trade fair, network meeting, ...

    ::

        {...common page fields (type: "event")...,
         "start": "2025-05-14T10:00:00+02:00", "end": "2025-05-14T16:00:00+02:00",
         "all_day": false, "format": "forum",
         "venue": {"name": "Kaiserpfalz", "street": "Kaiserbleek 6", "postal_code": "38640",
                   "city": "Goslar"},
         "online_url": null, "registration_url": "https://example.org/anmeldung",
         "registration_deadline": "2025-05-07", "fee_note": "Für Mitglieder kostenfrei",
         "organiser": {...OrganisationSummary...},
         "intro": "...", "topics": [{...Topic...}], "body": [...]}

    With ``all_day`` the times of ``start`` and ``end`` carry no meaning: show the dates.
    """

    page_model = EventPage
    select_related = (*PageSerializer.select_related, "organiser__logo")
    prefetch_related = (*PageSerializer.prefetch_related, "topics")

    start = serializers.DateTimeField(read_only=True, allow_null=True)
    end = serializers.DateTimeField(read_only=True, allow_null=True)
    all_day = serializers.BooleanField(read_only=True)
    format = serializers.ChoiceField(choices=EventFormat.choices, read_only=True)
    venue = EventVenueSerializer(source="*", read_only=True)
    online_url = BlankAsNullURLField(help_text="Link to join online; null for on-site events.")
    registration_url = BlankAsNullURLField(help_text="Where to register; null when not needed.")
    registration_deadline = serializers.DateField(read_only=True, allow_null=True)
    fee_note = serializers.CharField(read_only=True, help_text="May be empty.")
    organiser = LocalizedSnippetField(OrganisationSummarySerializer)
    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    topics = TopicSerializer(many=True, read_only=True)
    body = StreamFieldSerializerField.for_model_field(EventPage, "body")
