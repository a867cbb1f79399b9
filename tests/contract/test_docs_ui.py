"""The hub serves its contract: the OpenAPI document, Swagger UI and Redoc, all from its own
static files, with nothing loaded from a CDN."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

from api.management.contract import OPENAPI_PATH

STATIC_URL_PATTERN = re.compile(r"""(?:src|href)=["'](/static/[^"']+)["']""")
EXTERNAL_URL_PATTERN = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")


def static_references(html: str) -> list[str]:
    return STATIC_URL_PATTERN.findall(html)


def test_schema_endpoint_serves_the_committed_contract(client):
    response = client.get("/api/v1/schema/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert response.json() == json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))
    assert "ETag" in response


def test_schema_endpoint_answers_in_english_whatever_the_browser_prefers(client):
    english = client.get("/api/v1/schema/").content
    german = client.get("/api/v1/schema/", HTTP_ACCEPT_LANGUAGE="de").content

    assert german == english


def test_schema_endpoint_revalidates_with_its_etag(client):
    etag = client.get("/api/v1/schema/")["ETag"]

    response = client.get("/api/v1/schema/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""


@pytest.mark.parametrize(
    ("url", "assets"),
    [
        (
            "/api/v1/docs/",
            {
                "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
                "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
                "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-standalone-preset.js",
                "/static/drf_spectacular_sidecar/swagger-ui-dist/favicon-32x32.png",
            },
        ),
        ("/api/v1/redoc/", {"/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"}),
    ],
)
def test_documentation_pages_load_only_local_assets(client, url, assets):
    response = client.get(url)
    html = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert set(static_references(html)) == assets
    assert not EXTERNAL_URL_PATTERN.search(html), "the page loads something from another host"
    assert "cdn." not in html and "fonts.googleapis" not in html
    for asset in assets:
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not a static file"


def test_documentation_pages_point_at_the_v1_schema(client):
    swagger = client.get("/api/v1/docs/").content.decode()
    redoc = client.get("/api/v1/redoc/").content.decode()

    assert 'url: "/api/v1/schema/"' in swagger
    assert 'spec-url="/api/v1/schema/"' in redoc


def test_swagger_ui_does_not_send_the_schema_to_the_online_validator(client):
    html = client.get("/api/v1/docs/").content.decode()

    assert '"validatorUrl": null' in html


def test_schema_and_documentation_are_not_part_of_the_contract():
    paths = json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))["paths"]

    assert not {"/api/v1/schema/", "/api/v1/docs/", "/api/v1/redoc/"} & set(paths)
