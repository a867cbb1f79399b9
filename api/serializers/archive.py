"""Entries of the archive: a newsletter issue or an event documentation with its documents."""

from rest_framework import serializers

from api.selectors.archive import ArchiveEntry
from api.serializers.documents import DocumentSerializer
from api.serializers.pages.fields import PageReferenceSerializer

ENTRY_KINDS = [
    ("newsletter_issue", "An issue of a newsletter series with its PDF edition"),
    ("documentation_item", "The documentation of an event with its files"),
]


class ArchiveSeriesSerializer(serializers.Serializer):
    """The series an archive entry belongs to, in the entry's language.

    ::

        {"id": 21, "title": "CKnews", "short_name": "CKnews"}
    """

    id = serializers.IntegerField()
    title = serializers.CharField()
    short_name = serializers.CharField(help_text="Name the series is known by; may be empty.")


class ArchiveEntrySerializer(serializers.Serializer):
    """A publication and its public documents.

    ::

        {"kind": "newsletter_issue", "date": "2026-03-15", "year": 2026,
         "title": "CKnews 1/2026",
         "page": {"id": 34, "type": "newsletter_issue", "title": "CKnews 1/2026",
                  "locale": "de", "path": "/cknews/cknews-1-2026/"},
         "series": {"id": 21, "title": "CKnews", "short_name": "CKnews"},
         "documents": [{"id": 4, "title": "CKnews 1/2026 (PDF-Ausgabe)",
                        "url": "https://hub.example/documents/4/cknews-1-2026.pdf",
                        "filename": "cknews-1-2026.pdf", "file_extension": "pdf",
                        "file_size": 482113}]}

    ``date`` is an issue's publication date or the (first) day of the documented event;
    ``year`` is the issue's year (which may differ from the publication date's) or the
    event's. ``documents`` holds an issue's PDF edition, or the files of a documentation
    in the order the page lists them; it is never empty.
    """

    kind = serializers.ChoiceField(choices=ENTRY_KINDS)
    date = serializers.DateField(allow_null=True)
    year = serializers.IntegerField(allow_null=True)
    title = serializers.CharField(help_text="The title of the issue or documentation page.")
    page = PageReferenceSerializer(help_text="The issue or documentation page.")
    series = ArchiveSeriesSerializer()
    documents = DocumentSerializer(many=True)

    def to_representation(self, entry: ArchiveEntry):
        return {
            "kind": entry.kind,
            "date": entry.date.isoformat() if entry.date else None,
            "year": entry.year,
            "title": entry.page.title,
            "page": PageReferenceSerializer(entry.page, context=self.context).data,
            "series": {
                "id": entry.series.pk,
                "title": entry.series.title,
                "short_name": entry.series.short_name,
            },
            "documents": DocumentSerializer(entry.documents, many=True, context=self.context).data,
        }
