"""From a change to deliveries: which endpoints get which site's event, and the CDN purge."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from types import SimpleNamespace

from django.conf import settings
from django.utils import timezone

from api.webhooks.models import WebhookDelivery, WebhookEndpoint
from api.webhooks.payloads import ObjectChange, SiteEvent, ping_payload, site_events
from api.webhooks.tasks import enqueue_delivery
from pages.selectors import frontend_base_url

logger = logging.getLogger(__name__)


def frontend_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def anyone_listening() -> bool:
    """Whether an event would go anywhere: an active endpoint or a frontend cache to purge.

    Asked before a change is worked out, so publishing costs one query when no
    webhooks are set up.
    """
    return frontend_cache_configured() or WebhookEndpoint.objects.filter(is_active=True).exists()


def dispatch_change(change: ObjectChange | None) -> list[WebhookDelivery]:
    """Queue the change's event for every subscribed endpoint of each site, and purge the
    frontend cache; returns the deliveries made."""
    if change is None:
        return []
    events = site_events(change)
    deliveries = queue_deliveries(events)
    if frontend_cache_configured():
        purge_frontend_cache(events)
    return deliveries


def queue_deliveries(events: Iterable[SiteEvent]) -> list[WebhookDelivery]:
    """A delivery per event and active endpoint of its site that subscribes to it."""
    events = list(events)
    site_ids = {event.site_id for event in events}
    endpoints = list(
        WebhookEndpoint.objects.filter(is_active=True, site_id__in=site_ids).order_by("pk")
    )
    deliveries = [
        WebhookDelivery(
            endpoint=endpoint,
            event_type=event.event_type,
            event_id=event.payload["id"],
            payload=event.payload,
        )
        for event in events
        for endpoint in endpoints
        if endpoint.site_id == event.site_id and endpoint.subscribes_to(event.event_type)
    ]
    if not deliveries:
        return []
    WebhookDelivery.objects.bulk_create(deliveries)
    for delivery in deliveries:
        enqueue_delivery(delivery.pk)
    return deliveries


def send_ping(endpoint: WebhookEndpoint) -> WebhookDelivery:
    """Queue a test event (``ping``) to ``endpoint``."""
    payload = ping_payload(site=endpoint.site, occurred_at=timezone.now())
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event_type=payload["type"], event_id=payload["id"], payload=payload
    )
    enqueue_delivery(delivery.pk)
    return delivery


def redeliver(delivery: WebhookDelivery) -> WebhookDelivery:
    """Queue a new delivery of the same event (same event id and payload) to the same
    endpoint; it starts over with its own attempts and a fresh signature."""
    repeat = WebhookDelivery.objects.create(
        endpoint=delivery.endpoint,
        event_type=delivery.event_type,
        event_id=delivery.event_id,
        payload=delivery.payload,
        redelivery_of=delivery,
    )
    enqueue_delivery(repeat.pk)
    return repeat


def purge_frontend_cache(events: Iterable[SiteEvent]) -> list[str]:
    """Ask the CDN (``WAGTAILFRONTENDCACHE``) to drop the event's paths on each site's
    frontend; Wagtail's purge runs as a background task. Returns the URLs."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    cache_object = SimpleNamespace()
    urls = set()
    for event in events:
        base_url = frontend_base_url(site_id=event.site_id, request=cache_object)
        if not base_url:
            continue
        changed = event.payload["object"] or {}
        paths = {changed.get("old_path"), changed.get("new_path"), *event.payload["affected_paths"]}
        urls.update(base_url + path for path in paths if path)
    if urls:
        purge_urls_from_cache(sorted(urls))
    return sorted(urls)
