"""Sending one delivery attempt: the signed POST, its record, and when to try again.

Every attempt is a POST of the stored payload as compact JSON with these headers::

    Content-Type: application/json
    User-Agent: ClusterHub-Webhooks/1
    X-Hub-Event: page.published
    X-Hub-Delivery: <event id, the same on every attempt>
    X-Hub-Timestamp: <unix seconds of this attempt>
    X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>

A 2xx answer is success. Any other status, a timeout (``WEBHOOK_TIMEOUT`` seconds to
connect and again to answer, 5 by default) or a connection error is a failure, retried
after ``WEBHOOK_RETRY_BASE_DELAY`` seconds (30), doubling each time with up to 10 % random
extra so that retries after an outage do not arrive all at once, until
``WEBHOOK_MAX_ATTEMPTS`` (8: the last try comes about an hour after the first) have
failed. Redirects are not followed: a 3xx is a failure, so a moved endpoint shows up in
the log instead of receiving events somewhere unexpected.

A task backend that cannot run a task later (django-tasks' ImmediateBackend, the
development default) gets no retries: the first attempt runs at once, and if it fails the
delivery is marked failed with that reason; staff can redeliver it from the log. Waiting
in the process instead would hold up the editor who published.

Attempts record the status code, the latency, a short error naming the kind of failure
(never the URL, which may carry a token) and the first 200 characters of the answer.
"""

from __future__ import annotations

import json
import logging
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import requests
from django.conf import settings
from django.utils import timezone

from api.webhooks.models import (
    OPEN_STATUSES,
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
)
from api.webhooks.signing import signature

logger = logging.getLogger(__name__)

USER_AGENT = "ClusterHub-Webhooks/1"
EXCERPT_CHARACTERS = 200
NOT_RETRIED = "Not retried: the task backend runs tasks at once and cannot schedule retries."


def timeout_seconds() -> float:
    return float(getattr(settings, "WEBHOOK_TIMEOUT", 5))


def max_attempts() -> int:
    return max(1, int(getattr(settings, "WEBHOOK_MAX_ATTEMPTS", 8)))


def retry_delay(attempt_number: int) -> timedelta:
    """How long to wait after failed attempt ``attempt_number`` (1, 2, ...)."""
    base = float(getattr(settings, "WEBHOOK_RETRY_BASE_DELAY", 30))
    delay = base * 2 ** (attempt_number - 1)
    return timedelta(seconds=delay + random.uniform(0, delay / 10))


def encode_payload(payload: dict) -> bytes:
    """The request body: compact JSON in UTF-8."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Response:
    """What one POST came back with."""

    status_code: int | None
    latency_ms: int
    error: str = ""
    excerpt: str = ""

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def _describe_failure(error: requests.RequestException, timeout: float) -> str:
    """A short, URL-free description of a request that got no answer."""
    if isinstance(error, requests.ConnectTimeout):
        return f"Timed out connecting (after {timeout:g} s)."
    if isinstance(error, requests.Timeout):
        return f"Timed out waiting for the answer (after {timeout:g} s)."
    if isinstance(error, requests.exceptions.SSLError):
        return "TLS handshake failed."
    if isinstance(error, requests.ConnectionError):
        return "Could not connect (refused, unreachable or closed)."
    return f"Request failed ({type(error).__name__})."


def _read_excerpt(response: requests.Response) -> str:
    raw = response.raw.read(EXCERPT_CHARACTERS * 4, decode_content=True) or b""
    return raw.decode("utf-8", errors="replace")[:EXCERPT_CHARACTERS]


def post_signed(*, url: str, secret: str, event_type: str, event_id: str, body: bytes) -> Response:
    """POST ``body`` to ``url``, signed with ``secret``; never raises for network trouble."""
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Hub-Event": event_type,
        "X-Hub-Delivery": event_id,
        "X-Hub-Timestamp": str(timestamp),
        "X-Hub-Signature": signature(secret=secret, timestamp=timestamp, body=body),
    }
    timeout = timeout_seconds()
    started = time.monotonic()
    try:
        with requests.post(
            url,
            data=body,
            headers=headers,
            timeout=(timeout, timeout),
            allow_redirects=False,
            stream=True,
        ) as response:
            latency_ms = round((time.monotonic() - started) * 1000)
            excerpt = _read_excerpt(response)
            status_code = response.status_code
    except requests.RequestException as error:
        latency_ms = round((time.monotonic() - started) * 1000)
        return Response(None, latency_ms, error=_describe_failure(error, timeout))
    error = "" if 200 <= status_code < 300 else f"The endpoint answered HTTP {status_code}."
    return Response(status_code, latency_ms, error=error, excerpt=excerpt)


@dataclass(frozen=True)
class AttemptOutcome:
    """The delivery's status after an attempt, and when to try again (if at all)."""

    status: str
    retry_at: datetime | None = None


