"""Values of the blocks that point at snippets or links (pages/blocks/references.py).

Snippets come out in the response's locale with the serializers of the directory
(api/serializers/snippets.py): a person's email and phone only with their consent, and
unpublished organisations left out. A quote chosen from the directory is a Quote (or
null) itself, so it needs no value serializer of its own.
"""

from rest_framework import serializers

from api.serializers.blocks.fields import BlockListField, PageChooserField, SnippetChooserField
from api.serializers.images import ImageSerializer
from api.serializers.pages.fields import BlankAsNullURLField
from api.serializers.snippets import (
    FundingSerializer,
    OrganisationSummarySerializer,
    PersonSerializer,
    QuoteSerializer,
)
from snippets.models import Funding, Organisation, Person, Quote

# How a chosen snippet is shown, by model.
SNIPPET_SERIALIZERS: dict[type, type[serializers.Serializer]] = {
    Person: PersonSerializer,
    Organisation: OrganisationSummarySerializer,
    Quote: QuoteSerializer,
    Funding: FundingSerializer,
}


class FundingNoticeBlockValueSerializer(serializers.Serializer):
    """The funding disclosure with the funder's wording and emblem.

    ::

        {"funding": {...Funding...},
         "notice": "Gefördert aus Mitteln des Europäischen Fonds für regionale Entwicklung.",
         "emblem": {...Image...}}
    """

    funding = SnippetChooserField(FundingSerializer)
    notice = serializers.CharField()
    emblem = ImageSerializer(allow_null=True)


class PeopleBlockValueSerializer(serializers.Serializer):
    """Contact cards of people from the directory::

        {"heading": "Ansprechpartner", "people": [{...Person...}, ...]}

    ``email`` and ``phone`` of a person are null unless they consented to publishing them.
    """

    heading = serializers.CharField()
    people = BlockListField(child=SnippetChooserField(PersonSerializer))


class OrganisationsBlockValueSerializer(serializers.Serializer):
    """Organisations from the directory, e.g. project partners::

        {"heading": "Projektpartner", "organisations": [{...OrganisationSummary...}, ...]}

    Unpublished organisations are left out.
    """

    heading = serializers.CharField()
    organisations = BlockListField(child=SnippetChooserField(OrganisationSummarySerializer))


class LinkBlockValueSerializer(serializers.Serializer):
    """An optional link to a page of the hub or to an external address::

        {"page": null, "url": "https://www.example.org", "label": "Zum Projekt"}

    ``page`` (a PageReference in the response's locale) and ``url`` exclude each other;
    both are null when there is no link, or the page is not public.
    """

    page = PageChooserField()
    url = BlankAsNullURLField()
    label = serializers.CharField()
