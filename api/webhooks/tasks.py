"""Background tasks of the publish webhooks (django-tasks; ``manage.py db_worker``)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from api.webhooks.delivery import attempt_delivery
from api.webhooks.models import OPEN_STATUSES, WebhookDelivery


@task()
def deliver_webhook(delivery_id: int) -> str:
    """Make the next attempt of a delivery and queue the retry it may need; returns the
    delivery's status. Takes the id: task arguments are stored as JSON."""
    can_retry_later = deliver_webhook.get_backend().supports_defer
    outcome = attempt_delivery(delivery_id, can_retry_later=can_retry_later)
    if outcome.retry_at is not None:
        enqueue_delivery(delivery_id, run_after=outcome.retry_at)
    elif outcome.status != "skipped":
        prune_delivery_log()
    return outcome.status


def enqueue_delivery(delivery_id: int, *, run_after: datetime | None = None) -> None:
    """Queue an attempt of the delivery, at once or not before ``run_after``."""
    deliver = deliver_webhook if run_after is None else deliver_webhook.using(run_after=run_after)
    deliver.enqueue(delivery_id)


def prune_delivery_log() -> int:
    """Delete finished deliveries older than ``WEBHOOK_LOG_RETENTION_DAYS`` (30); returns
    how many went. Runs after each finished delivery, so the log needs no cron job."""
    days = int(getattr(settings, "WEBHOOK_LOG_RETENTION_DAYS", 30))
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _by_model = (
        WebhookDelivery.objects.filter(created_at__lt=cutoff)
        .exclude(status__in=OPEN_STATUSES)
        .delete()
    )
    return deleted
