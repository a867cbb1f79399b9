"""Delivery in the background worker, against a real HTTP receiver on loopback: signature,
headers, retries with backoff, timeouts, giving up, and publishing that never waits."""

import socket
import time

import pytest
from django.utils import timezone

from api.webhooks.models import DeliveryStatus, EventType, WebhookDelivery
from tests.api.webhooks.conftest import HOSTNAME, assert_signed_by, make_endpoint
from tests.factories import StandardPageFactory
from tests.peers.http_receiver import HTTPReceiver

pytestmark = pytest.mark.django_db(transaction=True)


def link_to(page, text="Zur Ausgabe") -> str:
    return f'<p><a linktype="page" id="{page.pk}">{text}</a></p>'


def delivery_of(endpoint) -> WebhookDelivery:
    return WebhookDelivery.objects.get(endpoint=endpoint)


def finished(endpoint):
    """A condition for wait_until: the endpoint's only delivery has stopped trying."""

    def check():
        delivery = WebhookDelivery.objects.filter(endpoint=endpoint).first()
        return delivery if delivery and not delivery.is_open else None

    return check


def test_publishing_a_page_posts_one_signed_event(
    task_worker, http_receiver, site, home, series, draft_issue
):
    StandardPageFactory(
        parent=home, title="Archiv", slug="archiv", body=[("paragraph", link_to(draft_issue))]
    )
    endpoint = make_endpoint(site, http_receiver.url("/api/revalidate"))
    # The linking page's references are indexed by the worker.
    task_worker.wait_until_idle()

    before = time.time()
    draft_issue.save_revision().publish()

    [request] = http_receiver.wait_for(1)
    task_worker.wait_until_idle()
    assert len(http_receiver.requests) == 1
    assert request.method == "POST"
    assert request.path == "/api/revalidate"
    assert_signed_by(request, endpoint)
    assert request.header("Content-Type") == "application/json"
    assert request.header("User-Agent") == "ClusterHub-Webhooks/1"
    assert request.header("X-Hub-Event") == "page.published"
    assert before - 1 <= int(request.header("X-Hub-Timestamp")) <= time.time()

    body = request.json()
    delivery = delivery_of(endpoint)
    assert request.header("X-Hub-Delivery") == body["id"] == str(delivery.event_id)
    assert body == {
        "id": body["id"],
        "type": "page.published",
        "occurred_at": body["occurred_at"],
        "site": {"id": site.pk, "hostname": HOSTNAME},
        "object": {
            "kind": "page",
            "type": "newsletter_issue",
            "id": draft_issue.pk,
            "locale": "de",
            "old_path": None,
            "new_path": "/cknews/cknews-2026-1/",
        },
        # The series lists the issue; the archive page links to it in its rich text.
        "affected_paths": ["/archiv/", "/cknews/"],
    }
    assert before - 1 <= timezone.datetime.fromisoformat(body["occurred_at"]).timestamp()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.attempts == 1
    assert delivery.last_status_code == 204
    assert delivery.delivered_at is not None


def test_a_failed_attempt_is_retried_and_both_attempts_are_logged(
    task_worker, fast_retries, site, draft_issue, staff_client
):
    with HTTPReceiver(statuses=[500, 200]) as receiver:
        endpoint = make_endpoint(site, receiver.url("/hook"))
        draft_issue.save_revision().publish()

        first, second = receiver.wait_for(2)
        delivery = task_worker.wait_until(finished(endpoint))

    assert (first.status, second.status) == (500, 200)
    # Same event, signed anew for each attempt.
    assert first.header("X-Hub-Delivery") == second.header("X-Hub-Delivery")
    assert first.body == second.body
    assert_signed_by(second, endpoint)
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.attempts == 2
    attempts = list(delivery.attempt_log.order_by("number"))
    assert [(attempt.number, attempt.status_code) for attempt in attempts] == [(1, 500), (2, 200)]
    assert all(attempt.latency_ms is not None for attempt in attempts)
    assert attempts[0].error == "The endpoint answered HTTP 500."
    assert attempts[1].error == ""

    page = staff_client.get(f"/admin/webhook_log/inspect/{delivery.pk}/").content.decode()
    for attempt in attempts:
        assert f'<tr data-attempt="{attempt.number}">' in page
        assert f"<td>{attempt.status_code}</td>" in page
        assert f"<td>{attempt.latency_ms}</td>" in page

    listing = staff_client.get("/admin/webhook_log/").content.decode()
    assert "Succeeded" in listing


