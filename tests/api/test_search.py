"""GET /api/v1/search/?q=&site=&locale=&kind=: full-text search of pages and organisations.

Stemming is PostgreSQL's (a text search configuration per locale); on SQLite the search
runs through Wagtail's database backend and those tests are skipped.
"""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from api.problems import PROBLEM_CONTENT_TYPE
from tests.factories import (
    FrontendSettingsFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    StandardPageFactory,
    locale,
)
from tests.factories.pages import translate_page

pytestmark = pytest.mark.django_db

HOSTNAME = "chemienetzwerk-harz.localhost"

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming per locale is PostgreSQL's"
)


@pytest.fixture
def site():
    return FrontendSettingsFactory(site__hostname=HOSTNAME).site


@pytest.fixture
def home(site):
    return site.root_page


def search(api_client, q: str, **params) -> dict:
    response = api_client.get("/api/v1/search/", {"q": q, "site": HOSTNAME, **params})
    assert response.status_code == 200, response.content
    return response.json()


def found(api_client, q: str, **params) -> list[tuple[str, int]]:
    return [(hit["kind"], hit["id"]) for hit in search(api_client, q, **params)["results"]]


def paragraphs(*texts: str) -> str:
    """A body StreamField value of paragraph blocks, as the database stores it."""
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts])


@postgres_only
def test_german_queries_are_stemmed_as_german(api_client, home):
    page = StandardPageFactory(
        parent=home, title="Projekte", intro="Die Förderung durch das Land Niedersachsen."
    )

    # The German stemmer reduces both to "forder"; the English one would not.
    assert found(api_client, "Förderungen") == [("page", page.pk)]


@postgres_only
def test_english_queries_are_stemmed_as_english(api_client, home):
    translate_page(home, "en", slug="home-en")
    german = StandardPageFactory(parent=home, title="Kunststoffe", slug="kunststoffe")
    english = translate_page(
        german, "en", title="Plastics", slug="plastics", intro="Plastics are recycled here."
    )

    # The English stemmer reduces both to "recycl"; the German one would not.
    assert found(api_client, "recycling", locale="en") == [("page", english.pk)]


@postgres_only
def test_a_title_match_ranks_above_a_body_match(api_client, home):
    in_body = StandardPageFactory(parent=home, title="Über uns", intro="Ein Netzwerk im Harz.")
    in_title = StandardPageFactory(parent=home, title="Netzwerk", intro="Wer wir sind.")

    results = search(api_client, "Netzwerk")["results"]

    assert [hit["id"] for hit in results] == [in_title.pk, in_body.pk]
    assert results[0]["score"] > results[1]["score"] > 0


def test_a_query_finds_pages_in_the_requested_locale_only(api_client, home):
    translate_page(home, "en", slug="home-en")
    german = StandardPageFactory(parent=home, title="Recycling im Harz", slug="recycling")
    english = translate_page(german, "en", title="Recycling in the Harz", slug="recycling-en")

    assert found(api_client, "Recycling", locale="en") == [("page", english.pk)]
    assert found(api_client, "Recycling", locale="de") == [("page", german.pk)]
    assert found(api_client, "Recycling") == [("page", german.pk)]


def test_results_describe_pages_and_organisations(api_client, home):
    news_index = NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")
    news = NewsPageFactory(
        parent=news_index,
        title="Zinkhütte erweitert",
        slug="zinkhuette",
        listing_summary="Mehr Zink aus Stahlwerksstäuben.",
    )
    organisation = OrganisationFactory(
        name="Zinkhütte Harlingerode", summary="Zink aus Reststoffen.", kind="company"
    )

    results = search(api_client, "Zinkhütte")["results"]

    by_kind = {hit["kind"]: hit for hit in results}
    assert by_kind["page"] == {
        "kind": "page",
        "id": news.pk,
        "title": "Zinkhütte erweitert",
        "summary": "Mehr Zink aus Stahlwerksstäuben.",
        "path": "/aktuelles/zinkhuette/",
        "type": "news",
        "score": by_kind["page"]["score"],
    }
    assert by_kind["organisation"] == {
        "kind": "organisation",
        "id": organisation.pk,
        "title": "Zinkhütte Harlingerode",
        "summary": "Zink aus Reststoffen.",
        "path": None,
        "type": "company",
        "score": by_kind["organisation"]["score"],
    }
    assert len(results) == 2
    assert all(isinstance(hit["score"], float) for hit in results)


