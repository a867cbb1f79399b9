"""The directory page (Clusteratlas)."""

from rest_framework import serializers

from api.serializers.documents import DocumentSerializer
from api.serializers.pages.base import PageSerializer
from api.serializers.pages.fields import PageReferenceField
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import DirectoryPage


class DirectoryFiltersSerializer(serializers.Serializer):
    """Which filters and views the directory offers its visitors.

    ::

        {"kind": true, "sector": true, "region": false, "map": true}
    """

    kind = serializers.BooleanField(source="show_kind_filter", help_text="Filter by kind.")
    sector = serializers.BooleanField(source="show_sector_filter", help_text="Filter by sector.")
    region = serializers.BooleanField(
        source="show_region_filter", help_text="Filter by federal state."
    )
    map = serializers.BooleanField(source="show_map", help_text="Show the organisations on a map.")


class DirectoryPageSerializer(PageSerializer):
    """A Clusteratlas: the member organisations of one network, cluster or project.

    ::

        {...common page fields (type: "directory")...,
         "intro": "Die Mitglieder des Netzwerks.",
         "group": {"id": 9, "type": "network", "title": "Das Netzwerk", "locale": "de",
                   "path": "/das-netzwerk/"},
         "filters": {"kind": true, "sector": true, "region": false, "map": true},
         "brochure": {...Document...}, "body": [...]}

    The organisations come from ``/api/v1/organisations/?group=<group id>&locale=...``.
    """

    page_model = DirectoryPage
    select_related = (*PageSerializer.select_related, "brochure")

    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    group = PageReferenceField(
        help_text="The network, cluster or project whose members are listed; null when unset."
    )
    filters = DirectoryFiltersSerializer(source="*", read_only=True)
    brochure = DocumentSerializer(
        allow_null=True, read_only=True, help_text="The printed Clusteratlas as a PDF."
    )
    body = StreamFieldSerializerField.for_model_field(DirectoryPage, "body")
