"""Newsletters: ``/api/v1/newsletters/`` and ``/api/v1/newsletters/{id}/issues/``."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from hub.demo.indexing import automatic_indexing_paused
from pages.models import NewsletterFrequency
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    NewsletterIssuePageFactory,
    NewsletterSeriesPageFactory,
    SiteFactory,
    locale,
)
from tests.factories.pages import translate_page

pytestmark = pytest.mark.django_db

URL = "/api/v1/newsletters/"
HOSTNAME = "cluster-chemie-kunststoffe.localhost"


def issues_url(series) -> str:
    return f"/api/v1/newsletters/{series.pk}/issues/"


@pytest.fixture
def site():
    return SiteFactory(hostname=HOSTNAME)


@pytest.fixture
def cknews(site):
    return NewsletterSeriesPageFactory(
        parent=site.root_page,
        title="CKnews",
        slug="cknews",
        short_name="CKnews",
        frequency=NewsletterFrequency.QUARTERLY,
        intro="Der Newsletter des Clusters Chemie/Kunststoffe.",
    )


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_lists_the_series_of_the_site(api_client, site, cknews):
    NewsletterSeriesPageFactory(parent=site.root_page, title="Entwurf", live=False)
    NewsletterSeriesPageFactory(parent=SiteFactory(hostname="andere.localhost").root_page)

    response = api_client.get(URL, {"site": HOSTNAME})

    assert response.json()["results"] == [
        {
            "id": cknews.pk,
            "title": "CKnews",
            "locale": "de",
            "short_name": "CKnews",
            "frequency": "quarterly",
            "path": "/cknews/",
            "intro": "Der Newsletter des Clusters Chemie/Kunststoffe.",
        }
    ]


def test_english_lists_translated_series_only(api_client, site, cknews):
    translate_page(cknews, "en", intro="The cluster's newsletter.")
    untranslated = NewsletterSeriesPageFactory(parent=site.root_page, title="Sonderausgaben")
    untranslated.copy_for_translation(locale("en"), alias=True)

    items = api_client.get(URL, {"site": HOSTNAME, "locale": "en"}).json()["results"]

    assert [(item["title"], item["locale"], item["path"]) for item in items] == [
        ("CKnews", "en", "/en/cknews/")
    ]
    assert items[0]["intro"] == "The cluster's newsletter."


def test_issues_newest_first_with_cover_and_pdf(api_client, cknews):
    cover, pdf = ImageFactory(), DocumentFactory(title="CKnews 2/2024")
    second = NewsletterIssuePageFactory(
        parent=cknews,
        title="CKnews 2/2024",
        slug="cknews-2-2024",
        issue_number=2,
        year=2024,
        quarter=2,
        theme="Kreislaufwirtschaft",
        publication_date=datetime.date(2024, 6, 20),
        cover_image=cover,
        pdf_edition=pdf,
    )
    NewsletterIssuePageFactory(
        parent=cknews,
        title="CKnews 1/2024",
        issue_number=1,
        year=2024,
        publication_date=datetime.date(2024, 3, 15),
    )
    NewsletterIssuePageFactory(
        parent=cknews,
        title="CKnews 4/2023",
        issue_number=4,
        year=2023,
        publication_date=datetime.date(2023, 12, 1),
    )
    NewsletterIssuePageFactory(parent=cknews, title="Entwurf", year=2024, live=False)

    response = api_client.get(issues_url(cknews))

    assert titles(response) == ["CKnews 2/2024", "CKnews 1/2024", "CKnews 4/2023"]
    item = response.json()["results"][0]
    assert item["cover_image"]["id"] == cover.pk
    assert item["pdf_edition"]["id"] == pdf.pk
    assert item["pdf_edition"]["url"].startswith("http://testserver/documents/")
    item.pop("cover_image"), item.pop("pdf_edition")
    assert item == {
        "id": second.pk,
        "title": "CKnews 2/2024",
        "locale": "de",
        "path": "/cknews/cknews-2-2024/",
        "issue_number": 2,
        "year": 2024,
        "quarter": 2,
        "theme": "Kreislaufwirtschaft",
        "publication_date": "2024-06-20",
    }
    assert response.json()["results"][1]["cover_image"] is None
    assert response.json()["results"][1]["pdf_edition"] is None


def test_year_filter(api_client, cknews):
    NewsletterIssuePageFactory(parent=cknews, title="CKnews 1/2024", year=2024)
    NewsletterIssuePageFactory(parent=cknews, title="CKnews 4/2023", year=2023)

    assert titles(api_client.get(issues_url(cknews), {"year": "2023"})) == ["CKnews 4/2023"]
    assert titles(api_client.get(issues_url(cknews), {"year": "2022"})) == []


def test_issues_of_hidden_or_unknown_series_are_a_404(api_client, site, cknews):
    draft = NewsletterSeriesPageFactory(parent=site.root_page, live=False)
    private = NewsletterSeriesPageFactory(parent=site.root_page)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    alias = cknews.copy_for_translation(locale("en"), copy_parents=True, alias=True)
    not_a_series = NewsletterIssuePageFactory(parent=cknews)

    for series_id in (draft.pk, private.pk, alias.pk, not_a_series.pk, 999999):
        response = api_client.get(f"/api/v1/newsletters/{series_id}/issues/")
        assert response.status_code == 404, series_id
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("url_name", "query", "parameter"),
    [
        ("series", {}, "site"),
        ("series", {"site": HOSTNAME, "locale": "fr"}, "locale"),
        ("series", {"site": HOSTNAME, "year": "2024"}, "year"),
        ("issues", {"year": "vierundzwanzig"}, "year"),
        ("issues", {"year": "1890"}, "year"),
        ("issues", {"locale": "en"}, "locale"),
    ],
)
def test_bad_values_and_unknown_parameters_are_a_400_problem(
    api_client, cknews, url_name, query, parameter
):
    url = URL if url_name == "series" else issues_url(cknews)

    response = api_client.get(url, query)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [parameter]


def test_issue_list_costs_the_same_queries_for_10_and_100_issues(api_client, cknews):
    def add_issues(count: int):
        with automatic_indexing_paused():
            for _number in range(count):
                NewsletterIssuePageFactory(
                    parent=cknews, cover_image=ImageFactory(), pdf_edition=DocumentFactory()
                )

    def count_queries() -> int:
        query = {"page_size": "100"}
        # The first request renders each cover once; the renditions then exist.
        assert api_client.get(issues_url(cknews), query).status_code == 200
        # Both counts include the site root paths that Wagtail would otherwise have cached
        # (the test cache holds 300 entries; renditions of 100 images push them out).
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert api_client.get(issues_url(cknews), query).status_code == 200
        return len(queries)

    add_issues(10)
    for_10 = count_queries()
    add_issues(90)
    for_100 = count_queries()

    assert api_client.get(issues_url(cknews)).json()["count"] == 100
    assert for_10 == for_100


def test_series_list_costs_the_same_queries_for_10_and_100_series(api_client, site):
    def count_queries() -> int:
        # Counted with the site root paths computed afresh, not taken from Wagtail's cache.
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(URL, {"site": HOSTNAME, "page_size": "100"})
        assert response.status_code == 200
        return len(queries)

    def add_series(count: int):
        with automatic_indexing_paused():
            for _number in range(count):
                NewsletterSeriesPageFactory(parent=site.root_page)

    add_series(10)
    for_10 = count_queries()
    add_series(90)
    for_100 = count_queries()

    assert api_client.get(URL, {"site": HOSTNAME}).json()["count"] == 100
    assert for_10 == for_100
