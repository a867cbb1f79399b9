"""Fundings: ``/api/v1/funding/`` and ``/api/v1/funding/{id}/``."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import FundingFactory, OrganisationFactory
from tests.factories.snippets import translated_copy

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/funding/"


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_lists_grants_newest_first_with_their_figures(api_client):
    recipient = OrganisationFactory(name="ChemieNetzwerk Harz", slug="chemienetzwerk-harz")
    funding = FundingFactory(
        title="Innovationsforum Recycling Region Harz",
        fund="Europäischer Fonds für regionale Entwicklung (EFRE)",
        amount=Decimal("85000.00"),
        own_contribution=Decimal("15000.50"),
        recipient=recipient,
    )
    FundingFactory(title="Netzwerkförderung 2016", start_date=datetime.date(2016, 8, 1))

    response = api_client.get(LIST_URL)

    assert titles(response) == ["Innovationsforum Recycling Region Harz", "Netzwerkförderung 2016"]
    assert response.json()["results"][0] == {
        "id": funding.pk,
        "title": "Innovationsforum Recycling Region Harz",
        "funder": "Bundesministerium für Bildung und Forschung",
        "fund": "Europäischer Fonds für regionale Entwicklung (EFRE)",
        "programme": "Innovationsforen Mittelstand",
        "reference_number": "01MI2001",
        "amount": "85000.00",
        "own_contribution": "15000.50",
        "total": "100000.50",
        "currency": "EUR",
        "start_date": "2020-09-01",
        "end_date": "2021-08-31",
        "recipient": {
            "id": recipient.pk,
            "name": "ChemieNetzwerk Harz",
            "slug": "chemienetzwerk-harz",
        },
        "description": "",
    }


def test_unknown_amounts_and_open_end_are_null(api_client):
    FundingFactory(amount=None, end_date=None)

    item = api_client.get(LIST_URL).json()["results"][0]

    assert (item["amount"], item["own_contribution"], item["total"]) == (None, None, None)
    assert item["end_date"] is None


def test_english_uses_translations_and_english_recipient_names(api_client):
    recipient = OrganisationFactory(name="Technische Universität Clausthal")
    translated_copy(recipient, name="Clausthal University of Technology", slug="tu-clausthal")
    funding = FundingFactory(
        title="Innovationsforum",
        funder="Bundesministerium für Bildung und Forschung",
        recipient=recipient,
    )
    english = translated_copy(
        funding, title="Innovation forum", funder="Federal Ministry of Education and Research"
    )
    FundingFactory(title="Netzwerkförderung", start_date=datetime.date(2016, 8, 1))

    items = api_client.get(LIST_URL, {"locale": "en"}).json()["results"]

    assert (items[0]["id"], items[0]["title"]) == (english.pk, "Innovation forum")
    assert items[0]["funder"] == "Federal Ministry of Education and Research"
    assert items[0]["recipient"]["name"] == "Clausthal University of Technology"
    assert items[1]["title"] == "Netzwerkförderung"


def test_an_unpublished_recipient_is_not_named(api_client):
    funding = FundingFactory(recipient=OrganisationFactory(live=False))

    assert api_client.get(LIST_URL).json()["results"][0]["recipient"] is None
    assert api_client.get(f"/api/v1/funding/{funding.pk}/").json()["recipient"] is None


def test_detail(api_client):
    funding = FundingFactory(title="Innovationsforum")
    english = translated_copy(funding, title="Innovation forum")

    assert api_client.get(f"/api/v1/funding/{funding.pk}/").json()["title"] == "Innovationsforum"
    assert api_client.get(f"/api/v1/funding/{english.pk}/").json()["title"] == "Innovation forum"
    response = api_client.get("/api/v1/funding/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("query", "parameter"), [({"locale": "pl"}, "locale"), ({"year": "2020"}, "year")]
)
def test_bad_values_and_unknown_parameters_are_a_400_problem(api_client, query, parameter):
    response = api_client.get(LIST_URL, query)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [parameter]


def test_list_costs_the_same_queries_for_10_and_100_fundings(api_client):
    recipient = OrganisationFactory()
    translated_copy(recipient)

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(LIST_URL, {"locale": "en", "page_size": "100"})
        assert response.json()["results"][0]["recipient"]
        return len(queries)

    FundingFactory.create_batch(10, recipient=recipient)
    for_10 = count_queries()
    FundingFactory.create_batch(90, recipient=recipient)
    for_100 = count_queries()

    assert api_client.get(LIST_URL).json()["count"] == 100
    assert for_10 == for_100
