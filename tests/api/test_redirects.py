"""GET /api/v1/redirects/?site=&path=: the redirects editors manage, looked up for frontends."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from api.problems import PROBLEM_CONTENT_TYPE
from api.selectors.redirects import RedirectTarget, find_redirect
from tests.factories import FrontendSettingsFactory, StandardPageFactory
from tests.factories.pages import translate_page

pytestmark = pytest.mark.django_db

HOSTNAME = "chemienetzwerk-harz.localhost"
OTHER_HOSTNAME = "recycling-region-harz.localhost"
OTHER_FRONTEND = "https://www.recycling-region-harz.example"


@pytest.fixture
def site():
    return FrontendSettingsFactory(site__hostname=HOSTNAME).site


@pytest.fixture
def other_site():
    return FrontendSettingsFactory(site__hostname=OTHER_HOSTNAME, base_url=OTHER_FRONTEND).site


@pytest.fixture
def about(site):
    return StandardPageFactory(parent=site.root_page, title="Über uns", slug="ueber-uns")


def lookup(api_client, path: str, hostname: str = HOSTNAME):
    return api_client.get("/api/v1/redirects/", {"site": hostname, "path": path})


def test_a_redirect_to_a_page_answers_with_the_page_path(api_client, site, about):
    Redirect.add_redirect("/alt/ueber-uns", redirect_to=about, site=site)

    response = lookup(api_client, "/alt/ueber-uns/")

    assert response.status_code == 200
    assert response.json() == {
        "old_path": "/alt/ueber-uns",
        "status_code": 301,
        "location": "/ueber-uns/",
        "is_external": False,
    }
    assert response["ETag"]


def test_a_redirect_to_an_english_page_leads_to_its_english_path(api_client, site, about):
    translate_page(site.root_page, "en", slug="home-en")
    english = translate_page(about, "en", title="About us", slug="about-us")
    Redirect.add_redirect("/en/who-we-are", redirect_to=english, site=site)

    response = lookup(api_client, "/en/who-we-are")

    assert response.json()["location"] == "/en/about-us/"
    assert response.json()["is_external"] is False


def test_a_temporary_redirect_to_a_url_is_external_with_302(api_client, site):
    Redirect.add_redirect(
        "/foerderung", redirect_to="https://www.bmbf.de/foerderung", is_permanent=False, site=site
    )

    assert lookup(api_client, "/foerderung").json() == {
        "old_path": "/foerderung",
        "status_code": 302,
        "location": "https://www.bmbf.de/foerderung",
        "is_external": True,
    }


def test_a_redirect_to_a_page_of_another_site_gives_its_full_frontend_url(
    api_client, site, other_site
):
    project = StandardPageFactory(parent=other_site.root_page, title="Projekt", slug="projekt")
    Redirect.add_redirect("/recycling", redirect_to=project, site=site)

    assert lookup(api_client, "/recycling").json() == {
        "old_path": "/recycling",
        "status_code": 301,
        "location": f"{OTHER_FRONTEND}/projekt/",
        "is_external": True,
    }


def test_the_sites_own_redirect_wins_over_one_for_all_sites(api_client, site, other_site, about):
    Redirect.add_redirect("/kontakt", redirect_to="https://example.org/all-sites")
    Redirect.add_redirect("/kontakt", redirect_to=about, site=site)

    assert lookup(api_client, "/kontakt").json()["location"] == "/ueber-uns/"
    # The other site has no redirect of its own, so the one for all sites applies there.
    other = lookup(api_client, "/kontakt", hostname=OTHER_HOSTNAME).json()
    assert other["location"] == "https://example.org/all-sites"


def test_a_redirect_of_another_site_does_not_apply(api_client, site, other_site):
    Redirect.add_redirect("/nur-dort", redirect_to="https://example.org/", site=other_site)

    response = lookup(api_client, "/nur-dort")

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE


@pytest.mark.parametrize(
    ("stored", "requested"),
    [
        # Trailing slashes and the order of query parameters do not matter.
        ("/termine?jahr=2024&ort=goslar", "/termine/?ort=goslar&jahr=2024"),
        # A path without a redirect of its own falls back to the one without query string.
        ("/termine", "/termine/?utm_source=newsletter"),
        # Stored decoded, asked for percent-encoded, as browsers send it.
        ("/über-uns", "/%C3%BCber-uns/"),
    ],
)
def test_paths_are_matched_the_way_wagtail_normalises_them(
    api_client, site, about, stored, requested
):
    Redirect.add_redirect(stored, redirect_to=about, site=site)

    response = lookup(api_client, requested)

    assert response.status_code == 200
    assert response.json()["old_path"] == Redirect.normalise_path(stored)


def test_an_exact_query_string_wins_over_the_plain_path(api_client, site, about):
    Redirect.add_redirect("/termine", redirect_to="https://example.org/plain", site=site)
    Redirect.add_redirect("/termine?ort=goslar", redirect_to=about, site=site)

    assert lookup(api_client, "/termine?ort=goslar").json()["location"] == "/ueber-uns/"
    assert lookup(api_client, "/termine?ort=harz").json()["location"] == "https://example.org/plain"


def test_a_path_without_redirect_is_a_404_problem(api_client, site):
    response = lookup(api_client, "/gibt-es-nicht/")

    assert response.status_code == 404
    assert response.json()["title"] == "Not found"


def test_a_redirect_to_an_unpublished_page_is_not_revealed(api_client, site, about):
    Redirect.add_redirect("/alt", redirect_to=about, site=site)
    about.unpublish()

    assert lookup(api_client, "/alt").status_code == 404


def test_a_redirect_to_a_private_page_is_not_revealed(api_client, site, about):
    Redirect.add_redirect("/alt", redirect_to=about, site=site)
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    assert lookup(api_client, "/alt").status_code == 404
    assert find_redirect(site=site, path="/alt") is None


def test_find_redirect_works_without_a_request(site, about):
    Redirect.add_redirect("/alt", redirect_to=about, site=site)

    assert find_redirect(site=site, path="/alt/") == RedirectTarget(
        status_code=301, location="/ueber-uns/", is_external=False, old_path="/alt"
    )


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"site": HOSTNAME}, "path"),
        ({"path": "/alt"}, "site"),
        ({"site": HOSTNAME, "path": "alt"}, "path"),
        ({"site": HOSTNAME, "path": "/alt\x00"}, "path"),
        ({"site": "nowhere.example", "path": "/alt"}, "site"),
        ({"site": HOSTNAME, "path": "/alt", "locale": "de"}, "locale"),
    ],
)
def test_bad_parameters_are_a_400_problem(api_client, site, query, parameter):
    response = api_client.get("/api/v1/redirects/", query)

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    assert parameter in response.json()["errors"]
