"""Full-text search across a site's pages and the organisations, in one language.

How matching and ranking work on PostgreSQL and SQLite: api/selectors/search.py.
"""

from drf_spectacular.drainage import set_override
from rest_framework import serializers
from wagtail.models import Locale

from api.params import LocaleField, QueryParameters, SiteField
from api.selectors.search import SEARCH_KINDS, search, search_results
from api.views.base import PublicListView


class SearchKindField(serializers.ChoiceField):
    """``page`` or ``organisation``, as one named enum (``SearchKind``) in the schema.

    Left to drf-spectacular, its name would depend on the other enums of fields called
    ``kind`` (organisation kinds, topic kinds). Set in ``__init__`` because DRF copies
    declared fields by re-instantiating them.
    """

    def __init__(self, **kwargs):
        super().__init__(choices=SEARCH_KINDS, **kwargs)
        set_override(self, "field", {"type": "string", "enum": list(SEARCH_KINDS)})
        set_override(self, "field_component_name", "SearchKind")


class SearchParameters(QueryParameters):
    q = serializers.CharField(
        min_length=2,
        max_length=200,
        help_text=(
            'What to search for. Words must all match; "quoted phrases", or and -word work.'
        ),
    )
    site = SiteField(
        help_text="Hostname of the site whose pages are searched: chemienetzwerk-harz.localhost."
    )
    locale = LocaleField(
        required=False,
        help_text="Language to search in and stem for (default: de, the source language).",
    )
    kind = SearchKindField(
        required=False, help_text="Only pages or only organisations; both without it."
    )


class SearchResultSerializer(serializers.Serializer):
    """A page or an organisation that matches the query, best first.

    ::

        {"kind": "page", "id": 35, "title": "Das Netzwerk", "type": "network",
         "summary": "Chemie- und Metallunternehmen im Westharz.",
         "path": "/netzwerk/", "score": 0.61}

        {"kind": "organisation", "id": 65, "title": "Harzer Chemiewerk GmbH",
         "type": "company", "summary": "Produziert Spezialchemikalien in Goslar.",
         "path": null, "score": 0.3}

    An organisation's profile is at ``/api/v1/organisations/{id}/``.
    """

    kind = SearchKindField(help_text="page or organisation.")
    id = serializers.IntegerField(help_text="Id of the page or organisation.")
    title = serializers.CharField(help_text="Page title or organisation name.")
    summary = serializers.CharField(
        help_text="Listing summary (or meta description) of a page, summary of an organisation."
    )
    path = serializers.CharField(
        allow_null=True, help_text="Frontend path of a page; null for organisations."
    )
    type = serializers.CharField(
        help_text="The page type (news, event, ...) or the organisation kind (company, ...)."
    )
    score = serializers.FloatField(
        help_text="Relevance; higher is better. Comparable within one answer only."
    )


class SearchView(PublicListView):
    """Search the live, public pages of a site and the live organisations in one language.

    ``GET /api/v1/search/?q=Netzwerke&site=chemienetzwerk-harz.localhost&locale=de``::

        {"count": 2, "next": null, "previous": null,
         "results": [{"kind": "page", "id": 35, "title": "Das Netzwerk", "type": "network",
                      "summary": "...", "path": "/netzwerk/", "score": 0.61},
                     {"kind": "organisation", "id": 65, "title": "Harzer Chemiewerk GmbH",
                      "type": "company", "summary": "...", "path": null, "score": 0.3}]}

    German queries are stemmed as German and English ones as English: "Netzwerke" finds
    "Netzwerk".
    """

    parameters_class = SearchParameters
    serializer_class = SearchResultSerializer

    def get_queryset(self):
        kind = self.params.get("kind")
        return search(
            query=self.params["q"],
            site=self.params["site"],
            locale=self.params.get("locale") or Locale.get_default(),
            request=self.request,
            kinds=(kind,) if kind else SEARCH_KINDS,
        )

    def list(self, request, *args, **kwargs):
        hits = self.paginate_queryset(self.get_queryset())
        results = search_results(hits=hits, request=request)
        return self.get_paginated_response(self.get_serializer(results, many=True).data)
