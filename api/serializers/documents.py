"""Documents (PDF editions, CKreihe documentation, brochures) as download links.

::

    {"id": 4, "title": "CKnews 2/2024", "url": "https://hub.example/documents/4/cknews-2-2024.pdf",
     "filename": "cknews-2-2024.pdf", "file_extension": "pdf", "file_size": 482113}

``url`` stays valid when staff replace the file: the hub redirects an address with an
older filename to the current one (hub/documents.py).

Documents in a collection under a view restriction are not public: wherever one is
referred to, it renders as null (a PDF edition, a document block's ``document``, the value
of a document chooser) or is left out (a list of documents). Which collections are
restricted is looked up once per response.
"""

from rest_framework import serializers

from api.selectors.documents import restricted_collection_ids
from api.serializers.urls import absolute_url

# Where the restricted collection ids are kept in a serializer context (one response).
_RESTRICTED_COLLECTIONS_KEY = "_restricted_collection_ids"


def is_public_document(document, *, context: dict) -> bool:
    """Whether ``document`` may appear in a public response; one query per ``context``."""
    restricted = context.get(_RESTRICTED_COLLECTIONS_KEY)
    if restricted is None:
        restricted = context[_RESTRICTED_COLLECTIONS_KEY] = restricted_collection_ids()
    return document.collection_id not in restricted


class DocumentListSerializer(serializers.ListSerializer):
    """A list of documents without the ones that are not public."""

    def to_representation(self, data):
        return [item for item in super().to_representation(data) if item is not None]


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="Stable download address on the hub.")
    filename = serializers.CharField()
    file_extension = serializers.CharField()
    file_size = serializers.IntegerField(allow_null=True, help_text="Size in bytes.")

    class Meta:
        list_serializer_class = DocumentListSerializer

    @property
    def data(self):
        """The document's fields, or None for a document that is not public."""
        if self.instance is not None and not is_public_document(
            self.instance, context=self.context
        ):
            return None
        return super().data

    def to_representation(self, document):
        if not is_public_document(document, context=self.context):
            return None
        return {
            "id": document.pk,
            "title": document.title,
            "url": absolute_url(document.url, request=self.context.get("request")),
            "filename": document.filename,
            "file_extension": document.file_extension,
            "file_size": document.file_size,
        }
