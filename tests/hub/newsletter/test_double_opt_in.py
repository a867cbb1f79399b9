"""Double opt-in over a real SMTP server: the confirmation mail, its link and the page."""

import json
import re

import pytest
from django.test import Client

from hub.newsletter.models import Subscriber, SubscriberStatus
from hub.newsletter.texts import TEXTS
from hub.newsletter.tokens import Purpose, make_token
from tests.hub.newsletter.conftest import add_subscribers

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/newsletter/(?:confirm|unsubscribe)/[^/\s]+/)")


def subscribe(client, series, email: str, language: str, capture):
    with capture(execute=True):
        response = client.post(
            f"/api/v1/newsletters/{series.pk}/subscriptions/",
            data=json.dumps({"email": email, "locale": language, "consent": True}),
            content_type="application/json",
        )
    assert response.status_code == 202


def test_confirming_through_the_mailed_link(
    client, series, smtp_server, django_capture_on_commit_callbacks
):
    subscribe(client, series, "anna@example.org", "en", django_capture_on_commit_callbacks)

    [message] = smtp_server.wait_for(1)
    assert message.recipients == ["anna@example.org"]
    assert message["Subject"] == "Please confirm your subscription to CKnews"
    assert message["Message-ID"]
    [path] = set(LINK.findall(message.text()))
    assert path.startswith("/newsletter/confirm/")
    assert f"http://testserver{path}" in message.html()

    page = client.get(path)
    assert page.status_code == 200
    assert '<html lang="en">' in page.content.decode()
    assert TEXTS["en"]["confirm_button"] in page.content.decode()
    assert Subscriber.objects.get().consent_text in page.content.decode()
    # Opening the link (as link scanners of mail programs do) confirms nothing.
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING

    done = Client(enforce_csrf_checks=True).post(path)

    assert done.status_code == 200
    assert TEXTS["en"]["confirmed_title"] in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert page["Cache-Control"].startswith("max-age=0")
    assert page["X-Robots-Tag"].startswith("noindex")


def test_german_readers_get_a_german_mail_with_html_and_text(
    client, series, smtp_server, django_capture_on_commit_callbacks
):
    subscribe(client, series, "bernd@example.org", "de", django_capture_on_commit_callbacks)

    [message] = smtp_server.wait_for(1)
    assert message["Subject"] == "Bitte bestätigen Sie Ihr Abonnement von CKnews"
    assert "Abonnement bestätigen" in message.html()
    assert "Der Link ist 7 Tage gültig." in message.text()
    assert message.message.get_content_type() == "multipart/alternative"
    assert '<html lang="de">' in message.html()


def test_a_subscribed_address_is_told_so_and_can_unsubscribe(
    client, series, smtp_server, django_capture_on_commit_callbacks
):
    (subscriber,) = add_subscribers(series, 1, language="en")
    confirmed_at = subscriber.confirmed_at

    subscribe(client, series, subscriber.email, "de", django_capture_on_commit_callbacks)

    [message] = smtp_server.wait_for(1)
    assert message["Subject"] == "You already receive CKnews"
    [path] = set(LINK.findall(message.text()))
    assert path.startswith("/newsletter/unsubscribe/")
    assert message["List-Unsubscribe"].strip() == f"<http://testserver{path}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    subscriber.refresh_from_db()
    assert (subscriber.status, subscriber.confirmed_at) == (
        SubscriberStatus.CONFIRMED,
        confirmed_at,
    )


def test_a_pending_address_gets_the_confirmation_again(
    client, series, smtp_server, django_capture_on_commit_callbacks
):
    subscribe(client, series, "anna@example.org", "en", django_capture_on_commit_callbacks)
    subscribe(client, series, "anna@example.org", "de", django_capture_on_commit_callbacks)

    first, second = smtp_server.wait_for(2)
    assert second["Subject"].startswith("Bitte bestätigen")  # the language asked for last
    assert Subscriber.objects.get().locale.language_code == "de"
    assert LINK.findall(first.text())[0].startswith("/newsletter/confirm/")


def test_expired_and_tampered_links_confirm_nothing(client, series, settings):
    (subscriber,) = add_subscribers(series, 1, status=SubscriberStatus.PENDING)
    token = make_token(subscriber, Purpose.CONFIRM)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    unsubscribe_token = make_token(subscriber, Purpose.UNSUBSCRIBE)

    for bad in (tampered, unsubscribe_token, "nonsense"):
        response = client.post(f"/newsletter/confirm/{bad}/")
        assert response.status_code == 400, bad
        assert "Invalid link" in response.content.decode()

    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = 0
    assert client.post(f"/newsletter/confirm/{token}/").status_code == 400

    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING


def test_a_link_stops_working_when_the_address_changes(client, series):
    (subscriber,) = add_subscribers(series, 1, status=SubscriberStatus.PENDING)
    token = make_token(subscriber, Purpose.CONFIRM)
    Subscriber.objects.filter(pk=subscriber.pk).update(email="andere@example.org")

    assert client.post(f"/newsletter/confirm/{token}/").status_code == 400
