"""Blocks of a newsletter issue (CKnews)."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock as WagtailImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from pages.blocks.base import StructBlock
from pages.blocks.references import LinkBlock
from pages.blocks.text import RICH_TEXT_FEATURES


class NewsletterArticleBlock(StructBlock):
    headline = blocks.CharBlock(max_length=200)
    teaser = blocks.TextBlock(
        max_length=500, help_text="Two or three sentences shown in the table of contents."
    )
    image = WagtailImageBlock(required=False)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    author = SnippetChooserBlock(
        "snippets.Person", required=False, help_text="Author from the people directory …"
    )
    author_name = blocks.CharBlock(
        required=False, max_length=200, help_text="… or the name of a guest author."
    )
    related_link = LinkBlock()

    def clean(self, value):
        value = super().clean(value)
        if value.get("author") and value.get("author_name"):
            message = "Choose an author or type a name, not both."
            raise StructBlockValidationError(
                block_errors={
                    "author": ValidationError(message),
                    "author_name": ValidationError(message),
                }
            )
        return value

    class Meta:
        icon = "doc-full-inverse"
        template = "pages/blocks/newsletter_article.html"
        label = "Article"
        description = "One article of a newsletter issue: headline, teaser, text, author, link."
        preview_value = {
            "headline": "Rohstoffregion Harz",
            "teaser": "Wie kleine und mittlere Unternehmen Sekundärrohstoffe erschließen.",
            "body": "<p>Der Harz gilt seit jeher als Rohstoffregion. Heute nutzen Betriebe "
            "ihr Wissen aus Aufbereitung und Metallurgie für das Recycling.</p>",
            "author_name": "Redaktion CKnews",
            "related_link": {"url": "https://www.example.org", "label": "Zum Projekt"},
        }
