"""Which serializer field renders the value of which block.

The hub's struct blocks have a value serializer each (``STRUCT_VALUE_SERIALIZERS``,
mirroring pages/blocks/); Wagtail's own blocks map to a field by kind
(``WAGTAIL_BLOCK_FIELDS``). ``block_value_field()`` picks by the block's class, most
specific first, and refuses blocks it does not know: a new block gets its value typed
before it reaches the API, instead of leaking out untyped.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from rest_framework import serializers
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.images.blocks import ImageBlock as WagtailImageBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from api.serializers.blocks import data, media, newsletter, references, text
from api.serializers.blocks.fields import (
    BlockListField,
    ChoiceValueField,
    PageChooserField,
    SnippetChooserField,
)
from api.serializers.documents import DocumentSerializer
from api.serializers.images import ImageSerializer
from api.serializers.pages.fields import BlankAsNullURLField
from api.serializers.rich_text import RichTextField
from pages import blocks as hub_blocks

STRUCT_VALUE_SERIALIZERS: dict[type[blocks.Block], type[serializers.Serializer]] = {
    hub_blocks.HeadingBlock: text.HeadingBlockValueSerializer,
    hub_blocks.QuoteBlock: text.QuoteBlockValueSerializer,
    hub_blocks.AccordionItemBlock: text.AccordionItemBlockValueSerializer,
    hub_blocks.AccordionBlock: text.AccordionBlockValueSerializer,
    hub_blocks.CallToActionBlock: text.CallToActionBlockValueSerializer,
    hub_blocks.ImageBlock: media.ImageBlockValueSerializer,
    hub_blocks.GalleryBlock: media.GalleryBlockValueSerializer,
    hub_blocks.EmbedBlock: media.EmbedBlockValueSerializer,
    hub_blocks.DocumentBlock: media.DocumentBlockValueSerializer,
    hub_blocks.KeyFigureBlock: data.KeyFigureBlockValueSerializer,
    hub_blocks.KeyFiguresBlock: data.KeyFiguresBlockValueSerializer,
    hub_blocks.TimelineItemBlock: data.TimelineItemBlockValueSerializer,
    hub_blocks.TimelineBlock: data.TimelineBlockValueSerializer,
    hub_blocks.MeasureBlock: data.MeasureBlockValueSerializer,
    hub_blocks.FieldOfActionBlock: data.FieldOfActionBlockValueSerializer,
    hub_blocks.FundingNoticeBlock: references.FundingNoticeBlockValueSerializer,
    hub_blocks.PeopleBlock: references.PeopleBlockValueSerializer,
    hub_blocks.OrganisationsBlock: references.OrganisationsBlockValueSerializer,
    hub_blocks.LinkBlock: references.LinkBlockValueSerializer,
    hub_blocks.NewsletterArticleBlock: newsletter.NewsletterArticleBlockValueSerializer,
}


def stream_field(block: blocks.StreamBlock) -> serializers.Field:
    # Imported here: the StreamField field renders its children with this module.
    from api.serializers.streamfield import StreamFieldSerializerField

    return StreamFieldSerializerField(block)


def list_field(block: blocks.ListBlock) -> serializers.Field:
    child = block_value_field(block.child_block)
    if isinstance(child, serializers.Serializer):
        return type(child)(many=True)
    return BlockListField(child=child)


def snippet_field(block: SnippetChooserBlock) -> serializers.Field:
    try:
        serializer_class = references.SNIPPET_SERIALIZERS[block.target_model]
    except KeyError:
        raise ImproperlyConfigured(
            f"No API serializer for snippets of {block.target_model!r}; add one to "
            "api.serializers.blocks.references.SNIPPET_SERIALIZERS."
        ) from None
    return SnippetChooserField(serializer_class)


# Wagtail's blocks, by class; subclasses (ParagraphBlock, QuoteSnippetBlock) inherit.
WAGTAIL_BLOCK_FIELDS: dict[type[blocks.Block], Callable[..., serializers.Field]] = {
    blocks.StreamBlock: stream_field,
    blocks.ListBlock: list_field,
    # Before URLBlock, which it extends: its value is the oEmbed answer, not the address.
    WagtailEmbedBlock: lambda block: media.EmbedSerializer(allow_null=True),
    WagtailImageBlock: lambda block: ImageSerializer(allow_null=True),
    ImageChooserBlock: lambda block: ImageSerializer(allow_null=True),
    DocumentChooserBlock: lambda block: DocumentSerializer(allow_null=True),
    blocks.PageChooserBlock: lambda block: PageChooserField(),
    SnippetChooserBlock: snippet_field,
    blocks.RichTextBlock: lambda block: RichTextField(),
    blocks.ChoiceBlock: lambda block: ChoiceValueField(choices=block.field.choices),
    blocks.URLBlock: lambda block: BlankAsNullURLField(),
    blocks.CharBlock: lambda block: serializers.CharField(),
    blocks.TextBlock: lambda block: serializers.CharField(),
}


def block_value_field(block: blocks.Block) -> serializers.Field:
    """A new, unbound serializer field for the values of ``block``."""
    for block_class in type(block).__mro__:
        if block_class in STRUCT_VALUE_SERIALIZERS:
            return STRUCT_VALUE_SERIALIZERS[block_class]()
        if block_class in WAGTAIL_BLOCK_FIELDS:
            return WAGTAIL_BLOCK_FIELDS[block_class](block)
    raise ImproperlyConfigured(
        f"No API representation for {type(block).__name__}; add a value serializer to "
        "api.serializers.blocks.registry."
    )
