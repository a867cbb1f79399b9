"""Events in lists: the compact listing item of a page plus date, place and registration.

::

    {"id": 41, "type": "event", "title": "FORUM Chemie 2025", "locale": "de",
     "path": "/termine/forum-chemie-2025/", "site": "chemienetzwerk-harz.localhost",
     "listing_title": "FORUM Chemie", "listing_summary": "Das Jahrestreffen der Branche.",
     "listing_image": null,
     "first_published_at": "2025-01-10T09:00:00+01:00",
     "last_published_at": "2025-02-01T12:30:00+01:00",
     "start": "2025-05-14T10:00:00+02:00", "end": "2025-05-14T17:00:00+02:00",
     "all_day": false, "format": "forum",
     "venue": {"name": "Kaiserpfalz", "street": "Kaiserbleek 6", "postal_code": "38640",
               "city": "Goslar"},
     "online_url": null, "registration_url": "https://forum-chemie.example/anmeldung",
     "registration_deadline": "2025-05-07", "fee_note": "Für Mitglieder kostenfrei"}

Times are ISO 8601 in the hub's time zone (Europe/Berlin) with their offset; for all-day
events only the dates of ``start`` and ``end`` are meaningful.
"""

from rest_framework import serializers

from api.serializers.pages.base import PageListItemSerializer
from api.serializers.pages.event import EventVenueSerializer
from api.serializers.pages.fields import BlankAsNullURLField, PageTypeField
from pages.models import EventFormat, EventPage


class EventListItemSerializer(PageListItemSerializer):
    """An event in a list: ``PageListItem`` and what an event list shows (see the module
    doc for an example).

    Takes EventPage rows prepared by ``list_queryset()``; needs ``request`` in the context.
    """

    type = PageTypeField(page_model=EventPage)
    start = serializers.DateTimeField(read_only=True)
    end = serializers.DateTimeField(read_only=True, allow_null=True)
    all_day = serializers.BooleanField(
        read_only=True, help_text="Show only the dates of start and end, not the times."
    )
    format = serializers.ChoiceField(choices=EventFormat.choices, read_only=True)
    venue = EventVenueSerializer(source="*", read_only=True)
    online_url = BlankAsNullURLField(help_text="Link to join online; null for on-site events.")
    registration_url = BlankAsNullURLField(help_text="Where to register; null when not needed.")
    registration_deadline = serializers.DateField(read_only=True, allow_null=True)
    fee_note = serializers.CharField(
        read_only=True, help_text="e.g. free for members; may be empty."
    )
