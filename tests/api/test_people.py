"""People: ``/api/v1/people/`` and ``/api/v1/people/{id}/``; contact details need consent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.serializers.snippets import QuoteSerializer
from hub.demo.indexing import automatic_indexing_paused
from tests.factories import ImageFactory, OrganisationFactory, PersonFactory, QuoteFactory, locale
from tests.factories.snippets import translated_copy

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/people/"


def detail_url(person) -> str:
    return f"/api/v1/people/{person.pk}/"


def last_names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["last_name"] for item in response.json()["results"]]


def test_lists_people_by_name_with_their_organisation(api_client):
    organisation = OrganisationFactory(name="ChemieNetzwerk Harz", slug="chemienetzwerk-harz")
    photo = ImageFactory()
    person = PersonFactory(
        honorific="Dr.",
        first_name="Christoph",
        last_name="Mühlhaus",
        position="Clustersprecher",
        organisation=organisation,
        photo=photo,
    )
    PersonFactory(first_name="Anna", last_name="Zander", honorific="")

    response = api_client.get(LIST_URL)

    assert last_names(response) == ["Mühlhaus", "Zander"]
    item = response.json()["results"][0]
    assert {key: value for key, value in item.items() if key != "photo"} == {
        "id": person.pk,
        "honorific": "Dr.",
        "first_name": "Christoph",
        "last_name": "Mühlhaus",
        "full_name": "Dr. Christoph Mühlhaus",
        "position": "Clustersprecher",
        "organisation": {
            "id": organisation.pk,
            "name": "ChemieNetzwerk Harz",
            "slug": "chemienetzwerk-harz",
        },
        "email": None,
        "phone": None,
    }
    assert item["photo"]["id"] == photo.pk
    assert response.json()["results"][1]["full_name"] == "Anna Zander"


def test_contact_details_only_with_consent(api_client):
    consenting = PersonFactory(
        consenting=True, last_name="Albrecht", email="albrecht@example.org", phone="+49 1"
    )
    private = PersonFactory(last_name="Berger", email="berger@example.org", phone="+49 2")

    items = api_client.get(LIST_URL).json()["results"]

    assert [(item["email"], item["phone"]) for item in items] == [
        ("albrecht@example.org", "+49 1"),
        (None, None),
    ]
    assert api_client.get(detail_url(consenting)).json()["email"] == "albrecht@example.org"
    detail = api_client.get(detail_url(private)).json()
    assert (detail["email"], detail["phone"]) == (None, None)
    assert "berger@example.org" not in api_client.get(detail_url(private)).content.decode()


def test_an_unpublished_organisation_is_not_named(api_client):
    draft = OrganisationFactory(name="Geheime Chemie GmbH", live=False)
    person = PersonFactory(organisation=draft)

    assert api_client.get(LIST_URL).json()["results"][0]["organisation"] is None
    assert api_client.get(detail_url(person)).json()["organisation"] is None
    response = api_client.get(LIST_URL, {"organisation": draft.pk})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["organisation"]


def test_english_shows_translations_and_english_organisation_names(api_client):
    organisation = OrganisationFactory(name="Technische Universität Clausthal")
    translated_copy(organisation, name="Clausthal University of Technology", slug="tu-clausthal")
    person = PersonFactory(last_name="Albrecht", position="Professorin", organisation=organisation)
    translated_copy(person, position="Professor")
    PersonFactory(last_name="Berger", position="Geschäftsführer")

    items = api_client.get(LIST_URL, {"locale": "en"}).json()["results"]

    assert [(item["last_name"], item["position"]) for item in items] == [
        ("Albrecht", "Professor"),
        ("Berger", "Geschäftsführer"),
    ]
    assert items[0]["organisation"]["name"] == "Clausthal University of Technology"
    german = api_client.get(LIST_URL, {"locale": "de"}).json()["results"][0]
    assert german["organisation"]["name"] == "Technische Universität Clausthal"


def test_organisation_filter_works_with_any_translation_of_the_organisation(api_client):
    organisation = OrganisationFactory()
    english_organisation = translated_copy(organisation)
    PersonFactory(last_name="Albrecht", organisation=organisation)
    PersonFactory(last_name="Berger", organisation=OrganisationFactory())
    PersonFactory(last_name="Conrad")

    assert last_names(api_client.get(LIST_URL, {"organisation": organisation.pk})) == ["Albrecht"]
    assert last_names(
        api_client.get(LIST_URL, {"organisation": english_organisation.pk, "locale": "en"})
    ) == ["Albrecht"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"organisation": "999999"}, "organisation"),
        ({"organisation": "harz"}, "organisation"),
        ({"locale": "xx"}, "locale"),
        ({"name": "Berger"}, "name"),
        ({"page": "zwei"}, "page"),
    ],
)
def test_bad_values_and_unknown_parameters_are_a_400_problem(api_client, query, parameter):
    PersonFactory()

    response = api_client.get(LIST_URL, query)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [parameter]


def test_detail_adds_biography_in_the_person_s_language(api_client):
    organisation = OrganisationFactory(name="Technische Universität Clausthal")
    translated_copy(organisation, name="Clausthal University of Technology", slug="tu-clausthal")
    person = PersonFactory(organisation=organisation, biography="<p>Studierte Chemie.</p>")
    english = translated_copy(person, biography="<p>Studied chemistry.</p>")

    german_detail = api_client.get(detail_url(person)).json()
    english_detail = api_client.get(detail_url(english)).json()

    assert german_detail["biography"] == "<p>Studierte Chemie.</p>"
    assert german_detail["locale"] == "de"
    assert english_detail["biography"] == "<p>Studied chemistry.</p>"
    assert english_detail["locale"] == "en"
    assert english_detail["organisation"]["name"] == "Clausthal University of Technology"
    assert api_client.get("/api/v1/people/999999/").status_code == 404


def test_list_costs_the_same_queries_for_10_and_100_people(api_client):
    organisation = OrganisationFactory()
    translated_copy(organisation)

    def add_people(count: int):
        with automatic_indexing_paused():
            for _number in range(count):
                person = PersonFactory(organisation=organisation, photo=ImageFactory())
                translated_copy(person)

    def count_queries() -> int:
        query = {"locale": "en", "page_size": "100"}
        # The first request renders each photo once; the renditions then exist.
        assert api_client.get(LIST_URL, query).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert api_client.get(LIST_URL, query).json()["results"][0]["organisation"]
        return len(queries)

    add_people(10)
    for_10 = count_queries()
    add_people(90)
    for_100 = count_queries()

    assert api_client.get(LIST_URL, {"locale": "en"}).json()["count"] == 100
    assert for_10 == for_100


def test_quotes_name_author_and_organisation_in_the_response_s_language():
    """Quotes reach the API in page blocks; their author is a person of the directory."""
    organisation = OrganisationFactory(name="Technische Universität Clausthal")
    translated_copy(organisation, name="Clausthal University of Technology", slug="tu-clausthal")
    person = PersonFactory(
        honorific="Dr.",
        first_name="Christoph",
        last_name="Mühlhaus",
        position="Clustersprecher",
        organisation=organisation,
    )
    translated_copy(person, position="Cluster spokesman")
    quote = QuoteFactory(author_name="", person=person, organisation=organisation)
    english_quote = translated_copy(quote, text="Together we are more visible.")

    data = QuoteSerializer(english_quote, context={"locale": locale("en")}).data

    assert data["text"] == "Together we are more visible."
    assert data["attribution"] == "Dr. Christoph Mühlhaus"
    assert data["person"]["position"] == "Cluster spokesman"
    assert data["person"]["organisation"]["name"] == "Clausthal University of Technology"
    assert data["organisation"]["name"] == "Clausthal University of Technology"
    unpublished = QuoteFactory(organisation=OrganisationFactory(live=False))
    assert QuoteSerializer(unpublished, context={"locale": locale("de")}).data == {
        "id": unpublished.pk,
        "text": "Gemeinsam sind wir als Chemiestandort sichtbarer.",
        "attribution": "Dr. Christoph Mühlhaus",
        "author_role": "Clustersprecher",
        "person": None,
        "organisation": None,
    }
