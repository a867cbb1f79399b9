"""``POST /api/v1/newsletters/{series}/subscriptions/``: validation, no enumeration, limits."""

import json

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from api.management.contract import generate_openapi
from hub.newsletter.models import Subscriber, SubscriberStatus
from tests.factories import NewsletterSeriesPageFactory, locale
from tests.factories.pages import translate_page
from tests.hub.newsletter.conftest import add_subscribers

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
VALID = {"email": "Anna.Beispiel@Example.ORG", "locale": "en", "consent": True}


def url(series) -> str:
    return f"/api/v1/newsletters/{series.pk}/subscriptions/"


def post(client, series, body, *, ip: str = "192.0.2.10", **extra):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(
        url(series), data=data, content_type="application/json", REMOTE_ADDR=ip, **extra
    )


def test_a_valid_request_records_a_pending_subscriber(
    client, series, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, series, VALID)

    assert response.status_code == 202
    assert response.json()["status"] == "pending-confirmation"
    assert response["Cache-Control"] == "no-store"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Anna.Beispiel@example.org"  # domain lower-cased
    assert subscriber.series == series
    assert subscriber.locale == locale("en")
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.confirmed_at is None
    assert subscriber.consent_version
    assert "CKnews" in subscriber.consent_text
    assert [message.to for message in mail.outbox] == [["Anna.Beispiel@example.org"]]


def test_the_answer_is_the_same_whatever_the_address_is(
    client, series, django_capture_on_commit_callbacks
):
    (pending,) = add_subscribers(series, 1, status=SubscriberStatus.PENDING, start=1)
    (confirmed,) = add_subscribers(series, 1, status=SubscriberStatus.CONFIRMED, start=2)
    (unsubscribed,) = add_subscribers(series, 1, status=SubscriberStatus.UNSUBSCRIBED, start=3)
    addresses = ["neu@example.org", pending.email, confirmed.email, unsubscribed.email]

    answers, query_counts = [], []
    for number, address in enumerate(addresses):
        with CaptureQueriesContext(connection) as queries:
            response = post(client, series, {**VALID, "email": address}, ip=f"192.0.2.{number}")
        answers.append((response.status_code, response.json(), response["Content-Type"]))
        query_counts.append(len(queries))

    assert len(set(json.dumps(answer) for answer in answers)) == 1, answers
    assert answers[0][0] == 202
    # Roughly the same work too: one lookup and one write per address.
    assert len(set(query_counts)) == 1, query_counts
    assert query_counts[0] <= 10
    assert Subscriber.objects.count() == 4
    confirmed.refresh_from_db()
    assert confirmed.status == SubscriberStatus.CONFIRMED
    assert confirmed.locale == locale("de")  # an anonymous request changes no subscription


def test_addresses_differing_in_case_are_one_subscriber(client, series):
    post(client, series, {**VALID, "email": "anna@example.org"})
    post(client, series, {**VALID, "email": "ANNA@EXAMPLE.ORG"}, ip="192.0.2.99")

    assert Subscriber.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**VALID, "name": "Anna"}, "name"),
        ({**VALID, "email": "not-an-address"}, "email"),
        ({**VALID, "email": ""}, "email"),
        ({**VALID, "locale": "fr"}, "locale"),
        ({**VALID, "consent": False}, "consent"),
        ({**VALID, "consent": "yes"}, "consent"),
        ({"email": "anna@example.org", "locale": "de"}, "consent"),
        ([VALID], "non_field_errors"),
    ],
    ids=[
        "unknown field",
        "bad email",
        "empty email",
        "unknown locale",
        "no consent",
        "consent as string",
        "consent missing",
        "not an object",
    ],
)
def test_invalid_requests_are_400_problems_with_field_errors(client, series, body, field):
    response = post(client, series, body)

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert field in response.json()["errors"], response.json()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_malformed_json_is_a_400_problem(client, series):
    response = post(client, series, '{"email": "anna@example.org", ')

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "JSON" in response.json()["detail"]
    assert not Subscriber.objects.exists()


def test_a_form_post_is_refused(client, series):
    response = client.post(url(series), {"email": "anna@example.org"})

    assert response.status_code == 415
    assert response["Content-Type"] == PROBLEM
    assert not Subscriber.objects.exists()


def test_get_is_not_allowed(client, series):
    response = client.get(url(series))

    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM


def test_unknown_draft_and_private_series_are_404(client, series, issue, site):
    draft = NewsletterSeriesPageFactory(parent=site.root_page, live=False)
    private = NewsletterSeriesPageFactory(parent=site.root_page)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    missing = type("Missing", (), {"pk": 999_999})

    for target in (missing, draft, private, issue):
        response = post(client, target, VALID)
        assert response.status_code == 404, target
        assert response["Content-Type"] == PROBLEM
    assert not Subscriber.objects.exists()


def test_a_translated_series_subscribes_to_the_german_one(client, series):
    english = translate_page(series, "en", title="CKnews (English)")

    response = post(client, english, VALID)

    assert response.status_code == 202
    assert Subscriber.objects.get().series_id == series.pk


def test_too_many_requests_from_one_client_are_429_with_retry_after(client, series):
    for number in range(10):
        assert post(client, series, {**VALID, "email": f"a{number}@example.org"}).status_code == 202

    response = post(client, series, {**VALID, "email": "eleven@example.org"})

    assert response.status_code == 429
    assert response["Content-Type"] == PROBLEM
    assert 0 < int(response["Retry-After"]) <= 3600
    assert not Subscriber.objects.filter(email="eleven@example.org").exists()
    # Another client is not affected.
    assert (
        post(client, series, {**VALID, "email": "b@example.org"}, ip="198.51.100.1").status_code
        == 202
    )


def test_an_address_gets_three_mails_a_day_at_most(
    client, series, django_capture_on_commit_callbacks
):
    for number in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert post(client, series, VALID, ip=f"192.0.2.{number}").status_code == 202

    response = post(
        client, series, {**VALID, "email": "anna.beispiel@EXAMPLE.org"}, ip="192.0.2.50"
    )

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 24 * 3600
    assert len(mail.outbox) == 3


def test_clients_behind_the_proxy_are_told_apart(client, series, settings):
    settings.NEWSLETTER_PROXY_COUNT = 1
    settings.NEWSLETTER_REQUESTS_PER_IP_PER_HOUR = 1

    first = post(client, series, VALID, ip="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    second = post(
        client,
        series,
        {**VALID, "email": "b@example.org"},
        ip="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.6",
    )
    spoofed = post(
        client,
        series,
        {**VALID, "email": "c@example.org"},
        ip="10.0.0.1",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.6",
    )

    assert (first.status_code, second.status_code, spoofed.status_code) == (202, 202, 429)


def test_browsers_on_the_frontend_may_post(client, series, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://www.chemienetzwerk-harz.example"]

    preflight = client.options(
        url(series),
        HTTP_ORIGIN="https://www.chemienetzwerk-harz.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    elsewhere = client.options(
        url(series),
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )

    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "https://www.chemienetzwerk-harz.example"
    assert "content-type" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Origin" not in elsewhere


def test_the_endpoint_is_in_the_contract():
    operation = generate_openapi()["paths"]["/api/v1/newsletters/{series_id}/subscriptions/"][
        "post"
    ]

    assert set(operation["responses"]) >= {"202", "400", "404", "415", "429"}
    assert "Retry-After" in operation["responses"]["429"]["headers"]
    assert PROBLEM in operation["responses"]["400"]["content"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/SubscriptionRequest") or "properties" in body
