"""Unsubscribing: the page behind the link and RFC 8058's one-click POST."""

import pytest
from django.test import Client

from hub.newsletter.models import SubscriberStatus
from hub.newsletter.texts import TEXTS
from hub.newsletter.tokens import Purpose, make_token
from tests.hub.newsletter.conftest import add_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(series):
    (subscriber,) = add_subscribers(series, 1, language="de")
    return subscriber


def path_for(subscriber) -> str:
    return f"/newsletter/unsubscribe/{make_token(subscriber, Purpose.UNSUBSCRIBE)}/"


def test_the_link_shows_a_button_and_the_button_unsubscribes(client, subscriber):
    page = client.get(path_for(subscriber))

    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="de">' in html
    assert TEXTS["de"]["unsubscribe_button"] in html
    assert subscriber.email in html
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED  # opening the link is not enough

    done = Client(enforce_csrf_checks=True).post(path_for(subscriber))

    assert done.status_code == 200
    assert TEXTS["de"]["unsubscribed_title"] in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_one_click_unsubscribe_of_mail_programs(subscriber):
    # What a mail program posts for List-Unsubscribe-Post (RFC 8058): no cookies, no CSRF.
    response = Client(enforce_csrf_checks=True).post(
        path_for(subscriber),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_unsubscribing_twice_keeps_the_first_time(client, subscriber):
    client.post(path_for(subscriber))
    subscriber.refresh_from_db()
    first = subscriber.unsubscribed_at

    again = client.post(path_for(subscriber))

    assert again.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at == first


def test_a_confirmation_token_does_not_unsubscribe(client, subscriber):
    token = make_token(subscriber, Purpose.CONFIRM)

    response = client.post(f"/newsletter/unsubscribe/{token}/")

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED


def test_the_link_of_a_test_send_unsubscribes_nobody(client, subscriber):
    response = client.post("/newsletter/unsubscribe/test/")

    assert response.status_code == 200
    assert "test send" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED


def test_other_methods_are_refused(client, subscriber):
    assert client.put(path_for(subscriber)).status_code == 405
