"""The standard page: a general content page."""

from rest_framework import serializers

from api.serializers.pages.base import PageSerializer
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import StandardPage


class StandardPageSerializer(PageSerializer):
    """A plain content page.

    ::

        {...common page fields (type: "standard")...,
         "intro": "Wer wir sind und was wir tun.",
         "body": [{"type": "paragraph", "id": "…", "value": "<p>…</p>"}, ...]}
    """

    page_model = StandardPage

    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    body = StreamFieldSerializerField.for_model_field(StandardPage, "body")
