"""The Clusteratlas: ``/api/v1/organisations/`` and ``/api/v1/organisations/{id}/``."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from hub.demo.indexing import automatic_indexing_paused
from snippets.choices import EmployeeBand, MembershipRole, OrganisationKind, Region
from tests.factories import (
    ImageFactory,
    MembershipFactory,
    NetworkPageFactory,
    OrganisationFactory,
    ProjectPageFactory,
    SectorFactory,
    SiteFactory,
    StandardPageFactory,
    locale,
)
from tests.factories.snippets import translated_copy

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/organisations/"


def detail_url(organisation) -> str:
    return f"/api/v1/organisations/{organisation.pk}/"


@pytest.fixture
def site():
    return SiteFactory(hostname="chemienetzwerk-harz.localhost")


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["results"]]


def test_lists_live_organisations_by_name_in_compact_form(api_client):
    logo = ImageFactory()
    OrganisationFactory(name="Zellstoffwerk Harz")
    harz = OrganisationFactory(
        name="Harzer Chemiewerk",
        slug="harzer-chemiewerk",
        website="https://harzer-chemiewerk.example",
        logo=logo,
    )

    response = api_client.get(LIST_URL)

    assert names(response) == ["Harzer Chemiewerk", "Zellstoffwerk Harz"]
    item = response.json()["results"][0]
    assert {key: value for key, value in item.items() if key != "logo"} == {
        "id": harz.pk,
        "name": "Harzer Chemiewerk",
        "slug": "harzer-chemiewerk",
        "kind": "company",
        "city": "Goslar",
        "region": "niedersachsen",
        "summary": "Produziert Spezialchemikalien am Standort Goslar.",
        "website": "https://harzer-chemiewerk.example",
        "coordinates": {"latitude": 51.905, "longitude": 10.429},
    }
    assert item["logo"]["id"] == logo.pk
    assert set(item["logo"]["renditions"]) == {"thumbnail", "small", "medium", "large"}
    assert response.json()["results"][1]["logo"] is None


def test_an_unpublished_organisation_is_absent_from_list_search_and_detail(api_client):
    OrganisationFactory(name="Harzer Chemiewerk")
    draft = OrganisationFactory(name="Geheime Chemie GmbH", live=False)

    assert names(api_client.get(LIST_URL)) == ["Harzer Chemiewerk"]
    assert names(api_client.get(LIST_URL, {"q": "Geheim"})) == []
    response = api_client.get(detail_url(draft))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    # An unknown id answers exactly the same, so the draft's existence is not revealed.
    unknown = api_client.get("/api/v1/organisations/999999/")
    assert unknown.status_code == 404
    assert unknown.json() == response.json()


def test_english_lists_translations_and_falls_back_to_german_originals(api_client):
    translated = OrganisationFactory(name="Technische Universität Clausthal")
    translated_copy(translated, name="Clausthal University of Technology", slug="tu-clausthal")
    untranslated = OrganisationFactory(name="Harzer Chemiewerk")
    # A translation still in review does not hide its live German original.
    drafted = OrganisationFactory(name="Zellstoffwerk Harz")
    translated_copy(drafted, name="Pulp Mill Harz", slug="pulp-mill", live=False)

    response = api_client.get(LIST_URL, {"locale": "en"})

    assert names(response) == [
        "Clausthal University of Technology",
        "Harzer Chemiewerk",
        "Zellstoffwerk Harz",
    ]
    ids = [item["id"] for item in response.json()["results"]]
    assert ids[1:] == [untranslated.pk, drafted.pk]
    assert names(api_client.get(LIST_URL, {"locale": "de"})) == [
        "Harzer Chemiewerk",
        "Technische Universität Clausthal",
        "Zellstoffwerk Harz",
    ]


def test_group_filter_keeps_members_for_any_translation_of_the_group_page(api_client, site):
    network = NetworkPageFactory(parent=site.root_page)
    project = ProjectPageFactory(parent=site.root_page)
    member = OrganisationFactory(name="Harzer Chemiewerk")
    MembershipFactory(organisation=member, group=network)
    MembershipFactory(organisation=OrganisationFactory(name="Projektpartner AG"), group=project)
    unpublished_member = OrganisationFactory(name="Entwurf GmbH", live=False)
    MembershipFactory(organisation=unpublished_member, group=network)
    english_network = network.copy_for_translation(locale("en"), copy_parents=True)
    english_network.save_revision().publish()

    assert names(api_client.get(LIST_URL, {"group": network.pk})) == ["Harzer Chemiewerk"]
    assert names(api_client.get(LIST_URL, {"group": project.pk})) == ["Projektpartner AG"]
    assert names(api_client.get(LIST_URL, {"group": english_network.pk, "locale": "en"})) == [
        "Harzer Chemiewerk"
    ]


@pytest.mark.parametrize("group", ["standard", "unknown", "unpublished", "not-a-number"])
def test_group_must_be_a_published_network_cluster_or_project_page(api_client, site, group):
    pages = {
        "standard": lambda: StandardPageFactory(parent=site.root_page).pk,
        "unknown": lambda: 999999,
        "unpublished": lambda: NetworkPageFactory(parent=site.root_page, live=False).pk,
        "not-a-number": lambda: "netzwerk",
    }

    response = api_client.get(LIST_URL, {"group": pages[group]()})

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["group"]


def test_kind_region_and_name_filters(api_client):
    OrganisationFactory(
        name="TU Clausthal", kind=OrganisationKind.UNIVERSITY, region=Region.NIEDERSACHSEN
    )
    OrganisationFactory(
        name="Hochschule Merseburg", kind=OrganisationKind.UNIVERSITY, region=Region.SACHSEN_ANHALT
    )
    OrganisationFactory(
        name="Dow Olefinverbund", kind=OrganisationKind.COMPANY, region=Region.SACHSEN_ANHALT
    )

    assert names(api_client.get(LIST_URL, {"kind": "university"})) == [
        "Hochschule Merseburg",
        "TU Clausthal",
    ]
    assert names(api_client.get(LIST_URL, {"region": "sachsen-anhalt"})) == [
        "Dow Olefinverbund",
        "Hochschule Merseburg",
    ]
    assert names(api_client.get(LIST_URL, {"kind": "university", "region": "niedersachsen"})) == [
        "TU Clausthal"
    ]
    assert names(api_client.get(LIST_URL, {"q": "hochSCHULE"})) == ["Hochschule Merseburg"]
    assert names(api_client.get(LIST_URL, {"q": "olefin", "kind": "university"})) == []


def test_sector_filter_by_slug_in_any_language(api_client):
    plastics = SectorFactory(name="Kunststoffverarbeitung", slug="kunststoffverarbeitung")
    translated_copy(plastics, name="Plastics processing", slug="plastics-processing")
    chemistry = SectorFactory(name="Chemie", slug="chemie")
    OrganisationFactory(name="Kunststoffwerk Harz", sectors=[plastics])
    OrganisationFactory(name="Harzer Chemiewerk", sectors=[chemistry, plastics])
    OrganisationFactory(name="Spedition Harz")

    assert names(api_client.get(LIST_URL, {"sector": "chemie"})) == ["Harzer Chemiewerk"]
    assert names(api_client.get(LIST_URL, {"sector": "kunststoffverarbeitung"})) == [
        "Harzer Chemiewerk",
        "Kunststoffwerk Harz",
    ]
    assert names(api_client.get(LIST_URL, {"sector": "plastics-processing", "locale": "en"})) == [
        "Harzer Chemiewerk",
        "Kunststoffwerk Harz",
    ]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"kind": "bakery"}, "kind"),
        ({"region": "bayern"}, "region"),
        ({"sector": "unbekannt"}, "sector"),
        ({"sector": "kein slug!"}, "sector"),
        ({"q": "a"}, "q"),
        ({"locale": "fr"}, "locale"),
        ({"city": "Goslar"}, "city"),
        ({"page_size": "0"}, "page_size"),
    ],
)
def test_bad_values_and_unknown_parameters_are_a_400_problem(api_client, query, parameter):
    OrganisationFactory()

    response = api_client.get(LIST_URL, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert list(response.json()["errors"]) == [parameter]


def test_detail_is_the_full_profile(api_client, site):
    network = NetworkPageFactory(parent=site.root_page, title="Das Netzwerk", slug="das-netzwerk")
    restricted_project = ProjectPageFactory(parent=site.root_page)
    PageViewRestriction.objects.create(
        page=restricted_project, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    sector = SectorFactory(name="Kunststoffverarbeitung", slug="kunststoffverarbeitung")
    organisation = OrganisationFactory(
        name="ChemieNetzwerk Harz",
        legal_form="e.V.",
        description=(f'<p>Siehe <a linktype="page" id="{network.pk}">das Netzwerk</a>.</p>'),
        website="https://chemienetzwerk-harz.example",
        email="info@chemienetzwerk-harz.example",
        phone="+49 5321 000000",
        employee_band=EmployeeBand.MICRO,
        founded_year=2016,
        sectors=[sector],
    )
    MembershipFactory(
        organisation=organisation,
        group=network,
        role=MembershipRole.FOUNDING_MEMBER,
        since=datetime.date(2016, 8, 1),
    )
    MembershipFactory(organisation=organisation, group=restricted_project)

    response = api_client.get(detail_url(organisation))

    assert response.status_code == 200
    profile = response.json()
    assert profile["name"] == "ChemieNetzwerk Harz"
    assert profile["locale"] == "de"
    assert profile["legal_name"] == "ChemieNetzwerk Harz e.V."
    assert profile["description"] == '<p>Siehe <a href="/das-netzwerk/">das Netzwerk</a>.</p>'
    assert profile["address"] == {
        "street": "Im Schleeke 108",
        "postal_code": "38642",
        "city": "Goslar",
        "region": "niedersachsen",
        "country": "DE",
    }
    assert profile["coordinates"] == {"latitude": 51.905, "longitude": 10.429}
    assert profile["sectors"] == [
        {
            "id": sector.pk,
            "name": "Kunststoffverarbeitung",
            "slug": "kunststoffverarbeitung",
            "kind": "sector",
        }
    ]
    # The membership in the password-protected project stays private.
    assert profile["memberships"] == [
        {
            "group": {
                "id": network.pk,
                "type": "network",
                "title": "Das Netzwerk",
                "path": "/das-netzwerk/",
            },
            "role": "founding_member",
            "since": "2016-08-01",
        }
    ]
    assert profile["employee_band"] == "1-9"
    assert profile["founded_year"] == 2016
    assert profile["contact"] == {
        "email": "info@chemienetzwerk-harz.example",
        "phone": "+49 5321 000000",
    }
    assert response["ETag"]


def test_english_detail_shows_english_sectors_and_group_pages(api_client, site):
    network = NetworkPageFactory(parent=site.root_page, title="Das Netzwerk", slug="das-netzwerk")
    english_network = network.copy_for_translation(locale("en"), copy_parents=True)
    english_network.title, english_network.slug = "The network", "the-network"
    english_network.save_revision().publish()
    sector = SectorFactory(name="Kunststoffverarbeitung")
    translated_copy(sector, name="Plastics processing")
    untranslated_sector = SectorFactory(name="Chemie", slug="chemie")
    german = OrganisationFactory(name="Harzer Chemiewerk", sectors=[sector, untranslated_sector])
    MembershipFactory(organisation=german, group=network)
    english = translated_copy(german, summary="Makes speciality chemicals in Goslar.")

    profile = api_client.get(detail_url(english)).json()

    assert profile["locale"] == "en"
    assert profile["summary"] == "Makes speciality chemicals in Goslar."
    assert sorted(item["name"] for item in profile["sectors"]) == [
        "Chemie",
        "Plastics processing",
    ]
    assert [item["group"] for item in profile["memberships"]] == [
        {
            "id": english_network.pk,
            "type": "network",
            "title": "The network",
            "path": "/en/the-network/",
        }
    ]


def test_list_costs_the_same_queries_for_10_and_100_organisations(api_client, site):
    network = NetworkPageFactory(parent=site.root_page)
    sector = SectorFactory()

    def add_organisations(count: int):
        with automatic_indexing_paused():
            for _number in range(count):
                organisation = OrganisationFactory(logo=ImageFactory(), sectors=[sector])
                MembershipFactory(organisation=organisation, group=network)

    def count_queries(query: dict) -> int:
        # The first request renders each logo once; the renditions then exist.
        assert api_client.get(LIST_URL, query).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(LIST_URL, query)
        assert response.status_code == 200
        return len(queries)

    query = {"page_size": "100", "group": network.pk, "sector": sector.slug, "locale": "en"}
    add_organisations(10)
    for_10 = count_queries(query)
    add_organisations(90)
    for_100 = count_queries(query)

    assert api_client.get(LIST_URL, query).json()["count"] == 100
    assert for_10 == for_100
