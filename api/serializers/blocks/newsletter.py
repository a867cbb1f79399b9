"""Values of the blocks of a newsletter issue (pages/blocks/newsletter.py)."""

from rest_framework import serializers

from api.serializers.blocks.fields import SnippetChooserField
from api.serializers.blocks.references import LinkBlockValueSerializer
from api.serializers.images import ImageSerializer
from api.serializers.rich_text import RichTextField
from api.serializers.snippets import PersonSerializer


class NewsletterArticleBlockValueSerializer(serializers.Serializer):
    """One article of a newsletter issue::

        {"headline": "Rohstoffregion Harz",
         "teaser": "Wie kleine und mittlere Unternehmen Sekundärrohstoffe erschließen.",
         "image": {...Image...}, "body": "<p>Der Harz gilt seit jeher ...</p>",
         "author": null, "author_name": "Redaktion CKnews",
         "related_link": {"page": null, "url": "https://www.example.org",
                          "label": "Zum Projekt"}}

    The author is either a person from the directory (``author``) or a name as typed
    (``author_name``, empty otherwise).
    """

    headline = serializers.CharField()
    teaser = serializers.CharField()
    image = ImageSerializer(allow_null=True)
    body = RichTextField()
    author = SnippetChooserField(PersonSerializer)
    author_name = serializers.CharField()
    related_link = LinkBlockValueSerializer()
