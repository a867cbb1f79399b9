"""The network page: a network or association and its members."""

from rest_framework import serializers

from api.serializers.pages.base import PageSerializer
from api.serializers.pages.fields import LocalizedSnippetField
from api.serializers.rich_text import RichTextField
from api.serializers.snippets import FundingSerializer, OrganisationSummarySerializer
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import NetworkPage


class NetworkPageSerializer(PageSerializer):
    """A network such as ChemieNetzwerk Harz.

    ::

        {...common page fields (type: "network")...,
         "organisation": {"id": 3, "name": "ChemieNetzwerk Harz", ...},
         "tagline": "", "intro": "Das Netzwerk der Chemie im Westharz.",
         "region_description": "<p>Rund <b>12.000</b> Arbeitsplätze ...</p>",
         "founded": "2016-08-01",
         "fundings": [{...Funding...}],
         "member_counts_by_kind": {"company": 14, "university": 2},
         "body": [...]}

    The members themselves come from ``/api/v1/organisations/?group=<id>``.
    """

    page_model = NetworkPage
    select_related = (*PageSerializer.select_related, "organisation")
    prefetch_related = (*PageSerializer.prefetch_related, "fundings")

    organisation = LocalizedSnippetField(
        OrganisationSummarySerializer, help_text="The organisation behind the network."
    )
    tagline = serializers.CharField(read_only=True, help_text="May be empty.")
    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    region_description = RichTextField(help_text="HTML; may be empty.")
    founded = serializers.DateField(read_only=True, allow_null=True)
    fundings = LocalizedSnippetField(FundingSerializer, many=True)
    member_counts_by_kind = serializers.DictField(
        child=serializers.IntegerField(),
        read_only=True,
        help_text="Live member organisations per organisation kind.",
    )
    body = StreamFieldSerializerField.for_model_field(NetworkPage, "body")
