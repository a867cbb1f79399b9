"""Documents (PDF editions, CKreihe documentation, brochures) as download links.

::

    {"id": 4, "title": "CKnews 2/2024", "url": "https://hub.example/documents/4/cknews-2-2024.pdf",
     "filename": "cknews-2-2024.pdf", "file_extension": "pdf", "file_size": 482113}
"""

from rest_framework import serializers

from api.serializers.urls import absolute_url


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="Stable download address on the hub.")
    filename = serializers.CharField()
    file_extension = serializers.CharField()
    file_size = serializers.IntegerField(allow_null=True, help_text="Size in bytes.")

    def to_representation(self, document):
        return {
            "id": document.pk,
            "title": document.title,
            "url": absolute_url(document.url, request=self.context.get("request")),
            "filename": document.filename,
            "file_extension": document.file_extension,
            "file_size": document.file_size,
        }
