"""The API's shared machinery: problem documents, strict parameters, caching headers."""

import pytest
from django.urls import path
from rest_framework import serializers

from api.params import LocaleField, QueryParameters, SiteField
from api.problems import PROBLEM_CONTENT_TYPE
from api.views.base import PublicAPIView
from tests.factories.sites import SiteFactory


class EchoParameters(QueryParameters):
    site = SiteField(required=False)
    locale = LocaleField(required=False)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=5)


class EchoView(PublicAPIView):
    """Answers with the parameters it understood."""

    parameters_class = EchoParameters

    def get(self, request):
        from rest_framework.response import Response

        params = self.params
        return Response(
            {
                "site": params["site"].hostname if "site" in params else None,
                "locale": params["locale"].language_code if "locale" in params else None,
                "limit": params.get("limit"),
            }
        )


class BrokenView(PublicAPIView):
    def get(self, request):
        raise RuntimeError("database password is hunter2")


urlpatterns = [
    path("echo/", EchoView.as_view()),
    path("broken/", BrokenView.as_view()),
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def test_declared_parameters_are_validated_into_objects(api_client):
    site = SiteFactory(hostname="chemienetzwerk-harz.localhost", port=8000)

    response = api_client.get("/echo/", {"site": site.hostname, "locale": "en", "limit": "3"})

    assert response.status_code == 200
    assert response.json() == {"site": site.hostname, "locale": "en", "limit": 3}


def test_site_can_be_told_apart_by_port(api_client):
    SiteFactory(hostname="hub.localhost", port=8000)
    other = SiteFactory(hostname="hub.localhost", port=8001)

    assert api_client.get("/echo/", {"site": "hub.localhost:8001"}).json()["site"] == other.hostname
    response = api_client.get("/echo/", {"site": "hub.localhost:9999"})
    assert response.status_code == 400
    assert "site" in response.json()["errors"]


@pytest.mark.parametrize(
    ("query", "parameter", "message"),
    [
        ({"colour": "blue"}, "colour", "Unknown query parameter."),
        ({"locale": "fr"}, "locale", '"fr" is not a valid choice.'),
        ({"limit": "6"}, "limit", "Ensure this value is less than or equal to 5."),
        ({"site": "nowhere.example"}, "site", "No site with the hostname nowhere.example."),
        ("limit=1&limit=2", "limit", "Give this parameter once."),
    ],
)
def test_bad_parameters_are_a_400_problem_naming_the_parameter(
    api_client, query, parameter, message
):
    if isinstance(query, str):
        response = api_client.get(f"/echo/?{query}")
    else:
        response = api_client.get("/echo/", query)

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    body = response.json()
    assert body["title"] == "Invalid query parameters"
    assert body["status"] == 400
    assert body["errors"] == {parameter: [message]}
    assert response["Cache-Control"] == "no-cache"


def test_a_crash_is_a_500_problem_without_details(api_client):
    api_client.raise_request_exception = False

    response = api_client.get("/broken/")

    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    assert response.json()["title"] == "Server error"
    assert b"hunter2" not in response.content
    assert b"Traceback" not in response.content


def test_reads_carry_an_etag_and_answer_304_when_it_matches(api_client):
    first = api_client.get("/echo/", {"limit": "2"})
    etag = first["ETag"]

    assert first.status_code == 200
    assert "public" in first["Cache-Control"]
    assert "max-age=60" in first["Cache-Control"]
    not_modified = api_client.get("/echo/", {"limit": "2"}, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    changed = api_client.get("/echo/", {"limit": "3"}, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_writes_are_refused_as_a_problem(api_client):
    response = api_client.post("/echo/", {}, format="json")

    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    assert response.json()["title"] == "Method not allowed"


@pytest.mark.urls("hub.urls")
def test_unknown_api_addresses_are_a_404_problem(api_client):
    response = api_client.get("/api/v1/no-such-endpoint/")

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    assert response.json()["detail"] == "No API endpoint at /api/v1/no-such-endpoint/."


def test_a_null_character_in_a_parameter_is_a_400(api_client):
    response = api_client.get("/echo/?site=%00")

    assert response.status_code == 400
    assert response.json()["errors"] == {"site": ["Null characters are not allowed."]}


def test_other_methods_are_405_before_parameters_are_checked(api_client):
    response = api_client.delete("/echo/?colour=blue")

    assert response.status_code == 405
