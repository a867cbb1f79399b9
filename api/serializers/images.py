"""Images as frontends need them: alt text, size, focal point and a fixed set of renditions.

::

    {
      "id": 12,
      "alt": "Laboratory of the Clausthal University of Technology",
      "width": 2400, "height": 1600,
      "focal_point": {"x": 1200, "y": 700, "width": 300, "height": 300},
      "renditions": {
        "thumbnail": {"url": "https://hub.example/media/images/lab.fill-400x300.jpg",
                      "width": 400, "height": 300},
        "small": {...}, "medium": {...}, "large": {...}
      },
      "srcset": "https://hub.example/media/images/lab.width-640.jpg 640w, ... 1600w"
    }

The rendition names and filter specs are part of the contract (``RENDITIONS``); list
endpoints prefetch them with ``rendition_prefetch()`` so a list costs no query per image.

``alt`` is the alt text an editor gave where the image was placed (Wagtail's ImageBlock),
empty for an image marked decorative, and otherwise the image's description or title.
"""

from django.db.models import Prefetch
from rest_framework import serializers
from wagtail.images import get_image_model

from api.serializers.urls import absolute_url

# Name → Wagtail filter spec. Renaming or dropping one is a breaking change of the contract.
RENDITIONS = {
    "thumbnail": "fill-400x300",
    "small": "width-640",
    "medium": "width-1024",
    "large": "width-1600",
}
# Renditions that make up ``srcset``, widest last; each is a plain width- rendition.
SRCSET_RENDITIONS = ("small", "medium", "large")


def image_alt_text(image) -> str:
    """The alt text for ``image`` where it is shown (see the module doc)."""
    # Wagtail's ImageBlock sets these two attributes on the image it returns.
    if getattr(image, "decorative", False):
        return ""
    return getattr(image, "contextual_alt_text", None) or image.default_alt_text


def rendition_prefetch(lookup: str = "renditions") -> Prefetch:
    """A Prefetch of the contract's renditions through ``lookup`` (e.g.
    ``"listing_image__renditions"``), for ``prefetch_related`` on querysets."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        lookup,
        queryset=rendition_model.objects.filter(filter_spec__in=list(RENDITIONS.values())),
    )


class RenditionSerializer(serializers.Serializer):
    """One size of an image, never larger than the original.

    ::

        {"url": "https://hub.example/media/images/lab.width-640.jpg", "width": 640, "height": 427}
    """

    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class FocalPointSerializer(serializers.Serializer):
    """The area of the image that crops must keep, in pixels of the original.

    ::

        {"x": 1200, "y": 700, "width": 300, "height": 300}
    """

    x = serializers.IntegerField()
    y = serializers.IntegerField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class RenditionSetSerializer(serializers.Serializer):
    """The named renditions of an image (``RENDITIONS``): ``thumbnail`` is cropped to
    400x300 around the focal point, the others are scaled to a width of 640, 1024 and 1600
    pixels::

        {"thumbnail": {...Rendition...}, "small": {...}, "medium": {...}, "large": {...}}
    """

    thumbnail = RenditionSerializer()
    small = RenditionSerializer()
    medium = RenditionSerializer()
    large = RenditionSerializer()


class ImageSerializer(serializers.Serializer):
    """An image with its alt text, size, focal point and renditions (see the module doc).

    ::

        {"id": 12, "alt": "Labor der TU Clausthal", "width": 2400, "height": 1600,
         "focal_point": null, "renditions": {...RenditionSet...},
         "srcset": "https://hub.example/media/images/lab.width-640.jpg 640w, ..."}

    The declared fields document the shape that ``to_representation`` builds.
    """

    id = serializers.IntegerField()
    alt = serializers.CharField(
        help_text="Alternative text: as given where the image is placed, else the image's "
        "description or title; empty for a decorative image."
    )
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    focal_point = FocalPointSerializer(allow_null=True)
    renditions = RenditionSetSerializer()
    srcset = serializers.CharField(help_text="The width renditions as an HTML srcset value.")

    def to_representation(self, image):
        request = self.context.get("request")
        # One query for all renditions, none when they were prefetched.
        by_spec = image.get_renditions(*RENDITIONS.values())
        renditions = {
            name: {
                "url": absolute_url(by_spec[spec].url, request=request),
                "width": by_spec[spec].width,
                "height": by_spec[spec].height,
            }
            for name, spec in RENDITIONS.items()
        }
        focal_point = None
        if image.has_focal_point():
            focal_point = {
                "x": image.focal_point_x,
                "y": image.focal_point_y,
                "width": image.focal_point_width,
                "height": image.focal_point_height,
            }
        return {
            "id": image.pk,
            "alt": image_alt_text(image),
            "width": image.width,
            "height": image.height,
            "focal_point": focal_point,
            "renditions": renditions,
            "srcset": ", ".join(
                f"{renditions[name]['url']} {renditions[name]['width']}w"
                for name in SRCSET_RENDITIONS
            ),
        }
