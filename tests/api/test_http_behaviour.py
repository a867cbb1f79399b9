"""HTTP behaviour of the API, seen through the pages endpoints: caching headers and 304,
CORS for listed frontend origins, problem documents for every error."""

from urllib.parse import urlencode

import pytest

from api.problems import PROBLEM_CONTENT_TYPE
from pages.models import StandardPage
from tests.factories import FrontendSettingsFactory, SiteFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

HOSTNAME = "chemienetzwerk-harz.localhost"
FRONTEND_ORIGIN = "http://frontend.test"


@pytest.fixture
def page():
    site = FrontendSettingsFactory(site=SiteFactory(hostname=HOSTNAME)).site
    return StandardPageFactory(parent=site.root_page, title="Über uns", slug="ueber-uns")


def endpoints(page) -> dict[str, tuple[str, dict]]:
    return {
        "detail": (f"/api/v1/pages/{page.pk}/", {}),
        "list": ("/api/v1/pages/", {"site": HOSTNAME}),
        "resolve": ("/api/v1/pages/resolve/", {"site": HOSTNAME, "path": "/ueber-uns/"}),
    }


ENDPOINTS = ["detail", "list", "resolve"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_reads_carry_etag_and_cache_control(api_client, page, endpoint, settings):
    settings.API_CACHE_MAX_AGE = 120
    url, query = endpoints(page)[endpoint]

    response = api_client.get(url, query)

    assert response.status_code == 200
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=120", "stale-while-revalidate=600"} <= cache_control


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_matching_if_none_match_is_answered_304_without_body(api_client, page, endpoint):
    url, query = endpoints(page)[endpoint]
    etag = api_client.get(url, query)["ETag"]

    response = api_client.get(url, query, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_changed_content_gets_a_new_etag(api_client, page, endpoint):
    url, query = endpoints(page)[endpoint]
    etag = api_client.get(url, query)["ETag"]

    StandardPage.objects.filter(pk=page.pk).update(title="Über das Netzwerk")
    response = api_client.get(url, query, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Über das Netzwerk" in response.content.decode()


def test_the_same_content_keeps_its_etag(api_client, page):
    url, query = endpoints(page)["detail"]

    assert api_client.get(url, query)["ETag"] == api_client.get(url, query)["ETag"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_listed_frontend_origin_may_read(api_client, page, endpoint, settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONTEND_ORIGIN]
    url, query = endpoints(page)[endpoint]

    allowed = api_client.get(url, query, HTTP_ORIGIN=FRONTEND_ORIGIN)
    refused = api_client.get(url, query, HTTP_ORIGIN="http://attacker.test")

    assert allowed["Access-Control-Allow-Origin"] == FRONTEND_ORIGIN
    assert "Access-Control-Allow-Origin" not in refused


def test_cors_preflight_of_a_listed_origin(api_client, page, settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONTEND_ORIGIN]

    allowed = api_client.options(
        "/api/v1/pages/resolve/",
        HTTP_ORIGIN=FRONTEND_ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    refused = api_client.options(
        "/api/v1/pages/resolve/",
        HTTP_ORIGIN="http://attacker.test",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert allowed.status_code == 200
    assert allowed["Access-Control-Allow-Origin"] == FRONTEND_ORIGIN
    assert "GET" in allowed["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in refused


def assert_problem(response, status: int, title: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    body = response.json()
    assert (body["status"], body["title"]) == (status, title)
    assert body["type"].startswith("https://")
    assert "ETag" not in response
    if response.request["REQUEST_METHOD"] == "GET":
        # An error must not be reused once the page exists.
        assert response["Cache-Control"] == "no-cache"
    return body


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_writes_are_a_405_problem(api_client, page, endpoint, method):
    url, query = endpoints(page)[endpoint]

    response = getattr(api_client, method)(
        f"{url}?{urlencode(query)}", {"title": "Gehackt"}, format="json"
    )

    assert_problem(response, 405, "Method not allowed")
    page.refresh_from_db()
    assert page.title == "Über uns"


def test_an_unknown_api_address_is_a_404_problem(api_client):
    body = assert_problem(api_client.get("/api/v1/unknown/"), 404, "Not found")

    assert body["detail"] == "No API endpoint at /api/v1/unknown/."


def test_a_missing_page_is_a_404_problem(api_client, page):
    assert_problem(api_client.get(f"/api/v1/pages/{page.pk + 1000}/"), 404, "Not found")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_unknown_query_parameter_is_a_400_problem(api_client, page, endpoint):
    url, query = endpoints(page)[endpoint]

    response = api_client.get(url, {**query, "colour": "red"})

    body = assert_problem(response, 400, "Invalid query parameters")
    assert body["errors"] == {"colour": ["Unknown query parameter."]}


def test_a_bad_value_is_a_400_problem_with_field_errors(api_client, page):
    response = api_client.get("/api/v1/pages/", {"type": "blog", "locale": "fr"})

    body = assert_problem(response, 400, "Invalid query parameters")
    assert set(body["errors"]) == {"type", "locale"}
    assert all(
        isinstance(message, str) for messages in body["errors"].values() for message in messages
    )


def test_head_is_answered_like_get_without_body(api_client, page):
    url, query = endpoints(page)["detail"]
    get = api_client.get(url, query)

    head = api_client.head(url, query)

    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert head.content == b""
