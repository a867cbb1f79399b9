"""The home page: the root of one organisation's site."""

from rest_framework import serializers

from api.serializers.images import ImageSerializer, rendition_prefetch
from api.serializers.pages.base import PageSerializer
from api.serializers.pages.fields import LocalizedSnippetField
from api.serializers.snippets import OrganisationSummarySerializer
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import HomePage


class HomePageSerializer(PageSerializer):
    """A site's home page.

    ::

        {...common page fields (id, type: "home", title, locale, path: "/", site, url, meta)...,
         "tagline": "Zukunft - natürlich innovativ",
         "intro": "Das ChemieNetzwerk Harz verbindet ...",
         "hero_image": {...Image...},
         "organisation": {"id": 3, "name": "ChemieNetzwerk Harz", "kind": "network", ...},
         "body": [{"type": "heading", "id": "…", "value": {...}}, ...]}
    """

    page_model = HomePage
    select_related = (*PageSerializer.select_related, "hero_image", "organisation")
    prefetch_related = (
        *PageSerializer.prefetch_related,
        rendition_prefetch("hero_image__renditions"),
    )

    tagline = serializers.CharField(read_only=True, help_text="May be empty.")
    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    hero_image = ImageSerializer(allow_null=True, read_only=True)
    organisation = LocalizedSnippetField(
        OrganisationSummarySerializer, help_text="The organisation that runs the site."
    )
    body = StreamFieldSerializerField.for_model_field(HomePage, "body")
