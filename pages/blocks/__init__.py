"""StreamField blocks of the hub, by kind, and the stream used for page bodies."""

from wagtail import blocks

from pages.blocks.data import (
    FieldOfActionBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    MeasureBlock,
    TimelineBlock,
    TimelineItemBlock,
)
from pages.blocks.media import DocumentBlock, EmbedBlock, GalleryBlock, ImageBlock
from pages.blocks.newsletter import NewsletterArticleBlock
from pages.blocks.references import (
    FundingNoticeBlock,
    LinkBlock,
    OrganisationsBlock,
    PeopleBlock,
    QuoteSnippetBlock,
)
from pages.blocks.text import (
    INLINE_RICH_TEXT_FEATURES,
    RICH_TEXT_FEATURES,
    AccordionBlock,
    AccordionItemBlock,
    CallToActionBlock,
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
)


class BodyStreamBlock(blocks.StreamBlock):
    """The general-purpose content stream of a page's ``body``."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    accordion = AccordionBlock()
    call_to_action = CallToActionBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    embed = EmbedBlock()
    document = DocumentBlock()
    key_figures = KeyFiguresBlock()
    timeline = TimelineBlock()
    quote_snippet = QuoteSnippetBlock()
    funding_notice = FundingNoticeBlock()
    people = PeopleBlock()
    organisations = OrganisationsBlock()


__all__ = [
    "INLINE_RICH_TEXT_FEATURES",
    "RICH_TEXT_FEATURES",
    "AccordionBlock",
    "AccordionItemBlock",
    "BodyStreamBlock",
    "CallToActionBlock",
    "DocumentBlock",
    "EmbedBlock",
    "FieldOfActionBlock",
    "FundingNoticeBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageBlock",
    "KeyFigureBlock",
    "KeyFiguresBlock",
    "LinkBlock",
    "MeasureBlock",
    "NewsletterArticleBlock",
    "OrganisationsBlock",
    "ParagraphBlock",
    "PeopleBlock",
    "QuoteBlock",
    "QuoteSnippetBlock",
    "TimelineBlock",
    "TimelineItemBlock",
]
