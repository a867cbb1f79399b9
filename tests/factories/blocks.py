"""Stored (JSON) values for the blocks of ``BodyStreamBlock``, one per block type."""

import factory
from factory.django import DjangoModelFactory
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page

from tests.factories.images import DocumentFactory, ImageFactory
from tests.factories.snippets import (
    FundingFactory,
    OrganisationFactory,
    PersonFactory,
    QuoteFactory,
)


class EmbedFactory(DjangoModelFactory):
    """A cached oEmbed answer, so embed blocks validate and render without the provider."""

    url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=cluster{n:05d}")
    hash = factory.LazyAttribute(lambda embed: get_embed_hash(embed.url))
    type = "video"
    html = factory.LazyAttribute(lambda embed: f'<iframe src="{embed.url}"></iframe>')
    title = "Imagefilm des Netzwerks"
    provider_name = "YouTube"
    width = 480
    height = 270

    class Meta:
        model = Embed


def image_value(image, *, alt_text: str = "Blick in die Produktionshalle") -> dict:
    return {
        "image": {"image": image.pk, "alt_text": alt_text, "decorative": False},
        "caption": "Produktion in Goslar",
        "credit": "Foto: ChemieNetzwerk Harz",
    }


def body_block_values(*, link_page: Page) -> dict[str, object]:
    """A stored value for every body block, keyed by block name; creates what they refer to.

    Chooser values are primary keys, as the database holds them.
    """
    image, second_image = ImageFactory(), ImageFactory()
    person = PersonFactory()
    organisation = OrganisationFactory()
    return {
        "heading": {"text": "Kompetenzregion Westharz", "level": "h3"},
        "paragraph": "<p>Das Netzwerk verbindet <b>19 Mitglieder</b>.</p>",
        "quote": {
            "text": "Die Region lebt von ihrer Chemie.",
            "attribution": "Dr. Christoph Mühlhaus",
            "role": "Clustersprecher",
        },
        "accordion": {
            "heading": "Häufige Fragen",
            "items": [{"question": "Wer kann Mitglied werden?", "answer": "<p>Alle.</p>"}],
        },
        "call_to_action": {
            "title": "Mitglied werden",
            "text": "Kommen Sie ins Netzwerk.",
            "page": link_page.pk,
            "url": "",
            "label": "Mehr erfahren",
        },
        "image": image_value(image),
        "gallery": {
            "heading": "Impressionen",
            "images": [image_value(image), image_value(second_image, alt_text="Labor")],
        },
        "embed": {
            "video": EmbedFactory().url,
            "title": "Imagefilm des Netzwerks",
            "caption": "",
        },
        "document": {
            "document": DocumentFactory().pk,
            "title": "Jahresbericht",
            "description": "Bericht über das Jahr 2023.",
        },
        "key_figures": {
            "heading": "Chemie im Westharz",
            "items": [{"value": "12.000", "unit": "", "label": "Arbeitsplätze"}],
        },
        "timeline": {
            "heading": "Geschichte",
            "items": [{"date_label": "August 2016", "title": "Gründung", "text": ""}],
        },
        "quote_snippet": QuoteFactory(person=person).pk,
        "funding_notice": {
            "funding": FundingFactory(recipient=organisation).pk,
            "notice": "Gefördert vom Bundesministerium für Bildung und Forschung.",
            "emblem": None,
        },
        "people": {"heading": "Ansprechpartner", "people": [person.pk]},
        "organisations": {"heading": "Partner", "organisations": [organisation.pk]},
    }
