"""The archive (``/api/v1/archive/``) and private documents in the API."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import (
    DocumentationItemPageFactory,
    DocumentFactory,
    DocumentSeriesPageFactory,
    NewsletterIssuePageFactory,
    NewsletterSeriesPageFactory,
    SiteFactory,
    locale,
)
from tests.factories.pages import translate_page
from tests.hub.demo_loading import demo_loaded

URL = "/api/v1/archive/"
EN_DASH = "\N{EN DASH}"
HOSTNAME = "archiv.localhost"


def document_block(document, description: str = "") -> dict:
    return {
        "type": "document",
        "value": {"document": document.pk, "title": "", "description": description},
    }


def private_collection() -> Collection:
    """A collection whose documents only members with the password may download."""
    collection = Collection.get_first_root_node().add_child(name="Mitgliederbereich")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="mitglieder",
    )
    return collection


def entries(response) -> list[tuple[str, str]]:
    assert response.status_code == 200, response.content
    return [(item["kind"], item["title"]) for item in response.json()["results"]]


@pytest.fixture
def site(db):
    return SiteFactory(hostname=HOSTNAME)


@pytest.fixture
def cknews(site):
    return NewsletterSeriesPageFactory(
        parent=site.root_page, title="CKnews", slug="cknews", short_name="CKnews"
    )


@pytest.fixture
def ckreihe(site):
    return DocumentSeriesPageFactory(
        parent=site.root_page, title="CKreihe", slug="ckreihe", short_name="CKreihe"
    )


def issue(series, title: str, published: datetime.date, **fields):
    fields.setdefault("pdf_edition", DocumentFactory(title=f"{title} (PDF)"))
    fields.setdefault("year", published.year)
    return NewsletterIssuePageFactory(
        parent=series, title=title, publication_date=published, **fields
    )


def documentation(series, title: str, held: datetime.date, *documents, **fields):
    return DocumentationItemPageFactory(
        parent=series,
        title=title,
        event_date=held,
        documents=[document_block(document) for document in documents],
        **fields,
    )


@pytest.mark.django_db
def test_lists_issues_and_documentation_newest_first(contract_client, cknews, ckreihe):
    pdf = DocumentFactory(title="CKnews 1/2026 (PDF)", file__filename="cknews-1-2026.pdf")
    first = issue(cknews, "CKnews 1/2026", datetime.date(2026, 3, 20), pdf_edition=pdf)
    issue(cknews, "CKnews 2/2026", datetime.date(2026, 6, 24))
    slides, minutes = DocumentFactory(title="Folien"), DocumentFactory(title="Protokoll")
    workshop = documentation(
        ckreihe, "CKreihe 1: Roadmap-Workshop", datetime.date(2026, 3, 12), minutes, slides
    )

    response = contract_client.get(URL, {"site": HOSTNAME})

    assert entries(response) == [
        ("newsletter_issue", "CKnews 2/2026"),
        ("newsletter_issue", "CKnews 1/2026"),
        ("documentation_item", "CKreihe 1: Roadmap-Workshop"),
    ]
    results = response.json()["results"]
    assert results[1] == {
        "kind": "newsletter_issue",
        "date": "2026-03-20",
        "year": 2026,
        "title": "CKnews 1/2026",
        "page": {
            "id": first.pk,
            "type": "newsletter_issue",
            "title": "CKnews 1/2026",
            "locale": "de",
            "path": "/cknews/cknews-12026/",
        },
        "series": {"id": cknews.pk, "title": "CKnews", "short_name": "CKnews"},
        "documents": [
            {
                "id": pdf.pk,
                "title": "CKnews 1/2026 (PDF)",
                "url": f"http://testserver/documents/{pdf.pk}/cknews-1-2026.pdf",
                "filename": "cknews-1-2026.pdf",
                "file_extension": "pdf",
                "file_size": pdf.file_size,
            }
        ],
    }
    assert results[2]["page"]["id"] == workshop.pk
    assert results[2]["series"] == {"id": ckreihe.pk, "title": "CKreihe", "short_name": "CKreihe"}
    # The files of a documentation in the order of the page, each once.
    assert [document["title"] for document in results[2]["documents"]] == ["Protokoll", "Folien"]
    assert results[2]["date"] == "2026-03-12"


@pytest.mark.django_db
def test_entries_without_a_public_document_are_not_listed(api_client, cknews, ckreihe):
    private = DocumentFactory(title="Interne Fassung", collection=private_collection())
    issue(cknews, "Ohne PDF", datetime.date(2026, 3, 20), pdf_edition=None)
    issue(cknews, "Nur intern", datetime.date(2026, 6, 24), pdf_edition=private)
    documentation(ckreihe, "Ohne Dateien", datetime.date(2026, 3, 12))
    documentation(ckreihe, "Nur interne Dateien", datetime.date(2026, 4, 12), private)
    deleted = DocumentFactory()
    mixed = documentation(
        ckreihe, "Gemischt", datetime.date(2026, 5, 12), private, deleted, DocumentFactory()
    )
    deleted.delete()

    results = api_client.get(URL, {"site": HOSTNAME}).json()["results"]

    assert [item["title"] for item in results] == ["Gemischt"]
    assert len(results[0]["documents"]) == 1
    assert results[0]["page"]["id"] == mixed.pk


@pytest.mark.django_db
def test_drafts_private_pages_and_other_sites_are_absent(api_client, site, cknews, ckreihe):
    issue(cknews, "CKnews 1/2026", datetime.date(2026, 3, 20))
    issue(cknews, "Entwurf", datetime.date(2026, 6, 24), live=False)
    protected = issue(cknews, "Geschützt", datetime.date(2026, 9, 1))
    PageViewRestriction.objects.create(page=protected, restriction_type=PageViewRestriction.LOGIN)
    private_series = DocumentSeriesPageFactory(parent=site.root_page, title="Intern")
    PageViewRestriction.objects.create(
        page=private_series, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    documentation(
        private_series, "Unter geschützter Reihe", datetime.date(2026, 5, 1), DocumentFactory()
    )
    draft_series = NewsletterSeriesPageFactory(parent=site.root_page, title="Alt", live=False)
    issue(draft_series, "Unter Entwurfsreihe", datetime.date(2026, 5, 2))
    other = NewsletterSeriesPageFactory(parent=SiteFactory(hostname="anderswo.localhost").root_page)
    issue(other, "Andere Site", datetime.date(2026, 5, 3))

    assert entries(api_client.get(URL, {"site": HOSTNAME})) == [
        ("newsletter_issue", "CKnews 1/2026")
    ]


@pytest.mark.django_db
def test_kind_year_and_series_filters(api_client, site, cknews, ckreihe):
    issue(cknews, "CKnews 1/2026", datetime.date(2026, 3, 20))
    issue(cknews, "CKnews 4/2025", datetime.date(2025, 12, 10))
    # An issue of 2025 that appeared in January 2026 belongs to 2025.
    issue(cknews, "CKnews 5/2025", datetime.date(2026, 1, 15), year=2025)
    documentation(ckreihe, "CKreihe 1", datetime.date(2026, 3, 12), DocumentFactory())
    specials = NewsletterSeriesPageFactory(parent=site.root_page, title="Sonderausgaben")
    issue(specials, "Sonderausgabe", datetime.date(2026, 2, 1))

    def titles(**query):
        return [title for _kind, title in entries(api_client.get(URL, {"site": HOSTNAME, **query}))]

    assert titles(kind="documentation") == ["CKreihe 1"]
    assert titles(kind="newsletter") == [
        "CKnews 1/2026",
        "Sonderausgabe",
        "CKnews 5/2025",
        "CKnews 4/2025",
    ]
    assert titles(year="2025") == ["CKnews 5/2025", "CKnews 4/2025"]
    assert titles(series=str(specials.pk)) == ["Sonderausgabe"]
    assert titles(series=str(ckreihe.pk), year="2026") == ["CKreihe 1"]
    assert titles(series=str(ckreihe.pk), kind="newsletter") == []
    assert titles(year="2024") == []


@pytest.mark.django_db
def test_english_lists_english_pages_with_their_documents(api_client, site, cknews, ckreihe):
    translate_page(site.root_page, "en", slug="home-en")
    english_series = translate_page(cknews, "en", title="CKnews (English)")
    translate_page(ckreihe, "en")
    shared = issue(cknews, "CKnews 1/2026", datetime.date(2026, 3, 20))
    own_pdf = DocumentFactory(title="CKnews 2/2026 (English PDF)")
    overridden = issue(cknews, "CKnews 2/2026", datetime.date(2026, 6, 24))
    translate_page(shared, "en", title="CKnews 1/2026 (en)", slug="cknews-1-2026")
    translate_page(overridden, "en", title="CKnews 2/2026 (en)", pdf_edition=own_pdf)
    # Untranslated: wagtail-localize's alias shows the German text and is not listed.
    issue(cknews, "CKnews 3/2026", datetime.date(2026, 9, 23)).copy_for_translation(
        locale("en"), alias=True
    )
    documentation(ckreihe, "Nur deutsch", datetime.date(2026, 3, 12), DocumentFactory())

    results = api_client.get(URL, {"site": HOSTNAME, "locale": "en"}).json()["results"]

    assert [(item["title"], item["page"]["locale"]) for item in results] == [
        ("CKnews 2/2026 (en)", "en"),
        ("CKnews 1/2026 (en)", "en"),
    ]
    assert results[0]["documents"][0]["id"] == own_pdf.pk
    assert results[1]["documents"][0]["id"] == shared.pdf_edition_id
    assert results[1]["page"]["path"] == "/en/cknews/cknews-1-2026/"
    assert results[1]["series"]["id"] == english_series.pk
    assert results[1]["series"]["title"] == "CKnews (English)"
    # The German series' id selects its English translation's entries.
    german_series_filter = {"site": HOSTNAME, "locale": "en", "series": str(cknews.pk)}
    assert len(api_client.get(URL, german_series_filter).json()["results"]) == 2


@pytest.mark.django_db
def test_pagination(api_client, cknews):
    for month in range(1, 6):
        issue(cknews, f"Ausgabe {month}", datetime.date(2026, month, 1))

    first = api_client.get(URL, {"site": HOSTNAME, "page_size": "2"}).json()
    second = api_client.get(first["next"]).json()
    last = api_client.get(URL, {"site": HOSTNAME, "page_size": "2", "page": "3"}).json()

    assert first["count"] == 5
    assert first["previous"] is None
    assert [item["title"] for item in first["results"]] == ["Ausgabe 5", "Ausgabe 4"]
    assert [item["title"] for item in second["results"]] == ["Ausgabe 3", "Ausgabe 2"]
    assert [item["title"] for item in last["results"]] == ["Ausgabe 1"]
    assert last["next"] is None
    assert api_client.get(URL, {"site": HOSTNAME, "page": "4"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({}, "site"),
        ({"site": "unbekannt.localhost"}, "site"),
        ({"site": HOSTNAME, "colour": "rot"}, "colour"),
        ({"site": HOSTNAME, "locale": "fr"}, "locale"),
        ({"site": HOSTNAME, "kind": "news"}, "kind"),
        ({"site": HOSTNAME, "year": "zwanzig"}, "year"),
        ({"site": HOSTNAME, "year": "1850"}, "year"),
        ({"site": HOSTNAME, "series": "0"}, "series"),
        ({"site": HOSTNAME, "series": "999999"}, "series"),
    ],
)
def test_bad_parameters_are_a_400_problem(contract_client, site, query, parameter):
    response = contract_client.get(URL, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert list(response.json()["errors"]) == [parameter]


@pytest.mark.django_db
def test_series_must_be_a_public_series_of_the_site(api_client, site, cknews):
    other_site_series = NewsletterSeriesPageFactory(
        parent=SiteFactory(hostname="anderswo.localhost").root_page
    )
    draft_series = NewsletterSeriesPageFactory(parent=site.root_page, live=False)
    not_a_series = issue(cknews, "CKnews 1/2026", datetime.date(2026, 3, 20))
    alias = cknews.copy_for_translation(locale("en"), copy_parents=True, alias=True)

    for page in (other_site_series, draft_series, not_a_series, alias, site.root_page):
        response = api_client.get(URL, {"site": HOSTNAME, "series": str(page.pk)})
        assert response.status_code == 400, page
        assert list(response.json()["errors"]) == ["series"]


@pytest.mark.django_db
def test_answers_carry_etag_and_cache_control(api_client, cknews):
    issue(cknews, "CKnews 1/2026", datetime.date(2026, 3, 20))

    response = api_client.get(URL, {"site": HOSTNAME})
    again = api_client.get(URL, {"site": HOSTNAME}, headers={"if-none-match": response["ETag"]})

    assert "public" in response["Cache-Control"]
    assert again.status_code == 304


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_entries(api_client, cknews, ckreihe):
    def add_entries(count: int):
        for _number in range(count):
            added = cknews.get_children().count()
            day = datetime.date(2026, 1, 1) + datetime.timedelta(added)
            issue(cknews, f"CKnews {added}", day)
            documentation(ckreihe, f"CKreihe {added}", day, DocumentFactory(), DocumentFactory())

    def count_queries() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(URL, {"site": HOSTNAME, "page_size": "100"})
        assert response.status_code == 200
        return len(queries)

    add_entries(1)
    for_2 = count_queries()
    add_entries(4)
    for_10 = count_queries()

    assert api_client.get(URL, {"site": HOSTNAME}).json()["count"] == 10
    assert for_2 == for_10


# Private documents elsewhere in the API


@pytest.mark.django_db
def test_private_documents_are_null_in_page_payloads_and_issue_lists(
    contract_client, cknews, ckreihe
):
    private = DocumentFactory(title="Intern", collection=private_collection())
    public = DocumentFactory(title="Öffentlich")
    private_issue = issue(cknews, "CKnews 1/2026", datetime.date(2026, 3, 20), pdf_edition=private)
    item = documentation(ckreihe, "CKreihe 1", datetime.date(2026, 3, 12), private, public)

    issue_payload = contract_client.get(f"/api/v1/pages/{private_issue.pk}/").json()
    item_payload = contract_client.get(f"/api/v1/pages/{item.pk}/").json()
    issue_list = contract_client.get(f"/api/v1/newsletters/{cknews.pk}/issues/").json()

    assert issue_payload["pdf_edition"] is None
    assert issue_list["results"][0]["pdf_edition"] is None
    assert item_payload["documents"][0]["value"]["document"] is None
    assert item_payload["documents"][1]["value"]["document"]["id"] == public.pk


@pytest.mark.django_db
def test_restriction_on_a_parent_collection_hides_the_documents_below(api_client, cknews):
    below = private_collection().add_child(name="Protokolle")
    hidden = issue(
        cknews,
        "CKnews 1/2026",
        datetime.date(2026, 3, 20),
        pdf_edition=DocumentFactory(collection=below),
    )

    assert api_client.get(f"/api/v1/pages/{hidden.pk}/").json()["pdf_edition"] is None
    assert api_client.get(URL, {"site": HOSTNAME}).json()["count"] == 0


@pytest.mark.django_db
def test_privacy_check_costs_one_query_for_all_documents(api_client, ckreihe):
    collections = [Collection.get_first_root_node(), private_collection()]

    def queries_for_documentation(count: int) -> int:
        files = [DocumentFactory(collection=collections[n % 2]) for n in range(count)]
        item = documentation(ckreihe, f"Mit {count} Dateien", datetime.date(2026, 3, 12), *files)
        api_client.get(f"/api/v1/pages/{item.pk}/")
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(f"/api/v1/pages/{item.pk}/")
        assert response.status_code == 200
        shown = [block["value"]["document"] for block in response.json()["documents"]]
        assert sum(document is not None for document in shown) == (count + 1) // 2
        restriction_lookups = [
            query for query in queries if "wagtailcore_collectionviewrestriction" in query["sql"]
        ]
        assert len(restriction_lookups) == 1
        return len(queries)

    assert queries_for_documentation(2) == queries_for_documentation(8)


# The demo content


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded(django_db_blocker, tmp_path_factory.mktemp("demo-media")):
        yield


@pytest.mark.django_db
def test_demo_archive_of_the_zukunftscluster(demo, contract_client):
    query = {"site": "cluster-chemie-kunststoffe.localhost"}

    results = contract_client.get(URL, query).json()["results"]
    english = contract_client.get(URL, {**query, "locale": "en"}).json()["results"]

    assert [(item["series"]["short_name"], item["date"]) for item in results] == [
        ("CKnews", "2026-09-23"),
        ("CKnews", "2026-06-24"),
        ("CKreihe", "2026-06-18"),
        ("CKnews", "2026-03-20"),
        ("CKreihe", "2026-03-12"),
    ]
    assert [document["title"] for document in results[0]["documents"]] == [
        "CKnews 3/2026 (PDF-Ausgabe)"
    ]
    assert [document["title"] for document in results[4]["documents"]] == [
        f"CKreihe 1 {EN_DASH} Ergebnisprotokoll Roadmap-Workshop",
        f"CKreihe 1 {EN_DASH} Präsentation Clustermanagement",
    ]
    assert all(
        document["url"].startswith("http://testserver/documents/")
        for item in results
        for document in item["documents"]
    )
    # The English pages share the German PDFs (a synchronised field).
    assert [(item["page"]["locale"], item["date"]) for item in english] == [
        ("en", item["date"]) for item in results
    ]
    assert [item["documents"] for item in english] == [item["documents"] for item in results]
    assert all(item["page"]["path"].startswith("/en/") for item in english)