def test_a_receiver_that_answers_too_slowly_is_retried(task_worker, settings, site, draft_issue):
    settings.WEBHOOK_TIMEOUT = 0.3
    settings.WEBHOOK_RETRY_BASE_DELAY = 0.1
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    with HTTPReceiver(delay=1.0) as receiver:
        endpoint = make_endpoint(site, receiver.url("/slow"))
        draft_issue.save_revision().publish()

        delivery = task_worker.wait_until(finished(endpoint))
        assert len(receiver.wait_for(2)) == 2

    assert delivery.status == DeliveryStatus.FAILED
    attempts = list(delivery.attempt_log.order_by("number"))
    assert len(attempts) == 2
    for attempt in attempts:
        assert attempt.status_code is None
        assert attempt.error == "Timed out waiting for the answer (after 0.3 s)."
        assert attempt.latency_ms >= 300
    assert delivery.last_error == attempts[-1].error


def test_an_endpoint_that_never_succeeds_fails_after_the_last_attempt(
    task_worker, fast_retries, site, draft_issue
):
    fast_retries.WEBHOOK_MAX_ATTEMPTS = 3
    with HTTPReceiver(statuses=[503]) as receiver:
        endpoint = make_endpoint(site, receiver.url("/down"))
        draft_issue.save_revision().publish()

        delivery = task_worker.wait_until(finished(endpoint))
        task_worker.wait_until_idle()
        assert len(receiver.requests) == 3

    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 3
    assert delivery.last_status_code == 503
    assert delivery.next_attempt_at is None
    assert delivery.delivered_at is None
    assert delivery.last_error == "The endpoint answered HTTP 503."


def closed_port() -> int:
    """A loopback port that nothing listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_publishing_succeeds_while_the_receiver_is_down(task_worker, settings, site, draft_issue):
    settings.WEBHOOK_RETRY_BASE_DELAY = 600
    endpoint = make_endpoint(site, f"http://127.0.0.1:{closed_port()}/hook")

    draft_issue.save_revision().publish()

    draft_issue.refresh_from_db()
    assert draft_issue.live
    delivery = task_worker.wait_until(
        lambda: WebhookDelivery.objects.filter(endpoint=endpoint, attempts=1).first()
    )
    task_worker.wait_until_idle()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.last_error == "Could not connect (refused, unreachable or closed)."
    assert delivery.last_status_code is None
    # Backoff: the next attempt waits the base delay (plus up to 10 %).
    wait = (delivery.next_attempt_at - timezone.now()).total_seconds()
    assert 590 <= wait <= 660


def test_endpoints_of_other_sites_unsubscribed_or_inactive_get_nothing(
    task_worker, http_receiver, site, other_site, draft_issue
):
    make_endpoint(other_site, http_receiver.url("/other-site"))
    make_endpoint(site, http_receiver.url("/deletions-only"), events=[EventType.PAGE_DELETED])
    make_endpoint(site, http_receiver.url("/inactive"), is_active=False)

    draft_issue.save_revision().publish()
    task_worker.wait_until_idle()

    assert http_receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_redeliver_from_the_log_sends_the_event_again(
    task_worker, http_receiver, site, draft_issue, staff_client
):
    endpoint = make_endpoint(site, http_receiver.url("/hook"))
    draft_issue.save_revision().publish()
    original = task_worker.wait_until(finished(endpoint))

    response = staff_client.post(f"/admin/webhook_log/redeliver/{original.pk}/")

    first, second = http_receiver.wait_for(2)
    repeat = WebhookDelivery.objects.get(redelivery_of=original)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/webhook_log/inspect/{repeat.pk}/"
    assert_signed_by(second, endpoint)
    assert second.header("X-Hub-Delivery") == first.header("X-Hub-Delivery")
    assert second.body == first.body
    repeat = task_worker.wait_until(
        lambda: WebhookDelivery.objects.filter(pk=repeat.pk, status="succeeded").first()
    )
    assert repeat.event_id == original.event_id
    assert repeat.attempts == 1
