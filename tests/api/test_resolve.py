"""GET /api/v1/pages/resolve/: a frontend path to the page it shows, or a redirect.

German paths have no prefix, English ones start with /en/ (docs/locales.md); /de/ is not
a German path.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from tests.factories import (
    FrontendSettingsFactory,
    SiteFactory,
    StandardPageFactory,
    locale,
)
from tests.factories.pages import translate_page
from tests.factories.sites import FRONTEND_BASE_URL as FRONTEND

pytestmark = pytest.mark.django_db

HOSTNAME = "chemienetzwerk-harz.localhost"
OTHER_HOSTNAME = "recycling-region-harz.localhost"
OTHER_FRONTEND = "https://www.recycling-region-harz.example"


@pytest.fixture
def api_client(contract_client):
    """Every answer in this module must match the contract."""
    return contract_client


@pytest.fixture
def site():
    return FrontendSettingsFactory(
        site=SiteFactory(hostname=HOSTNAME), base_url=f"{FRONTEND}/"
    ).site


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")


@pytest.fixture
def english_home(home):
    return translate_page(home, "en", title="ChemieNetzwerk Harz")


@pytest.fixture
def english_about(about, english_home):
    return translate_page(about, "en", title="About us", slug="about-us")


@pytest.fixture
def other_site():
    return FrontendSettingsFactory(
        site=SiteFactory(hostname=OTHER_HOSTNAME), base_url=OTHER_FRONTEND
    ).site


def resolve(api_client, path, *, hostname=HOSTNAME):
    return api_client.get("/api/v1/pages/resolve/", {"site": hostname, "path": path})


def resolved_page(response) -> dict:
    assert response.status_code == 200, response.content
    payload = response.json()
    assert payload["kind"] == "page"
    assert set(payload) == {"kind", "page"}
    return payload["page"]


def resolved_redirect(response) -> dict:
    assert response.status_code == 200, response.content
    payload = response.json()
    assert payload["kind"] == "redirect"
    assert set(payload) == {"kind", "redirect"}
    return payload["redirect"]


def assert_not_found(response):
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Not found"


@pytest.mark.parametrize(
    "path", ["/ueber-uns/", "/ueber-uns", "/ueber-uns/?utm_source=newsletter", "/ueber-uns#team"]
)
def test_german_page_by_its_path_without_prefix(api_client, about, path):
    page = resolved_page(resolve(api_client, path))

    assert (page["id"], page["type"], page["locale"]) == (about.pk, "standard", "de")
    assert page["path"] == "/ueber-uns/"
    assert page["url"] == f"{FRONTEND}/ueber-uns/"
    assert page["site"] == HOSTNAME


@pytest.mark.parametrize("path", ["/en/about-us/", "/en/about-us"])
def test_english_page_by_its_english_path(api_client, english_about, path):
    page = resolved_page(resolve(api_client, path))

    assert (page["id"], page["title"], page["locale"]) == (english_about.pk, "About us", "en")
    assert page["path"] == "/en/about-us/"
    assert [alternate["path"] for alternate in page["meta"]["alternates"]] == [
        "/ueber-uns/",
        "/en/about-us/",
    ]


@pytest.mark.parametrize("path", ["/", "", "/en/", "/en"])
def test_home_pages(api_client, home, english_home, path):
    if path == "":
        assert resolve(api_client, path).status_code == 400
        return
    page = resolved_page(resolve(api_client, path))

    expected = english_home if path.startswith("/en") else home
    assert (page["id"], page["type"]) == (expected.pk, "home")


def test_a_german_slug_under_the_english_prefix_is_not_found(api_client, about, english_about):
    assert_not_found(resolve(api_client, "/en/ueber-uns/"))
    assert_not_found(resolve(api_client, "/about-us/"))


def test_german_has_no_de_prefix(api_client, about):
    assert_not_found(resolve(api_client, "/de/ueber-uns/"))
    assert_not_found(resolve(api_client, "/de/"))


def test_a_prefix_that_is_no_content_language_is_a_german_slug(api_client, home):
    french_looking = StandardPageFactory(parent=home, title="FR", slug="fr")
    StandardPageFactory(parent=french_looking, title="Kontakt", slug="kontakt")

    page = resolved_page(resolve(api_client, "/fr/kontakt/"))

    assert (page["locale"], page["path"]) == ("de", "/fr/kontakt/")


def test_english_path_without_an_english_site_root_is_not_found(api_client, about):
    assert_not_found(resolve(api_client, "/en/"))
    assert_not_found(resolve(api_client, "/en/ueber-uns/"))


def test_percent_encoded_unicode_slugs(api_client, home):
    page = StandardPageFactory(parent=home, title="Über", slug="über")

    resolved = resolved_page(resolve(api_client, "/%C3%BCber/"))

    assert resolved["id"] == page.pk


def test_deep_page_and_its_breadcrumbs(api_client, about):
    statutes = StandardPageFactory(parent=about, title="Satzung", slug="satzung")

    page = resolved_page(resolve(api_client, "/ueber-uns/satzung/"))

    assert page["id"] == statutes.pk
    assert [crumb["path"] for crumb in page["meta"]["breadcrumbs"]] == ["/", "/ueber-uns/"]


def test_a_page_of_another_site_is_not_found(api_client, about, other_site):
    assert_not_found(resolve(api_client, "/ueber-uns/", hostname=OTHER_HOSTNAME))


@pytest.mark.parametrize("hidden", ["draft", "private", "private_parent"])
def test_drafts_and_private_pages_are_not_found(api_client, about, hidden):
    page = StandardPageFactory(parent=about, title="Intern", slug="intern")
    if hidden == "draft":
        page.unpublish()
    elif hidden == "private":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    else:
        PageViewRestriction.objects.create(
            page=about, restriction_type=PageViewRestriction.PASSWORD, password="intern"
        )

    assert_not_found(resolve(api_client, "/ueber-uns/intern/"))


def test_unknown_path_is_not_found(api_client, about):
    response = resolve(api_client, "/gibt-es-nicht/")

    assert_not_found(response)
    assert "/gibt-es-nicht/" in response.json()["detail"]


# Aliases


def test_alias_redirects_temporarily_to_its_original(api_client, about, english_home):
    alias = about.copy_for_translation(locale("en"), alias=True)
    alias_path = alias.get_url_parts()[2]

    redirect = resolved_redirect(resolve(api_client, alias_path))

    assert alias_path.startswith("/en/")
    assert redirect == {"status_code": 302, "location": "/ueber-uns/", "is_external": False}


def test_alias_of_a_page_on_another_site_redirects_to_that_frontend(api_client, about, other_site):
    other_home = other_site.root_page
    alias = about.create_alias(parent=other_home, update_slug="partner")

    redirect = resolved_redirect(resolve(api_client, "/partner/", hostname=OTHER_HOSTNAME))

    assert alias.live
    assert redirect == {
        "status_code": 302,
        "location": f"{FRONTEND}/ueber-uns/",
        "is_external": True,
    }


def test_alias_of_a_draft_is_not_found(api_client, about, english_home):
    alias = about.copy_for_translation(locale("en"), alias=True)
    about.unpublish()
    alias.refresh_from_db()
    alias.live = True
    alias.save()

    assert_not_found(resolve(api_client, alias.get_url_parts()[2]))


# Redirects


def make_redirect(old_path, *, site=None, page=None, link="", permanent=True):
    return Redirect.objects.create(
        old_path=Redirect.normalise_path(old_path),
        site=site,
        redirect_page=page,
        redirect_link=link,
        is_permanent=permanent,
    )


def test_permanent_redirect_to_a_page_gives_its_path(api_client, site, about):
    make_redirect("/wir/", site=site, page=about)

    redirect = resolved_redirect(resolve(api_client, "/wir/"))

    assert redirect == {"status_code": 301, "location": "/ueber-uns/", "is_external": False}


def test_temporary_redirect_to_an_external_url(api_client, site, home):
    make_redirect("/anmeldung", site=site, link="https://forms.example/chemie", permanent=False)

    redirect = resolved_redirect(resolve(api_client, "/anmeldung/"))

    assert redirect == {
        "status_code": 302,
        "location": "https://forms.example/chemie",
        "is_external": True,
    }


def test_redirect_from_an_english_path_to_an_english_page(api_client, site, english_about):
    make_redirect("/en/who-we-are/", site=site, page=english_about)

    redirect = resolved_redirect(resolve(api_client, "/en/who-we-are"))

    assert redirect == {"status_code": 301, "location": "/en/about-us/", "is_external": False}


def test_the_sites_own_redirect_wins_over_one_for_all_sites(api_client, site, home, other_site):
    make_redirect("/presse/", link="https://all-sites.example/")
    make_redirect("/presse/", site=site, link="https://this-site.example/")

    assert resolved_redirect(resolve(api_client, "/presse/"))["location"] == (
        "https://this-site.example/"
    )
    assert resolved_redirect(resolve(api_client, "/presse/", hostname=OTHER_HOSTNAME))[
        "location"
    ] == ("https://all-sites.example/")


def test_a_redirect_of_another_site_does_not_apply(api_client, home, other_site):
    make_redirect("/presse/", site=other_site, link="https://other.example/")

    assert_not_found(resolve(api_client, "/presse/"))


def test_a_page_at_the_path_wins_over_a_redirect(api_client, site, home, about):
    make_redirect("/ueber-uns/", site=site, link="https://elsewhere.example/")

    assert resolved_page(resolve(api_client, "/ueber-uns/"))["id"] == about.pk


def test_a_redirect_replaces_an_unpublished_page(api_client, site, home, about):
    old = StandardPageFactory(parent=home, title="Alt", slug="alt")
    make_redirect("/alt/", site=site, page=about)
    old.unpublish()

    assert resolved_redirect(resolve(api_client, "/alt/"))["location"] == "/ueber-uns/"


def test_a_redirect_to_a_page_that_is_not_public_is_not_found(api_client, site, about):
    make_redirect("/wir/", site=site, page=about)
    about.unpublish()

    assert_not_found(resolve(api_client, "/wir/"))


# Parameters


@pytest.mark.parametrize(
    ("query", "invalid"),
    [
        ({"path": "/"}, "site"),
        ({"site": HOSTNAME}, "path"),
        ({"site": "unknown.localhost", "path": "/"}, "site"),
        ({"site": HOSTNAME, "path": "ueber-uns/"}, "path"),
        ({"site": HOSTNAME, "path": "/ueber-uns/%00/"}, "path"),
        ({"site": HOSTNAME, "path": "/ueber-uns/\0/"}, "path"),
        ({"site": HOSTNAME, "path": "/", "locale": "en"}, "locale"),
    ],
    ids=[
        "no-site",
        "no-path",
        "unknown-site",
        "relative-path",
        "encoded-nul",
        "nul",
        "unknown-parameter",
    ],
)
def test_missing_and_invalid_parameters_are_400(api_client, home, query, invalid):
    response = api_client.get("/api/v1/pages/resolve/", query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert list(response.json()["errors"]) == [invalid]


# Cost


def count_queries(api_client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert resolve(api_client, path).status_code == 200
    return len(queries)


def test_resolving_costs_the_same_few_queries_at_any_depth(api_client, about, english_about):
    parent = about
    for depth in range(4):
        parent = StandardPageFactory(parent=parent, title=f"Ebene {depth}", slug=f"ebene-{depth}")
    deep_path = "/ueber-uns/ebene-0/ebene-1/ebene-2/ebene-3/"
    count_queries(api_client, "/ueber-uns/")  # Wagtail caches the site root paths

    shallow = count_queries(api_client, "/ueber-uns/")
    deep = count_queries(api_client, deep_path)
    english = count_queries(api_client, "/en/about-us/")

    assert shallow == deep == english
    # The site; the page at the path; the specific page; its alternates; its breadcrumbs;
    # the sites' hostnames and the frontend's base URL.
    assert shallow <= 7


def test_following_a_redirect_costs_the_same_few_queries_for_any_target(api_client, site, about):
    deep = StandardPageFactory(
        parent=StandardPageFactory(parent=about, title="Gremien", slug="gremien"),
        title="Vorstand",
        slug="vorstand",
    )
    make_redirect("/wir/", site=site, page=about)
    make_redirect("/vorstand/", site=site, page=deep)
    count_queries(api_client, "/wir/")

    shallow_target = count_queries(api_client, "/wir/")

    assert count_queries(api_client, "/vorstand/") == shallow_target <= 8