SKIPPED = AttemptOutcome(status="skipped")


def attempt_delivery(delivery_id: int, *, can_retry_later: bool) -> AttemptOutcome:
    """Make the next attempt of the delivery, record it and decide what follows.

    Deliveries that finished (or vanished) are skipped; so is an attempt that another
    worker claimed first, which keeps a task that runs twice from posting twice.
    """
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status not in OPEN_STATUSES:
        return SKIPPED
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        _finish(delivery, status=DeliveryStatus.FAILED, error="The endpoint is inactive; not sent.")
        return AttemptOutcome(status=DeliveryStatus.FAILED)

    number = delivery.attempts + 1
    claimed = WebhookDelivery.objects.filter(
        pk=delivery.pk, attempts=delivery.attempts, status__in=OPEN_STATUSES
    ).update(attempts=number)
    if not claimed:
        return SKIPPED
    delivery.attempts = number

    started_at = timezone.now()
    response = post_signed(
        url=endpoint.url,
        secret=endpoint.signing_secret(),
        event_type=delivery.event_type,
        event_id=str(delivery.event_id),
        body=encode_payload(delivery.payload),
    )
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=number,
        started_at=started_at,
        status_code=response.status_code,
        latency_ms=response.latency_ms,
        error=response.error,
        response_excerpt=response.excerpt,
    )
    delivery.last_status_code = response.status_code
    delivery.last_latency_ms = response.latency_ms

    if response.succeeded:
        _finish(delivery, status=DeliveryStatus.SUCCEEDED, error="")
        return AttemptOutcome(status=DeliveryStatus.SUCCEEDED)
    if number >= max_attempts():
        _finish(delivery, status=DeliveryStatus.FAILED, error=response.error)
        return AttemptOutcome(status=DeliveryStatus.FAILED)
    if not can_retry_later:
        _finish(delivery, status=DeliveryStatus.FAILED, error=f"{response.error} {NOT_RETRIED}")
        return AttemptOutcome(status=DeliveryStatus.FAILED)

    retry_at = timezone.now() + retry_delay(number)
    delivery.status = DeliveryStatus.RETRYING
    delivery.next_attempt_at = retry_at
    delivery.last_error = response.error
    delivery.save(update_fields=_LOGGED_FIELDS)
    logger.info(
        "Webhook delivery %s failed attempt %s (%s); retrying at %s",
        delivery.pk,
        number,
        response.error,
        retry_at.isoformat(),
    )
    return AttemptOutcome(status=DeliveryStatus.RETRYING, retry_at=retry_at)


_LOGGED_FIELDS = [
    "status",
    "next_attempt_at",
    "last_status_code",
    "last_latency_ms",
    "last_error",
    "delivered_at",
]


def _finish(delivery: WebhookDelivery, *, status: str, error: str) -> None:
    delivery.status = status
    delivery.next_attempt_at = None
    delivery.last_error = error[:300]
    if status == DeliveryStatus.SUCCEEDED:
        delivery.delivered_at = timezone.now()
    delivery.save(update_fields=_LOGGED_FIELDS)
    if status == DeliveryStatus.FAILED:
        logger.warning(
            "Webhook delivery %s to endpoint %s failed: %s",
            delivery.pk,
            delivery.endpoint_id,
            error,
        )
