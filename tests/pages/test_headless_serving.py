"""The hub serves no pages: visitors go to the site's frontend, editors get a plain preview."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from hub.models import FrontendSettings
from pages.models import StandardPage
from tests.factories import PAGE_FACTORIES, StandardPageFactory
from tests.factories.sites import FRONTEND_BASE_URL as FRONTEND

pytestmark = pytest.mark.django_db

# Measured: Wagtail resolves the site and locale, loads the matched page and checks view
# restrictions; the hub adds one query for the frontend base URL. Routing costs two
# queries per level of the path.
QUERIES_PER_REQUEST = 6
QUERIES_PER_LEVEL = 2


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page: Page, *, language_code: str, slug: str) -> Page:
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translation.slug = slug
    return publish(translation)


@pytest.fixture
def about_page(frontend_site):
    return StandardPageFactory(parent=frontend_site.root_page, title="Über uns", slug="ueber-uns")


@pytest.mark.parametrize(
    ("path", "frontend_url"),
    [
        ("/", f"{FRONTEND}/"),
        ("/ueber-uns/", f"{FRONTEND}/ueber-uns/"),
        ("/ueber-uns/satzung/", f"{FRONTEND}/ueber-uns/satzung/"),
        ("/ueber-uns/?utm_source=newsletter", f"{FRONTEND}/ueber-uns/?utm_source=newsletter"),
    ],
    ids=["home", "page", "subpage", "query-string"],
)
def test_page_redirects_to_the_frontend(client, about_page, path, frontend_url):
    StandardPageFactory(parent=about_page, title="Satzung", slug="satzung")

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == frontend_url


def test_translations_keep_their_locale_prefix_and_german_has_none(client, about_page):
    home = about_page.get_parent()
    translate(home, language_code="en", slug=f"{home.slug}-en")
    english = translate(about_page, language_code="en", slug="about-us")

    german_response = client.get("/ueber-uns/")
    english_response = client.get("/en/about-us/")

    assert german_response["Location"] == f"{FRONTEND}/ueber-uns/"
    assert english_response.status_code == 302
    assert english_response["Location"] == f"{FRONTEND}/en/about-us/"
    assert english.full_url == f"{FRONTEND}/en/about-us/"


@pytest.mark.parametrize("base_url", [None, ""], ids=["no-settings", "empty-base-url"])
def test_without_a_frontend_the_hub_answers_not_found(client, hub_only_site, base_url):
    if base_url is not None:
        FrontendSettings.objects.create(site=hub_only_site, base_url=base_url)
    StandardPageFactory(parent=hub_only_site.root_page, slug="ueber-uns")

    response = client.get("/ueber-uns/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/plain")
    assert b"no frontend" in response.content


def test_unpublished_pages_are_not_redirected(client, about_page):
    about_page.unpublish()

    assert client.get("/ueber-uns/").status_code == 404


def test_page_urls_point_at_the_frontend(about_page):
    assert about_page.full_url == f"{FRONTEND}/ueber-uns/"
    # Wagtail's default site still exists, so the URL outside a request is a full one.
    assert about_page.get_url() == f"{FRONTEND}/ueber-uns/"
    assert about_page.get_frontend_url() == f"{FRONTEND}/ueber-uns/"


def test_without_a_frontend_urls_stay_on_the_hub(hub_only_site):
    page = StandardPageFactory(parent=hub_only_site.root_page, slug="ueber-uns")

    assert page.full_url == "http://testserver/ueber-uns/"
    assert page.get_frontend_url() is None


def test_serving_costs_wagtail_routing_plus_one_query(
    client, about_page, django_assert_max_num_queries
):
    """Only the frontend settings come on top of Wagtail's routing, which walks the path."""
    page = about_page
    for level in range(4):
        page = StandardPageFactory(parent=page, slug=f"ebene-{level}")
    client.get("/")  # fills the cache of site root paths that every request shares

    for path in ("/ueber-uns/", "/ueber-uns/ebene-0/ebene-1/ebene-2/ebene-3/"):
        levels = path.count("/") - 1
        with django_assert_max_num_queries(QUERIES_PER_REQUEST + QUERIES_PER_LEVEL * levels):
            response = client.get(path)
        assert response.status_code == 302


@pytest.mark.parametrize("model", list(PAGE_FACTORIES), ids=lambda model: model.__name__)
def test_preview_renders_every_page_type(model):
    has_intro = any(field.name == "intro" for field in model._meta.get_fields())
    intro = {"intro": "Ein kurzer Vorspann."} if has_intro else {}
    page = PAGE_FACTORIES[model](title="Vorschau der Seite", **intro)

    response = page.make_preview_request()

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Vorschau der Seite</h1>" in content
    assert ("Ein kurzer Vorspann." in content) is has_intro


def test_admin_preview_without_a_frontend_preview_url_shows_the_unsaved_edit(
    admin_client, about_page
):
    # With a preview URL the preview goes to the frontend (tests/api/test_preview.py).
    FrontendSettings.objects.filter(site=about_page.get_site()).update(preview_url="")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[about_page.pk])
    data = nested_form_data(
        {
            "title": "Über das Netzwerk",
            "slug": "ueber-uns",
            "intro": "Neunzehn Mitglieder im Westharz.",
            "body": streamfield([("heading", {"text": "Unsere Mitglieder", "level": "h2"})]),
        }
    )

    posted = admin_client.post(preview_url, data)
    response = admin_client.get(preview_url)

    assert posted.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Über das Netzwerk</h1>" in content
    assert "Unsere Mitglieder" in content
    assert '<meta name="robots" content="noindex">' in content
    assert StandardPage.objects.get(pk=about_page.pk).title == "Über uns"
