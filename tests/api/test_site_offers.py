"""Site offers for map frontends: ``/api/v1/site-offers/`` as GeoJSON (RFC 7946)."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.demo.indexing import automatic_indexing_paused
from snippets.choices import Region, SiteOfferKind
from tests.factories import ImageFactory, OrganisationFactory, PersonFactory, SiteOfferFactory
from tests.factories.snippets import translated_copy

pytestmark = pytest.mark.django_db

URL = "/api/v1/site-offers/"


def features(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return json.loads(response.content)["features"]


def test_offers_are_a_feature_collection_with_longitude_first(api_client):
    contact = PersonFactory(consenting=True, email="flaechen@example.org")
    image = ImageFactory()
    offer = SiteOfferFactory(
        title="Gewerbefläche Langelsheim",
        description="<p>Erschlossen, mit Gleisanschluss.</p>",
        street="Industriestraße 1",
        postal_code="38685",
        latitude=Decimal("51.937000"),
        longitude=Decimal("10.335000"),
        price_note="25 €/m²",
        contact=contact,
        image=image,
        reference_url="https://flaechen.example/langelsheim",
    )

    response = api_client.get(URL)

    assert response["Content-Type"] == "application/geo+json"
    body = json.loads(response.content)
    assert body["type"] == "FeatureCollection"
    [feature] = body["features"]
    assert feature["type"] == "Feature"
    assert feature["id"] == offer.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": [10.335, 51.937]}
    properties = feature["properties"]
    assert properties["title"] == "Gewerbefläche Langelsheim"
    assert properties["kind"] == "plot"
    assert properties["locale"] == "de"
    assert properties["description"] == "<p>Erschlossen, mit Gleisanschluss.</p>"
    assert properties["area_m2"] == 25_000
    assert properties["plot_area_m2"] is None
    assert properties["address"] == {
        "street": "Industriestraße 1",
        "postal_code": "38685",
        "city": "Langelsheim",
        "region": "niedersachsen",
    }
    assert properties["price_note"] == "25 €/m²"
    assert properties["contact"]["id"] == contact.pk
    assert properties["contact"]["email"] == "flaechen@example.org"
    assert properties["image"]["id"] == image.pk
    assert properties["reference_url"] == "https://flaechen.example/langelsheim"
    assert response["ETag"]


def test_plain_json_is_offered_too(api_client):
    SiteOfferFactory()

    response = api_client.get(URL, HTTP_ACCEPT="application/json")

    assert response["Content-Type"] == "application/json"
    assert response.json()["type"] == "FeatureCollection"


def test_kind_and_region_filters(api_client):
    SiteOfferFactory(title="Fläche Goslar", kind=SiteOfferKind.PLOT, region=Region.NIEDERSACHSEN)
    SiteOfferFactory(
        title="Halle Leuna",
        kind=SiteOfferKind.HALL,
        plot_area_m2=40_000,
        city="Leuna",
        region=Region.SACHSEN_ANHALT,
        latitude=Decimal("51.317000"),
        longitude=Decimal("12.017000"),
    )

    def titles(query):
        return [feature["properties"]["title"] for feature in features(api_client.get(URL, query))]

    assert titles({"kind": "hall"}) == ["Halle Leuna"]
    assert titles({"kind": "plot"}) == ["Fläche Goslar"]
    assert titles({"region": "sachsen-anhalt"}) == ["Halle Leuna"]
    assert titles({"region": "sachsen"}) == []


def test_english_uses_translations_and_falls_back_to_german(api_client):
    contact = PersonFactory(position="Wirtschaftsförderer")
    translated_copy(contact, position="Business developer")
    offer = SiteOfferFactory(title="Gewerbefläche Goslar", city="Goslar", contact=contact)
    translated_copy(offer, title="Commercial plot Goslar")
    SiteOfferFactory(title="Gewerbefläche Langelsheim")

    items = features(api_client.get(URL, {"locale": "en"}))

    assert [item["properties"]["title"] for item in items] == [
        "Commercial plot Goslar",
        "Gewerbefläche Langelsheim",
    ]
    assert items[0]["properties"]["locale"] == "en"
    assert items[0]["properties"]["contact"]["position"] == "Business developer"
    # Without consent the contact's details stay private.
    assert items[0]["properties"]["contact"]["email"] is None


@pytest.mark.parametrize(
    ("query", "parameter"),
    [({"kind": "office"}, "kind"), ({"region": "bayern"}, "region"), ({"page": "2"}, "page")],
)
def test_bad_values_and_unknown_parameters_are_a_400_problem(api_client, query, parameter):
    response = api_client.get(URL, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert list(response.json()["errors"]) == [parameter]


def test_costs_the_same_queries_for_10_and_100_offers(api_client):
    organisation = OrganisationFactory()
    translated_copy(organisation)
    contact = PersonFactory(photo=ImageFactory(), organisation=organisation)
    translated_copy(contact)

    def count_queries() -> int:
        # The first request renders each image once; the renditions then exist.
        assert api_client.get(URL, {"locale": "en"}).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(URL, {"locale": "en"})
        assert features(response)[0]["properties"]["contact"]["organisation"]
        return len(queries)

    def add_offers(count):
        with automatic_indexing_paused():
            for _number in range(count):
                SiteOfferFactory(contact=contact, image=ImageFactory())

    add_offers(10)
    for_10 = count_queries()
    add_offers(90)
    for_100 = count_queries()

    assert len(features(api_client.get(URL))) == 100
    assert for_10 == for_100
