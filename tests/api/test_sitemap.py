"""GET /api/v1/sitemap/?site=: the pages of a site that search engines may list."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.problems import PROBLEM_CONTENT_TYPE
from hub.demo.indexing import automatic_indexing_paused
from tests.factories import FrontendSettingsFactory, StandardPageFactory, locale
from tests.factories.pages import translate_page
from tests.factories.sites import FRONTEND_BASE_URL as FRONTEND

pytestmark = pytest.mark.django_db

HOSTNAME = "chemienetzwerk-harz.localhost"


@pytest.fixture
def site():
    return FrontendSettingsFactory(site__hostname=HOSTNAME).site


@pytest.fixture
def english_home(site):
    return translate_page(site.root_page, "en", slug="home-en")


def sitemap(api_client, **params) -> dict:
    response = api_client.get("/api/v1/sitemap/", {"site": HOSTNAME, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_pages_in_every_locale_with_their_alternates(api_client, site, english_home):
    home = site.root_page
    about = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    published = timezone.make_aware(datetime.datetime(2024, 5, 14, 16, 2))
    about.last_published_at = published
    about.save()
    english_about = translate_page(about, "en", title="About us", slug="about-us")
    home_alternates = [
        {"locale": "de", "path": "/", "id": home.pk},
        {"locale": "en", "path": "/en/", "id": english_home.pk},
    ]
    about_alternates = [
        {"locale": "de", "path": "/ueber-uns/", "id": about.pk},
        {"locale": "en", "path": "/en/about-us/", "id": english_about.pk},
    ]

    result = sitemap(api_client)

    assert result["count"] == 4
    by_id = {item["id"]: item for item in result["results"]}
    assert by_id[about.pk] == {
        "id": about.pk,
        "locale": "de",
        "path": "/ueber-uns/",
        "url": f"{FRONTEND}/ueber-uns/",
        "last_modified": "2024-05-14T16:02:00+02:00",
        "alternates": about_alternates,
    }
    assert by_id[english_about.pk]["locale"] == "en"
    assert by_id[english_about.pk]["url"] == f"{FRONTEND}/en/about-us/"
    assert by_id[english_about.pk]["alternates"] == about_alternates
    assert by_id[home.pk]["alternates"] == home_alternates
    assert by_id[english_home.pk]["path"] == "/en/"


def test_only_pages_search_engines_may_list_are_in_it(api_client, site, english_home):
    home = site.root_page
    listed = StandardPageFactory(parent=home, title="Öffentlich", slug="oeffentlich")
    StandardPageFactory(parent=home, title="Nicht indexieren", slug="noindex", noindex=True)
    StandardPageFactory(parent=home, title="Entwurf", slug="entwurf", live=False)
    private = StandardPageFactory(parent=home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=private, title="Unter Intern", slug="unter-intern")
    # An alias stands in for a missing English translation; it shows German content.
    alias = listed.copy_for_translation(locale("en"), alias=True)
    other_site = FrontendSettingsFactory(site__hostname="recycling-region-harz.localhost").site
    StandardPageFactory(parent=other_site.root_page, title="Anderswo", slug="anderswo")

    result = sitemap(api_client)

    assert [item["id"] for item in result["results"]] == [home.pk, listed.pk, english_home.pk]
    # Alternates leave out the alias as well.
    assert result["results"][1]["alternates"] == [
        {"locale": "de", "path": "/oeffentlich/", "id": listed.pk}
    ]
    assert alias.live


def test_an_unpublished_translation_is_not_an_alternate(api_client, site, english_home):
    about = StandardPageFactory(parent=site.root_page, title="Über uns", slug="ueber-uns")
    translate_page(about, "en", title="About us", slug="about-us", publish=False)

    about_item = next(item for item in sitemap(api_client)["results"] if item["id"] == about.pk)

    assert [alternate["locale"] for alternate in about_item["alternates"]] == ["de"]


def test_the_url_is_null_without_a_frontend(api_client):
    site = FrontendSettingsFactory(site__hostname=HOSTNAME).site
    site.frontendsettings.base_url = ""
    site.frontendsettings.save()

    (item,) = sitemap(api_client)["results"]

    assert item["path"] == "/"
    assert item["url"] is None


def test_the_sitemap_is_paginated(api_client, site):
    for number in range(4):
        StandardPageFactory(parent=site.root_page, title=f"Seite {number}", slug=f"seite-{number}")

    first = sitemap(api_client, page_size=2)
    last = sitemap(api_client, page_size=2, page=3)

    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert "page=2" in first["next"]
    assert [len(last["results"]), last["next"]] == [1, None]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({}, "site"),
        ({"site": "nowhere.example"}, "site"),
        ({"site": HOSTNAME, "locale": "de"}, "locale"),
        ({"site": HOSTNAME, "page_size": "101"}, "page_size"),
    ],
)
def test_bad_parameters_are_a_400_problem(api_client, site, query, parameter):
    response = api_client.get("/api/v1/sitemap/", query)

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    assert parameter in response.json()["errors"]


def add_translated_pages(home, english_home, count: int) -> None:
    start = home.get_children().count()
    with automatic_indexing_paused():
        for number in range(start, start + count):
            page = StandardPageFactory(parent=home, title=f"Seite {number}", slug=f"seite-{number}")
            translate_page(page, "en", title=f"Page {number}", slug=f"page-{number}")


def queries_for_sitemap(api_client) -> int:
    # Start from a cold cache each time, so both runs pay for the site root paths alike.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        sitemap(api_client, page_size=100)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_pages(api_client, site, english_home):
    add_translated_pages(site.root_page, english_home, 4)
    assert sitemap(api_client, page_size=100)["count"] == 10
    with_10_items = queries_for_sitemap(api_client)

    add_translated_pages(site.root_page, english_home, 45)
    result = sitemap(api_client, page_size=100)
    assert len(result["results"]) == 100
    assert all(len(item["alternates"]) == 2 for item in result["results"])

    assert queries_for_sitemap(api_client) == with_10_items
