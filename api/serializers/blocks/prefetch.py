"""Everything a StreamField value refers to, loaded in bulk before it is rendered.

Wagtail already loads the chooser values of a stream in bulk (one query per block type
and chooser, through ``bulk_to_python``). What the API adds on top — the renditions of
the images, the snippets and pages in the response's locale, the targets of rich text
links, the oEmbed answers — is collected here in one walk over the value and looked up
with one query per kind, instead of once per block.
"""

from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.rich_text import RichText
from wagtail.snippets.blocks import SnippetChooserBlock

from api.serializers.blocks.resolution import References
from api.serializers.images import rendition_prefetch
from api.serializers.rich_text import rich_text_references


@dataclass
class Collected:
    """The references found in a block value."""

    images: list = field(default_factory=list)
    page_ids: set[int] = field(default_factory=set)
    snippets: list = field(default_factory=list)
    embeds: list = field(default_factory=list)
    rich_texts: list[str] = field(default_factory=list)


def collect(block: blocks.Block, value, found: Collected) -> None:
    """Add what ``value`` (a value of ``block``) refers to, recursively, to ``found``."""
    if value is None:
        return
    # Wagtail's ImageBlock is a StructBlock whose value is the image: test it first.
    if isinstance(block, ImageBlock | ImageChooserBlock):
        found.images.append(value)
    elif isinstance(block, blocks.PageChooserBlock):
        found.page_ids.add(value.pk)
    elif isinstance(block, SnippetChooserBlock):
        found.snippets.append(value)
    elif isinstance(block, EmbedBlock):
        found.embeds.append(value)
    elif isinstance(block, blocks.RichTextBlock):
        found.rich_texts.append(value.source if isinstance(value, RichText) else value)
    elif isinstance(block, DocumentChooserBlock):
        pass  # Rendered from the row Wagtail loaded; nothing to add.
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            collect(child.block, child.value, found)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            collect(block.child_block, item, found)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            collect(child_block, value.get(name), found)


def prefetch_stream(stream_block: blocks.StreamBlock, stream_value, *, references: References):
    """Load everything ``stream_value`` refers to into ``references``, and prefetch the
    renditions of its images; a fixed number of queries, however long the stream."""
    found = Collected()
    collect(stream_block, stream_value, found)

    in_rich_text = [rich_text_references(html) for html in found.rich_texts]
    references.load_pages(found.page_ids.union(*(refs.page_ids for refs in in_rich_text)))
    references.load_documents(set().union(*(refs.document_ids for refs in in_rich_text)))
    references.load_images(set().union(*(refs.image_ids for refs in in_rich_text)))
    references.load_snippets(found.snippets)
    references.load_embeds(found.embeds)

    # Images already prefetched (a value rendered twice) are skipped by Django.
    prefetch_related_objects(found.images, rendition_prefetch())
