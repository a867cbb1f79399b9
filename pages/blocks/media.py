"""Media blocks: images, galleries, embedded videos and documents."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.images.blocks import ImageBlock as WagtailImageBlock

from pages.blocks.base import StructBlock


class ImageBlock(StructBlock):
    """An image with alt text (from Wagtail's ImageBlock), caption and photo credit."""

    image = WagtailImageBlock()
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(
        required=False, max_length=120, help_text="Photographer or source, e.g. Foto: NBank"
    )

    class Meta:
        icon = "image"
        template = "pages/blocks/image.html"
        label = "Image"
        group = "Media"
        description = "A single image with alt text, caption and credit."


class GalleryBlock(StructBlock):
    heading = blocks.CharBlock(required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(), min_num=2, max_num=24)

    class Meta:
        icon = "grid"
        template = "pages/blocks/gallery.html"
        label = "Gallery"
        group = "Media"
        description = "Two or more images shown as a grid or slider."


class EmbedBlock(StructBlock):
    """A video from a provider Wagtail can embed (YouTube, Vimeo, ...)."""

    video = WagtailEmbedBlock(help_text="Address of the video, e.g. https://www.youtube.com/…")
    title = blocks.CharBlock(
        max_length=200, help_text="Describes the video for screen readers and the consent notice."
    )
    caption = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "media"
        template = "pages/blocks/embed.html"
        label = "Video"
        group = "Media"
        description = "An embedded video (YouTube, Vimeo and other oEmbed providers)."


class DocumentBlock(StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=255, help_text="Leave empty to use the document's own title."
    )
    description = blocks.TextBlock(required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        template = "pages/blocks/document.html"
        label = "Document"
        group = "Media"
        description = "A downloadable file (PDF, presentation, spreadsheet) with a short note."