def test_text_in_streamfield_blocks_is_found(api_client, home):
    page = StandardPageFactory(
        parent=home, title="Über uns", body=paragraphs("Wir betreiben Kupferrecycling.")
    )

    assert found(api_client, "Kupferrecycling") == [("page", page.pk)]


def test_summary_falls_back_to_the_meta_description(api_client, home):
    StandardPageFactory(parent=home, title="Galvanik", search_description="Oberflächen.")

    (hit,) = search(api_client, "Galvanik")["results"]

    assert hit["summary"] == "Oberflächen."


def test_drafts_private_pages_and_unpublished_organisations_are_never_found(api_client, home):
    visible = StandardPageFactory(parent=home, title="Geheimprojekt öffentlich")
    StandardPageFactory(parent=home, title="Geheimprojekt Entwurf", live=False)
    private = StandardPageFactory(parent=home, title="Geheimprojekt intern")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="intern"
    )
    StandardPageFactory(parent=private, title="Geheimprojekt darunter")
    # A live page whose unpublished draft mentions the word: only the live text counts.
    changed = StandardPageFactory(parent=home, title="Jahresbericht")
    changed.title = "Geheimprojekt im Jahresbericht"
    changed.save_revision()
    OrganisationFactory(name="Geheimprojekt GmbH", live=False)
    live_organisation = OrganisationFactory(name="Geheimprojekt AG")
    OrganisationFactory(name="Geheimprojekt Ltd", locale=locale("en"))
    other_site = FrontendSettingsFactory(site__hostname="recycling-region-harz.localhost").site
    StandardPageFactory(parent=other_site.root_page, title="Geheimprojekt anderswo")

    assert sorted(found(api_client, "Geheimprojekt")) == [
        ("organisation", live_organisation.pk),
        ("page", visible.pk),
    ]


def test_aliases_are_not_found(api_client, home):
    translate_page(home, "en", slug="home-en")
    german = StandardPageFactory(parent=home, title="Galvanik")
    german.copy_for_translation(locale("en"), alias=True)

    assert found(api_client, "Galvanik", locale="en") == []


@pytest.mark.parametrize("kind", ["page", "organisation"])
def test_kind_keeps_one_kind_of_result(api_client, home, kind):
    StandardPageFactory(parent=home, title="Galvanik im Harz")
    OrganisationFactory(name="Harzer Galvanik")

    assert [hit_kind for hit_kind, _id in found(api_client, "Galvanik", kind=kind)] == [kind]


@pytest.mark.parametrize("q", ['"Galvanik', "Galvanik -", "Galvanik OR", "(Galvanik"])
def test_odd_query_syntax_is_no_error(api_client, home, q):
    StandardPageFactory(parent=home, title="Galvanik")

    search(api_client, q)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"site": HOSTNAME}, "q"),
        ({"site": HOSTNAME, "q": "G"}, "q"),
        ({"site": HOSTNAME, "q": " G "}, "q"),
        ({"q": "Galvanik"}, "site"),
        ({"site": HOSTNAME, "q": "Galvanik", "kind": "person"}, "kind"),
        ({"site": HOSTNAME, "q": "Galvanik", "locale": "fr"}, "locale"),
        ({"site": HOSTNAME, "q": "Galvanik", "type": "news"}, "type"),
    ],
)
def test_bad_parameters_are_a_400_problem(api_client, site, query, parameter):
    response = api_client.get("/api/v1/search/", query)

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    assert parameter in response.json()["errors"]


def add_matches(home, count: int) -> None:
    """``count`` pages and ``count`` organisations that match "Galvanik"."""
    start = home.get_children().count()
    for number in range(start, start + count):
        StandardPageFactory(parent=home, title=f"Galvanik {number}", slug=f"galvanik-{number}")
        OrganisationFactory(name=f"Galvanik {number}", slug=f"galvanik-{number}")


def queries_for_search(api_client) -> int:
    # Start from a cold cache each time, so both runs pay for the site root paths alike.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        search(api_client, "Galvanik", page_size=100)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_results(api_client, home):
    add_matches(home, 5)
    assert search(api_client, "Galvanik", page_size=100)["count"] == 10
    with_10_results = queries_for_search(api_client)

    add_matches(home, 45)
    assert len(search(api_client, "Galvanik", page_size=100)["results"]) == 100

    assert queries_for_search(api_client) == with_10_results
