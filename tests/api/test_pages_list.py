"""GET /api/v1/pages/: live, public pages as compact items, filtered, ordered, paginated."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from hub.demo.indexing import automatic_indexing_paused
from pages.models import HomePage, NewsPage
from tests.factories import (
    PAGE_FACTORIES,
    FrontendSettingsFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SiteFactory,
    StandardPageFactory,
    locale,
)
from tests.factories.pages import translate_page
from tests.factories.sites import FRONTEND_BASE_URL as FRONTEND

pytestmark = pytest.mark.django_db

HOSTNAME = "chemienetzwerk-harz.localhost"
OTHER_HOSTNAME = "recycling-region-harz.localhost"

ITEM_FIELDS = {
    "id",
    "type",
    "title",
    "locale",
    "path",
    "site",
    "listing_title",
    "listing_summary",
    "listing_image",
    "first_published_at",
    "last_published_at",
}


@pytest.fixture
def api_client(contract_client):
    """Every answer in this module must match the contract."""
    return contract_client


@pytest.fixture
def tree():
    """Two sites, German and English pages, and pages that must never be listed."""
    site = FrontendSettingsFactory(site=SiteFactory(hostname=HOSTNAME), base_url=FRONTEND).site
    home = site.root_page.specific
    about = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    statutes = StandardPageFactory(parent=about, title="Satzung", slug="satzung")
    news_index = NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")
    first_news = NewsPageFactory(parent=news_index, title="Bilanz", slug="bilanz")
    second_news = NewsPageFactory(parent=news_index, title="Abschied", slug="abschied")
    english_home = translate_page(home, "en", title="ChemieNetzwerk Harz")
    english_about = translate_page(about, "en", title="About us", slug="about-us")

    other_site = SiteFactory(hostname=OTHER_HOSTNAME)
    other_page = StandardPageFactory(parent=other_site.root_page, title="Projekt", slug="projekt")

    hidden = {
        "draft": StandardPageFactory(parent=home, title="Entwurf", slug="entwurf"),
        "private": StandardPageFactory(parent=home, title="Intern", slug="intern"),
        "private_parent": StandardPageFactory(parent=home, title="Gremien", slug="gremien"),
        "outside_sites": PAGE_FACTORIES[HomePage](title="Ohne Site"),
    }
    hidden["draft"].unpublish()
    PageViewRestriction.objects.create(
        page=hidden["private"], restriction_type=PageViewRestriction.LOGIN
    )
    PageViewRestriction.objects.create(
        page=hidden["private_parent"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="intern",
    )
    hidden["below_private"] = StandardPageFactory(
        parent=hidden["private_parent"], title="Vorstand", slug="vorstand"
    )
    hidden["alias"] = statutes.copy_for_translation(locale("en"), alias=True)

    return {
        "site": site,
        "home": home,
        "about": about,
        "statutes": statutes,
        "news_index": news_index,
        "first_news": first_news,
        "second_news": second_news,
        "english_home": english_home,
        "english_about": english_about,
        "other_site": other_site,
        "other_home": other_site.root_page,
        "other_page": other_page,
        "hidden": hidden,
    }


def listed(api_client, **query) -> list[int]:
    response = api_client.get("/api/v1/pages/", query)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def in_tree_order(*pages) -> list[int]:
    return [page.pk for page in sorted(pages, key=lambda page: page.path)]


def test_lists_every_public_page_of_every_site_in_tree_order(api_client, tree):
    expected = in_tree_order(
        *(tree[name] for name in tree if name not in {"site", "other_site", "hidden"})
    )

    assert listed(api_client, page_size=100) == expected
    for name, page in tree["hidden"].items():
        assert page.pk not in expected, name


def test_items_are_compact(api_client, tree):
    image = ImageFactory()
    NewsPage.objects.filter(pk=tree["first_news"].pk).update(
        listing_title="Jahresbilanz", listing_summary="Ein gutes Jahr.", listing_image=image
    )

    first, second = api_client.get("/api/v1/pages/", {"type": "news", "order": "title"}).json()[
        "results"
    ]

    assert set(first) == ITEM_FIELDS
    assert (second["id"], second["type"], second["locale"]) == (tree["first_news"].pk, "news", "de")
    assert (second["title"], second["listing_title"]) == ("Bilanz", "Jahresbilanz")
    assert second["listing_summary"] == "Ein gutes Jahr."
    assert second["listing_image"]["id"] == image.pk
    assert (second["path"], second["site"]) == ("/aktuelles/bilanz/", HOSTNAME)
    # Without a listing title, the title stands in.
    assert (first["title"], first["listing_title"], first["listing_image"]) == (
        "Abschied",
        "Abschied",
        None,
    )


def test_filter_by_site_keeps_all_its_locales(api_client, tree):
    own = in_tree_order(
        tree["home"],
        tree["about"],
        tree["statutes"],
        tree["news_index"],
        tree["first_news"],
        tree["second_news"],
        tree["english_home"],
        tree["english_about"],
    )

    assert listed(api_client, site=HOSTNAME) == own
    assert listed(api_client, site=OTHER_HOSTNAME) == in_tree_order(
        tree["other_home"], tree["other_page"]
    )


def test_filter_by_locale(api_client, tree):
    assert listed(api_client, locale="en") == in_tree_order(
        tree["english_home"], tree["english_about"]
    )
    assert tree["english_about"].pk not in listed(api_client, locale="de", page_size=100)


def test_filter_by_type(api_client, tree):
    assert listed(api_client, type="news") == in_tree_order(tree["first_news"], tree["second_news"])
    assert listed(api_client, type="news_index") == [tree["news_index"].pk]
    assert listed(api_client, type="home", site=HOSTNAME) == in_tree_order(
        tree["home"], tree["english_home"]
    )
    assert listed(api_client, type="event") == []


def test_filter_children_and_descendants(api_client, tree):
    home = tree["home"]

    assert listed(api_client, child_of=home.pk) == in_tree_order(tree["about"], tree["news_index"])
    assert listed(api_client, descendant_of=tree["about"].pk) == [tree["statutes"].pk]
    assert listed(api_client, descendant_of=home.pk, type="news") == in_tree_order(
        tree["first_news"], tree["second_news"]
    )


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("title", ["Abschied", "Bilanz"]),
        ("-title", ["Bilanz", "Abschied"]),
        ("first_published_at", ["Bilanz", "Abschied"]),
        ("-first_published_at", ["Abschied", "Bilanz"]),
        ("last_published_at", ["Abschied", "Bilanz"]),
        ("-last_published_at", ["Bilanz", "Abschied"]),
        ("path", ["Bilanz", "Abschied"]),
    ],
)
def test_orderings(api_client, tree, order, expected):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    NewsPage.objects.filter(pk=tree["first_news"].pk).update(
        first_published_at=now - 10 * day, last_published_at=now
    )
    NewsPage.objects.filter(pk=tree["second_news"].pk).update(
        first_published_at=now - 5 * day, last_published_at=now - 2 * day
    )

    response = api_client.get("/api/v1/pages/", {"type": "news", "order": order})

    assert [item["title"] for item in response.json()["results"]] == expected


@pytest.mark.parametrize(
    ("query", "invalid"),
    [
        ({"type": "blog"}, "type"),
        ({"locale": "fr"}, "locale"),
        ({"site": "unknown.localhost"}, "site"),
        ({"order": "random"}, "order"),
        ({"child_of": "abc"}, "child_of"),
        ({"child_of": "draft"}, "child_of"),
        ({"descendant_of": "private"}, "descendant_of"),
        ({"descendant_of": "below_private"}, "descendant_of"),
        ({"child_of": "alias"}, "child_of"),
        ({"child_of": "outside_sites"}, "child_of"),
        ({"child_of": "999999"}, "child_of"),
        ({"colour": "red"}, "colour"),
        ({"page": "0"}, "page"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "many"}, "page_size"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(api_client, tree, query, invalid):
    query = {
        name: str(tree["hidden"][value].pk) if value in tree["hidden"] else value
        for name, value in query.items()
    }

    response = api_client.get("/api/v1/pages/", query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert list(response.json()["errors"]) == [invalid]


def test_a_parameter_given_twice_is_400(api_client, tree):
    response = api_client.get("/api/v1/pages/?type=news&type=home")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["type"]


def test_pagination(api_client, tree):
    first = api_client.get("/api/v1/pages/", {"site": HOSTNAME, "page_size": 3}).json()
    last = api_client.get("/api/v1/pages/", {"site": HOSTNAME, "page_size": 3, "page": 3}).json()

    assert first["count"] == last["count"] == 8
    assert len(first["results"]) == 3 and len(last["results"]) == 2
    assert first["previous"] is None and "page=2" in first["next"]
    assert last["next"] is None and "page=2" in last["previous"]
    assert f"site={HOSTNAME}" in first["next"]


def test_a_page_past_the_end_is_404(api_client, tree):
    response = api_client.get("/api/v1/pages/", {"page": 99})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_query_count_is_the_same_for_10_and_100_pages(api_client):
    site = FrontendSettingsFactory(site=SiteFactory(hostname=HOSTNAME)).site
    news_index = NewsIndexPageFactory(parent=site.root_page)
    # Ten listing images shared by the pages: one query per page would still show.
    images = [ImageFactory() for _ in range(10)]

    def add_news(count):
        with automatic_indexing_paused():
            for number in range(count):
                NewsPageFactory(parent=news_index, listing_image=images[number % len(images)])

    def list_all() -> tuple[int, int]:
        """Queries and items of one request for every page."""
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(
                "/api/v1/pages/", {"child_of": news_index.pk, "page_size": 100}
            )
        assert response.status_code == 200
        return len(queries), len(response.json()["results"])

    add_news(10)
    list_all()  # the renditions are made by the first request
    queries_for_10, items = list_all()
    assert items == 10
    add_news(90)

    assert list_all() == (queries_for_10, 100)
