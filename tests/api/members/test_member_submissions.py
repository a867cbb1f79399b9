"""Submitting profile changes through the member API, and following them up."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from hub.members.logos import LOGO_COLLECTION
from hub.members.models import ProfileSubmission, SubmissionStatus
from hub.members.roles import WORKFLOW
from tests.contract.validation import assert_response_matches_schema
from tests.factories import ImageFactory, SectorFactory
from tests.factories.members import member_of, token_for
from tests.factories.members import published_organisation as published

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return published(name="Harzer Chemiewerk")


@pytest.fixture
def member(organisation):
    return member_of(organisation)


@pytest.fixture
def headers(member, organisation):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_for(member, organisation)}"}


def profile_url(organisation) -> str:
    return f"/api/v1/members/organisations/{organisation.pk}/"


def submissions_url(organisation) -> str:
    return f"{profile_url(organisation)}submissions/"


def png_file(name="logo.png", size=(120, 60)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def submit(api_client, organisation, headers, data, **kwargs):
    kwargs.setdefault("format", "json")
    return api_client.post(submissions_url(organisation), data, **kwargs, **headers)


def test_a_submission_is_accepted_with_its_status_url(
    api_client, contract, organisation, member, headers
):
    response = submit(api_client, organisation, headers, {"city": "Bad Harzburg"})

    assert response.status_code == 202, response.content
    assert_response_matches_schema(response, spec=contract)
    body = response.json()
    submission = ProfileSubmission.objects.get()
    assert body == {
        "id": str(submission.public_id),
        "status": "pending",
        "submitted_at": body["submitted_at"],
        "status_url": f"http://testserver{submissions_url(organisation)}{submission.public_id}/",
        "changes": ["city"],
    }
    assert response["Location"] == body["status_url"]
    assert response["Cache-Control"] == "no-store"
    assert submission.channel == "api"
    assert submission.submitted_by == member
    assert submission.token_prefix.startswith("chm_")

    status = api_client.get(response["Location"], **headers)

    assert status.status_code == 200
    assert_response_matches_schema(status, spec=contract)
    assert status.json() == {
        "id": str(submission.public_id),
        "status": "pending",
        "submitted_at": body["submitted_at"],
        "decided_at": None,
        "comment": None,
        "changes": {"city": {"live": "Goslar", "submitted": "Bad Harzburg"}},
        "channel": "api",
        "status_url": body["status_url"],
    }


def test_the_draft_shows_the_change_while_live_and_public_answers_do_not(
    api_client, contract, organisation, headers
):
    submit(api_client, organisation, headers, {"city": "Bad Harzburg", "phone": "+49 5322 1"})

    member_view = api_client.get(profile_url(organisation), **headers)
    public = api_client.get(f"/api/v1/organisations/{organisation.pk}/")

    assert member_view.status_code == 200
    assert_response_matches_schema(member_view, spec=contract)
    body = member_view.json()
    assert body["live"] is True
    assert body["draft"]["city"] == "Bad Harzburg"
    assert body["draft"]["phone"] == "+49 5322 1"
    assert body["profile"]["city"] == "Goslar"
    assert body["profile"]["phone"] == ""
    pending = ProfileSubmission.objects.get(status=SubmissionStatus.PENDING)
    assert body["pending_submission"]["id"] == str(pending.public_id)
    assert public.status_code == 200
    assert public.json()["address"]["city"] == "Goslar"
    assert public.json()["contact"]["phone"] is None
    organisation.refresh_from_db()
    assert organisation.city == "Goslar"
    assert organisation.current_workflow_state.workflow.name == WORKFLOW


def test_a_second_submission_replaces_the_pending_one(api_client, organisation, headers):
    first = submit(api_client, organisation, headers, {"city": "Bad Harzburg"}).json()

    second = submit(api_client, organisation, headers, {"phone": "+49 5322 1"})

    assert second.status_code == 202
    assert second.json()["changes"] == ["city", "phone"]
    first_status = api_client.get(first["status_url"], **headers).json()
    assert first_status["status"] == "superseded"
    assert ProfileSubmission.objects.filter(status=SubmissionStatus.PENDING).count() == 1
    draft = api_client.get(profile_url(organisation), **headers).json()["draft"]
    assert (draft["city"], draft["phone"]) == ("Bad Harzburg", "+49 5322 1")


def test_the_submission_list_is_newest_first_and_paginated(api_client, organisation, headers):
    for city in ("Oker", "Vienenburg", "Bad Harzburg"):
        submit(api_client, organisation, headers, {"city": city})

    response = api_client.get(submissions_url(organisation), {"page_size": 2}, **headers)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [item["changes"]["city"]["submitted"] for item in body["results"]] == [
        "Bad Harzburg",
        "Vienenburg",
    ]
    assert [item["status"] for item in body["results"]] == ["pending", "superseded"]
    assert body["next"] is not None


def test_a_decision_shows_with_the_reviewers_comment(api_client, organisation, headers):
    accepted = submit(api_client, organisation, headers, {"city": "Bad Harzburg"}).json()
    ProfileSubmission.objects.update(
        status=SubmissionStatus.REJECTED,
        decided_at=timezone.now(),
        comment="Bitte die Adresse des Werks angeben.",
    )

    status = api_client.get(accepted["status_url"], **headers).json()

    assert status["status"] == "rejected"
    assert status["comment"] == "Bitte die Adresse des Werks angeben."
    assert status["decided_at"] is not None


def test_sectors_coordinates_and_description_are_submitted_as_model_values(
    api_client, organisation, headers
):
    SectorFactory(slug="kunststoffverarbeitung")
    SectorFactory(slug="recycling")

    response = submit(
        api_client,
        organisation,
        headers,
        {
            "sectors": ["recycling", "kunststoffverarbeitung"],
            "latitude": 51.8790004,
            "longitude": "10.561",
            "description": "Wir recyceln Kunststoffe.\n\nSeit 1990 in Goslar & Oker.",
            "region": None,
            "employee_band": "50-249",
        },
    )
    assert response.status_code == 202, response.content
    draft = api_client.get(profile_url(organisation), **headers).json()["draft"]
    assert draft["sectors"] == ["kunststoffverarbeitung", "recycling"]
    assert (draft["latitude"], draft["longitude"]) == (51.879, 10.561)
    assert draft["description"] == (
        "<p>Wir recyceln Kunststoffe.</p><p>Seit 1990 in Goslar &amp; Oker.</p>"
    )
    assert draft["region"] is None
    assert draft["employee_band"] == "50-249"


def test_a_logo_upload_is_stored_for_review_only(api_client, contract, organisation, headers):
    response = submit(
        api_client,
        organisation,
        headers,
        {"logo": png_file(), "city": "Bad Harzburg", "sectors": []},
        format="multipart",
    )

    assert response.status_code == 202, response.content
    assert response.json()["changes"] == ["city", "logo"]
    image = get_image_model().objects.get()
    assert image.collection.name == LOGO_COLLECTION
    assert image.title == "Logo Harzer Chemiewerk"
    assert (image.width, image.height) == (120, 60)
    member_view = api_client.get(profile_url(organisation), **headers)
    assert_response_matches_schema(member_view, spec=contract)
    logo = member_view.json()["draft"]["logo"]
    assert logo["id"] == image.pk
    assert (logo["width"], logo["height"]) == (120, 60)
    assert logo["url"].startswith("http://testserver/")
    assert member_view.json()["profile"]["logo"] is None
    assert api_client.get(f"/api/v1/organisations/{organisation.pk}/").json()["logo"] is None


def test_logo_null_removes_the_logo(api_client, headers):
    organisation = published(logo=ImageFactory())
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(member_of(organisation), organisation)}"}

    response = submit(api_client, organisation, headers, {"logo": None})

    assert response.status_code == 202, response.content
    body = api_client.get(profile_url(organisation), **headers).json()
    assert body["draft"]["logo"] is None
    assert body["profile"]["logo"]["id"] == organisation.logo_id


def test_submissions_per_token_are_limited(api_client, settings, organisation, headers):
    settings.MEMBER_SUBMISSIONS_PER_TOKEN_PER_HOUR = 2
    # Invalid submissions count too: they are counted before their body is looked at.
    assert submit(api_client, organisation, headers, {"colour": "blau"}).status_code == 400
    assert submit(api_client, organisation, headers, {"city": "Oker"}).status_code == 202

    response = submit(api_client, organisation, headers, {"city": "Vienenburg"})

    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "token" in response.json()["detail"]
    assert ProfileSubmission.objects.count() == 1
    # Reading is limited separately.
    assert api_client.get(profile_url(organisation), **headers).status_code == 200


def test_submissions_per_member_account_are_limited_across_its_tokens(
    api_client, settings, organisation, member
):
    settings.MEMBER_SUBMISSIONS_PER_USER_PER_HOUR = 2
    tokens = [token_for(member, organisation, name=f"Portal {n}") for n in range(3)]

    statuses = [
        submit(
            api_client,
            organisation,
            {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"},
            {"city": city},
        )
        for plaintext, city in zip(tokens, ("Oker", "Vienenburg", "Hahnenklee"), strict=True)
    ]

    assert [response.status_code for response in statuses] == [202, 202, 429]
    assert "member account" in statuses[2].json()["detail"]
    assert int(statuses[2]["Retry-After"]) > 0


def test_requests_per_token_are_limited(api_client, settings, organisation, headers):
    settings.MEMBER_REQUESTS_PER_TOKEN_PER_HOUR = 3

    statuses = [api_client.get(profile_url(organisation), **headers).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


def queries_for_profile(api_client, organisation, headers) -> int:
    api_client.get(profile_url(organisation), **headers)  # records the token's first use
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(profile_url(organisation), **headers)
    assert response.status_code == 200
    return len(queries)


def test_the_profile_costs_the_same_queries_however_much_it_holds(api_client):
    sectors = [SectorFactory() for _ in range(6)]
    small = published(logo=ImageFactory(), sectors=sectors[:1])
    large = published(logo=ImageFactory(), sectors=sectors)
    headers = {}
    for organisation, cities in ((small, ["Oker"]), (large, ["Oker", "Vienenburg", "Ilsenburg"])):
        member = member_of(organisation)
        headers[organisation] = {"HTTP_AUTHORIZATION": f"Bearer {token_for(member, organisation)}"}
        for city in cities:
            submit(api_client, organisation, headers[organisation], {"city": city})

    small_queries = queries_for_profile(api_client, small, headers[small])
    large_queries = queries_for_profile(api_client, large, headers[large])

    assert small_queries == large_queries
