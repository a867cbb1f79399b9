"""News pages: the news listing and a news item."""

from rest_framework import serializers

from api.serializers.images import ImageSerializer, rendition_prefetch
from api.serializers.pages.base import PageSerializer
from api.serializers.pages.fields import LocalizedSnippetField
from api.serializers.snippets import PersonSerializer, TopicSerializer
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import NewsIndexPage, NewsPage


class NewsIndexPageSerializer(PageSerializer):
    """The news listing; the news items are its children
    (``/api/v1/pages/?child_of=<id>&order=-first_published_at``).

    ::

        {...common page fields (type: "news_index")..., "intro": "Neues aus dem Netzwerk."}
    """

    page_model = NewsIndexPage

    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")


class NewsPageSerializer(PageSerializer):
    """A news item.

    ::

        {...common page fields (type: "news")...,
         "date": "2024-03-01", "intro": "Das Netzwerk wächst.", "image": {...Image...},
         "author": {...Person...}, "topics": [{...Topic...}], "body": [...]}
    """

    page_model = NewsPage
    select_related = (
        *PageSerializer.select_related,
        "image",
        "author__photo",
        "author__organisation",
    )
    prefetch_related = (
        *PageSerializer.prefetch_related,
        rendition_prefetch("image__renditions"),
        "topics",
    )

    date = serializers.DateField(read_only=True, allow_null=True)
    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    image = ImageSerializer(allow_null=True, read_only=True)
    author = LocalizedSnippetField(PersonSerializer)
    topics = TopicSerializer(many=True, read_only=True)
    body = StreamFieldSerializerField.for_model_field(NewsPage, "body")
