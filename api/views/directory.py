"""The directory: organisations (the Clusteratlas), people, fundings and site offers.

Every list is in the requested ``locale`` (default German): one entry per snippet, its
translation where a live one exists, else the German original (api/selectors/directory.py).
Unpublished organisations are absent from every answer; their id is a 404 like an unknown
one.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.models import Locale, Page

from api.params import LocaleField, QueryParameters
from api.problems import NotFound
from api.selectors import directory as selectors
from api.serializers.images import rendition_prefetch
from api.serializers.snippets import (
    FundingSerializer,
    OrganisationSerializer,
    OrganisationSummarySerializer,
    PersonDetailSerializer,
    PersonSerializer,
    SiteOfferFeatureCollectionSerializer,
)
from api.views.base import PublicAPIView, PublicListView, PublicRetrieveView
from snippets.choices import OrganisationKind, Region, SiteOfferKind
from snippets.models import Funding, Person


class GeoJSONRenderer(JSONRenderer):
    """JSON with the GeoJSON media type (RFC 7946), which map libraries recognise."""

    media_type = "application/geo+json"
    # The same body as JSON: one format, so no ?format= switch between the two.
    format = "json"


def requested_locale(params: dict) -> Locale:
    """The ``locale`` parameter's Locale, German (the source language) without one."""
    return params.get("locale") or Locale.get_default()


class LocaleParameters(QueryParameters):
    locale = LocaleField(
        required=False, help_text="Language of the entries (default: de, the source language)."
    )


class OrganisationListParameters(LocaleParameters):
    group = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Id of a network, cluster or project page (any language): its members only.",
    )
    kind = serializers.ChoiceField(choices=OrganisationKind.choices, required=False)
    sector = serializers.SlugField(
        required=False, help_text="Slug of a sector topic, e.g. kunststoffverarbeitung."
    )
    region = serializers.ChoiceField(choices=Region.choices, required=False)
    q = serializers.CharField(
        required=False,
        min_length=2,
        max_length=100,
        help_text="Part of the name, case-insensitive (at least 2 characters).",
    )

    def validate_group(self, page_id: int) -> Page:
        group = selectors.group_page(page_id=page_id)
        if group is None:
            raise serializers.ValidationError(
                _("No published network, cluster or project page with this id.")
            )
        return group

    def validate_sector(self, slug: str):
        sector = selectors.sector_by_slug(slug=slug)
        if sector is None:
            raise serializers.ValidationError(_("No sector with this slug."))
        return sector


class OrganisationListView(PublicListView):
    """The Clusteratlas: live organisations, filtered, by name.

    ``GET /api/v1/organisations/?locale=en&group=7&kind=company&sector=kunststoffverarbeitung
    &region=niedersachsen&q=chemie``::

        {"count": 1, "next": null, "previous": null,
         "results": [{"id": 3, "name": "Harzer Chemiewerk", "slug": "harzer-chemiewerk",
                      "kind": "company", "city": "Goslar", "region": "niedersachsen",
                      "summary": "...", "website": null, "logo": null,
                      "coordinates": {"latitude": 51.905, "longitude": 10.429}}]}
    """

    parameters_class = OrganisationListParameters
    serializer_class = OrganisationSummarySerializer

    def get_queryset(self):
        return selectors.organisations(
            locale=requested_locale(self.params),
            group=self.params.get("group"),
            kind=self.params.get("kind"),
            sector=self.params.get("sector"),
            region=self.params.get("region"),
            name_contains=self.params.get("q"),
        ).prefetch_related(rendition_prefetch("logo__renditions"))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "locale": requested_locale(self.params)}


class OrganisationDetailView(PublicRetrieveView):
    """An organisation's full profile, in the language of the version the id names.

    ``GET /api/v1/organisations/3/``: see OrganisationSerializer for the payload. The
    memberships list the live, public network, cluster and project pages it belongs to, in
    the organisation's language (German pages where untranslated).
    """

    serializer_class = OrganisationSerializer

    def get_object(self):
        organisation = selectors.organisation_detail(organisation_id=self.kwargs["pk"])
        if organisation is None:
            raise NotFound()
        return organisation

    def retrieve(self, request, *args, **kwargs):
        organisation = self.get_object()
        memberships = selectors.organisation_memberships_in_locale(
            organisation=organisation, locale=organisation.locale, request=request
        )
        serializer = self.get_serializer(
            organisation,
            context={
                **self.get_serializer_context(),
                "locale": organisation.locale,
                "memberships": memberships,
            },
        )
        return Response(serializer.data)


