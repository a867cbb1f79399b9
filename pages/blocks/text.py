"""Text blocks: headings, paragraphs, quotes, accordions and calls to action."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from pages.blocks.base import StructBlock

# Editors get the structure a frontend can style consistently; no h1 (the page title is the
# h1), no embeds or images inside running text (those are blocks of their own).
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

HEADING_LEVELS = [("h2", "Level 2"), ("h3", "Level 3"), ("h4", "Level 4")]


class HeadingBlock(StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(choices=HEADING_LEVELS, default="h2")

    class Meta:
        icon = "title"
        template = "pages/blocks/heading.html"
        label = "Heading"
        group = "Text"
        description = "A section heading (level 2 to 4; the page title is level 1)."
        preview_value = {"text": "Kompetenzregion Westharz", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with the curated feature set."""

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        group = "Text"
        description = "Running text with subheadings, lists and links."
        preview_value = (
            "<p>Das Netzwerk bündelt die Kompetenzen von <b>Unternehmen</b>, "
            "Forschungseinrichtungen und weiteren Akteuren der Region.</p>"
        )


class QuoteBlock(StructBlock):
    text = blocks.TextBlock(max_length=1000)
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text="Who said it, e.g. Dr. Christoph Mühlhaus"
    )
    role = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Position or organisation of the person quoted, e.g. Clustersprecher",
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("role") and not value.get("attribution"):
            raise StructBlockValidationError(
                block_errors={
                    "attribution": ValidationError("A role needs the name of the person quoted.")
                }
            )
        return value

    class Meta:
        icon = "openquote"
        template = "pages/blocks/quote.html"
        label = "Quote"
        group = "Text"
        description = "A quotation typed in place, with the person it comes from."
        preview_value = {
            "text": "Innovative Unternehmen und Forschungseinrichtungen sind die Basis "
            "für eine nachhaltige Entwicklung der Region.",
            "attribution": "Dr. Christoph Mühlhaus",
            "role": "Clustersprecher",
        }


class AccordionItemBlock(StructBlock):
    question = blocks.CharBlock(max_length=255)
    answer = blocks.RichTextBlock(features=INLINE_RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Item"
        description = "One question with its answer."


class AccordionBlock(StructBlock):
    heading = blocks.CharBlock(required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "collapse-down"
        template = "pages/blocks/accordion.html"
        label = "Accordion"
        group = "Text"
        description = "Questions and answers that open one at a time (FAQ)."
        preview_value = {
            "heading": "Häufige Fragen",
            "items": [
                {
                    "question": "Wer kann Mitglied werden?",
                    "answer": "<p>Unternehmen, Hochschulen und Forschungseinrichtungen "
                    "der Region.</p>",
                },
                {
                    "question": "Was kostet die Mitgliedschaft?",
                    "answer": "<p>Der Beitrag richtet sich nach der Unternehmensgröße.</p>",
                },
            ],
        }


class CallToActionBlock(StructBlock):
    """A prominent link to a page of the hub or to an external address."""

    title = blocks.CharBlock(max_length=200)
    text = blocks.TextBlock(required=False, max_length=500)
    page = blocks.PageChooserBlock(required=False, help_text="Link to a page of this site …")
    url = blocks.URLBlock(required=False, help_text="… or to an external address.")
    label = blocks.CharBlock(max_length=60, help_text="Button text, e.g. Jetzt anmelden")

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page and has_url:
            message = "Choose a page or enter a URL, not both."
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        if not has_page and not has_url and not self.is_deferred_validation:
            raise StructBlockValidationError(
                block_errors={"page": ValidationError("Choose a page or enter a URL.")}
            )
        return value

    class Meta:
        icon = "pick"
        template = "pages/blocks/call_to_action.html"
        label = "Call to action"
        group = "Text"
        description = "A highlighted box with a short text and one button."
        preview_value = {
            "title": "Mitglied werden",
            "text": "Profitieren Sie vom Austausch mit Unternehmen und Hochschulen der Region.",
            "url": "https://www.example.org/mitglied-werden",
            "label": "Mehr erfahren",
        }
