"""Values of the media blocks (pages/blocks/media.py): images, galleries, videos and
documents."""

from rest_framework import serializers

from api.serializers.blocks.resolution import references_for
from api.serializers.documents import DocumentSerializer
from api.serializers.images import ImageSerializer


class ImageBlockValueSerializer(serializers.Serializer):
    """An image with caption and photo credit::

        {"image": {...Image...}, "caption": "Produktion in Goslar",
         "credit": "Foto: ChemieNetzwerk Harz"}

    The image's ``alt`` is the alt text the editor gave here (empty when marked
    decorative). ``image`` is null when the image has been deleted.
    """

    image = ImageSerializer(allow_null=True)
    caption = serializers.CharField()
    credit = serializers.CharField()


class GalleryBlockValueSerializer(serializers.Serializer):
    """Two or more images shown as a grid or slider.

    ::

        {"heading": "Impressionen", "images": [{...ImageBlockValue...}, ...]}
    """

    heading = serializers.CharField()
    images = ImageBlockValueSerializer(many=True)


class EmbedSerializer(serializers.Serializer):
    """An embedded video as its provider describes it (oEmbed), cached by the hub::

        {"url": "https://www.youtube.com/watch?v=abc", "html": "<iframe ...></iframe>",
         "title": "Imagefilm", "provider_name": "YouTube",
         "thumbnail_url": "https://i.ytimg.com/vi/abc/hqdefault.jpg",
         "width": 480, "height": 270}

    When the provider cannot be asked (offline, unknown, failing), only ``url`` is given
    and the other fields are null: frontends then link to the video.
    """

    url = serializers.URLField(help_text="The address the editor entered.")
    html = serializers.CharField(allow_null=True, help_text="The provider's embed code.")
    title = serializers.CharField(allow_null=True)
    provider_name = serializers.CharField(allow_null=True)
    thumbnail_url = serializers.URLField(allow_null=True)
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)

    def to_representation(self, value):
        embed = references_for(self.context).embed(value)
        if embed is None:
            return {
                "url": value.url,
                **dict.fromkeys(
                    ("html", "title", "provider_name", "thumbnail_url", "width", "height")
                ),
            }
        return {
            "url": value.url,
            # Wagtail stores missing answers as "" in text columns.
            "html": embed.html or None,
            "title": embed.title or None,
            "provider_name": embed.provider_name or None,
            "thumbnail_url": embed.thumbnail_url or None,
            "width": embed.width,
            "height": embed.height,
        }


class EmbedBlockValueSerializer(serializers.Serializer):
    """A video from an oEmbed provider (YouTube, Vimeo, ...)::

        {"video": {...Embed...}, "title": "Imagefilm des Netzwerks", "caption": ""}

    ``title`` describes the video for screen readers and the consent notice.
    """

    video = EmbedSerializer(allow_null=True)
    title = serializers.CharField()
    caption = serializers.CharField()


class DocumentBlockValueSerializer(serializers.Serializer):
    """A downloadable file with a short note::

        {"document": {...Document...}, "title": "Jahresbericht",
         "description": "Bericht über das Jahr 2023."}

    An empty ``title`` means: show the document's own title. ``document`` is null when the
    file has been deleted.
    """

    document = DocumentSerializer(allow_null=True)
    title = serializers.CharField()
    description = serializers.CharField()
