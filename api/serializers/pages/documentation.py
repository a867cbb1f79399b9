"""Documentation pages: a series such as CKreihe and the documentation of one event."""

from rest_framework import serializers

from api.serializers.pages.base import PageSerializer
from api.serializers.pages.fields import PageReferenceField
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import DocumentationItemPage, DocumentSeriesPage


class DocumentSeriesPageSerializer(PageSerializer):
    """A documentation series; its items are its children (``/api/v1/pages/?child_of=<id>``).

    ::

        {...common page fields (type: "document_series")...,
         "short_name": "CKreihe", "intro": "Dokumentationen unserer Veranstaltungen."}
    """

    page_model = DocumentSeriesPage

    short_name = serializers.CharField(
        read_only=True, help_text="Name the series is known by; may be empty."
    )
    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")


class DocumentationItemPageSerializer(PageSerializer):
    """The documentation of one event: summary, presentations and photos.

    ::

        {...common page fields (type: "documentation_item")...,
         "number_in_series": 12, "event_title": "FORUM Chemie 2023",
         "event_date": "2023-11-08", "event_end_date": null,
         "venue": "Kulturhaus Leuna", "city": "Leuna",
         "summary": "Rund 120 Gäste diskutierten ...",
         "related_event": {"id": 40, "type": "event", "title": "FORUM Chemie 2023",
                           "locale": "de", "path": "/termine/forum-chemie-2023/"},
         "body": [...],
         "documents": [{"type": "document", "id": "…", "value": {...}}],
         "gallery": [{"type": "image", "id": "…", "value": {...}}]}
    """

    page_model = DocumentationItemPage

    number_in_series = serializers.IntegerField(read_only=True, allow_null=True)
    event_title = serializers.CharField(
        read_only=True, help_text="Title of the event if it differs from the page title."
    )
    event_date = serializers.DateField(read_only=True, allow_null=True)
    event_end_date = serializers.DateField(
        read_only=True, allow_null=True, help_text="Last day of an event over several days."
    )
    venue = serializers.CharField(read_only=True, help_text="May be empty.")
    city = serializers.CharField(read_only=True, help_text="May be empty.")
    summary = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    related_event = PageReferenceField(
        help_text="The announcement of the event; null when it is not public."
    )
    body = StreamFieldSerializerField.for_model_field(DocumentationItemPage, "body")
    documents = StreamFieldSerializerField.for_model_field(DocumentationItemPage, "documents")
    gallery = StreamFieldSerializerField.for_model_field(DocumentationItemPage, "gallery")