class PersonListParameters(LocaleParameters):
    organisation = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Id of a published organisation (any language): its people only.",
    )

    def validate_organisation(self, organisation_id: int):
        organisation = selectors.published_organisation(organisation_id=organisation_id)
        if organisation is None:
            raise serializers.ValidationError(_("No published organisation with this id."))
        return organisation


class PersonListView(PublicListView):
    """People: speakers, managers and contacts, by last name.

    ``GET /api/v1/people/?locale=en&organisation=3``::

        {"count": 1, "next": null, "previous": null,
         "results": [{"id": 8, "honorific": "Dr.", "first_name": "Christoph",
                      "last_name": "Mühlhaus", "full_name": "Dr. Christoph Mühlhaus",
                      "position": "Cluster spokesman",
                      "organisation": {"id": 3, "name": "...", "slug": "..."},
                      "photo": null, "email": null, "phone": null}]}

    Email and phone only for people who consented to publishing them.
    """

    parameters_class = PersonListParameters
    serializer_class = PersonSerializer

    def get_queryset(self):
        return selectors.people(
            locale=requested_locale(self.params), organisation=self.params.get("organisation")
        ).prefetch_related(rendition_prefetch("photo__renditions"))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "locale": requested_locale(self.params)}


class SnippetRetrieveView(PublicRetrieveView):
    """One snippet, with its relations shown in the snippet's own language."""

    def retrieve(self, request, *args, **kwargs):
        snippet = self.get_object()
        context = {**self.get_serializer_context(), "locale": snippet.locale}
        return Response(self.get_serializer(snippet, context=context).data)


class PersonDetailView(SnippetRetrieveView):
    """A person with biography: ``GET /api/v1/people/8/`` (see PersonDetailSerializer)."""

    serializer_class = PersonDetailSerializer
    queryset = Person.objects.select_related("photo", "organisation", "locale")


class FundingListView(PublicListView):
    """Grants behind networks and projects, newest first.

    ``GET /api/v1/funding/?locale=en``::

        {"count": 1, "next": null, "previous": null,
         "results": [{"id": 4, "title": "Innovation forum Recycling Region Harz",
                      "funder": "Federal Ministry of Education and Research", "fund": "",
                      "programme": "Innovation forums for SMEs",
                      "reference_number": "01MI2001", "amount": "85000.00",
                      "own_contribution": null, "total": "85000.00", "currency": "EUR",
                      "start_date": "2020-09-01", "end_date": "2021-08-31",
                      "recipient": null, "description": ""}]}
    """

    parameters_class = LocaleParameters
    serializer_class = FundingSerializer

    def get_queryset(self):
        return selectors.fundings(locale=requested_locale(self.params))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "locale": requested_locale(self.params)}


class FundingDetailView(SnippetRetrieveView):
    """One grant: ``GET /api/v1/funding/4/`` (see FundingSerializer)."""

    serializer_class = FundingSerializer
    queryset = Funding.objects.select_related("recipient", "locale")


class SiteOfferParameters(LocaleParameters):
    kind = serializers.ChoiceField(choices=SiteOfferKind.choices, required=False)
    region = serializers.ChoiceField(choices=Region.choices, required=False)


class SiteOfferListView(PublicAPIView):
    """Commercial plots and halls on offer, as a GeoJSON FeatureCollection for maps.

    ``GET /api/v1/site-offers/?locale=de&kind=plot`` answers ``application/geo+json``::

        {"type": "FeatureCollection",
         "features": [{"type": "Feature", "id": 3,
                       "geometry": {"type": "Point", "coordinates": [10.335, 51.937]},
                       "properties": {"title": "Gewerbefläche Langelsheim", "kind": "plot",
                                      "area_m2": 25000, ...}}]}

    Coordinates are ``[longitude, latitude]`` (RFC 7946). Not paginated: a map shows every
    offer at once, and a region has tens of them, not thousands.
    """

    parameters_class = SiteOfferParameters
    # GeoJSON first; clients that ask for plain JSON get the same body as application/json.
    renderer_classes = [GeoJSONRenderer, JSONRenderer]

    @extend_schema(responses=SiteOfferFeatureCollectionSerializer)
    def get(self, request):
        locale = requested_locale(self.params)
        offers = selectors.site_offers(
            locale=locale, kind=self.params.get("kind"), region=self.params.get("region")
        ).prefetch_related(rendition_prefetch("image__renditions"))
        serializer = SiteOfferFeatureCollectionSerializer(
            offers, context={"request": request, "locale": locale}
        )
        return Response(serializer.data)
