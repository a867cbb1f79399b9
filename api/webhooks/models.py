"""Publish webhooks: the endpoints staff register per site, and the log of what was sent.

An endpoint's signing secret is never stored. The row keeps a random salt; the secret is
derived from it and the ``WEBHOOK_SECRET_KEY`` setting whenever a delivery is signed
(api/webhooks/signing.py), and staff see it once, when it is made.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

from api.webhooks.signing import derive_secret, new_secret_salt, secret_prefix


class EventType(models.TextChoices):
    """The events an endpoint can subscribe to (frontend_contract/WEBHOOKS.md)."""

    PAGE_PUBLISHED = "page.published", "Page published"
    PAGE_UNPUBLISHED = "page.unpublished", "Page unpublished"
    PAGE_MOVED = "page.moved", "Page moved"
    PAGE_DELETED = "page.deleted", "Page deleted"
    SNIPPET_PUBLISHED = "snippet.published", "Snippet published"
    SNIPPET_UNPUBLISHED = "snippet.unpublished", "Snippet unpublished"
    TRANSLATION_PUBLISHED = "translation.published", "Translation published"


# Sent only on request ("Send test event"), to every endpoint whatever it subscribed to.
PING_EVENT = "ping"
DELIVERY_EVENT_CHOICES = [*EventType.choices, (PING_EVENT, "Test event (ping)")]


def validate_event_types(value) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError("Events must be a list of event names.")
    unknown = sorted(set(value) - set(EventType.values))
    if unknown:
        raise ValidationError(
            "Unknown events: %(unknown)s.", params={"unknown": ", ".join(unknown)}
        )


validate_http_url = URLValidator(
    schemes=["http", "https"], message="Enter an http:// or https:// address."
)


class WebhookEndpoint(models.Model):
    """A frontend address that receives the publishing events of one site."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.CASCADE,
        related_name="webhook_endpoints",
        help_text="Only events of this site's pages (and snippet events) are sent.",
    )
    name = models.CharField(max_length=100, help_text="For staff, e.g. “Next.js production”.")
    url = models.URLField(
        "URL",
        max_length=500,
        validators=[validate_http_url],
        help_text="The frontend's webhook route; events are POSTed here as JSON.",
    )
    events = models.JSONField(
        default=list,
        validators=[validate_event_types],
        help_text="The events this endpoint receives.",
    )
    is_active = models.BooleanField(
        "active", default=True, help_text="Inactive endpoints receive nothing."
    )
    secret_salt = models.CharField(max_length=64, editable=False, default=new_secret_salt)
    # The first characters of the secret, to tell which one a frontend has configured.
    secret_prefix = models.CharField("secret starts with", max_length=16, editable=False)
    secret_rotated_at = models.DateTimeField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["site__hostname", "name"]
        verbose_name = "webhook endpoint"
        verbose_name_plural = "webhooks"
        permissions = [("manage_webhooks", "Can manage webhooks and see their delivery log")]

    def __str__(self) -> str:
        return f"{self.name} ({self.site.hostname})"

    def save(self, *args, **kwargs):
        if not self.secret_prefix:
            self.secret_prefix = secret_prefix(self.signing_secret())
        super().save(*args, **kwargs)

    def signing_secret(self) -> str:
        """The secret deliveries are signed with (``whsec_...``), derived on every call."""
        return derive_secret(self.secret_salt)

    def rotate_secret(self) -> str:
        """Give the endpoint a new secret, save it and return it (to show once)."""
        self.secret_salt = new_secret_salt()
        self.secret_rotated_at = timezone.now()
        secret = self.signing_secret()
        self.secret_prefix = secret_prefix(secret)
        self.save(update_fields=["secret_salt", "secret_prefix", "secret_rotated_at", "updated_at"])
        return secret

    def subscribes_to(self, event_type: str) -> bool:
        return event_type == PING_EVENT or event_type in self.events


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RETRYING = "retrying", "Retrying"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


OPEN_STATUSES = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)


class WebhookDelivery(models.Model):
    """One event sent to one endpoint, with every attempt it took."""

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event_type = models.CharField("event", max_length=40, choices=DELIVERY_EVENT_CHOICES)
    # The payload's "id" and the X-Hub-Delivery header: the same for every attempt and
    # redelivery, so receivers can drop duplicates.
    event_id = models.UUIDField("event id", default=uuid.uuid4, db_index=True)
    payload = models.JSONField()
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField("next attempt", null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField("response code", null=True, blank=True)
    last_latency_ms = models.PositiveIntegerField("latency (ms)", null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    redelivery_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="redeliveries",
        help_text="The delivery this one repeats, when staff asked for a redelivery.",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)
    delivered_at = models.DateTimeField("delivered", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        indexes = [
            # The delivery log: newest first, overall and per endpoint; also for pruning.
            models.Index(fields=["-created_at"], name="api_webhookdelivery_created"),
            models.Index(fields=["endpoint", "-created_at"], name="api_webhookdelivery_endpoint"),
            models.Index(fields=["status", "-created_at"], name="api_webhookdelivery_status"),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} → {self.endpoint.name}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class WebhookAttempt(models.Model):
    """One HTTP request of a delivery: when, the answer's status and how long it took."""

    delivery = models.ForeignKey(
        WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log"
    )
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    status_code = models.PositiveSmallIntegerField("response code", null=True)
    latency_ms = models.PositiveIntegerField("latency (ms)", null=True)
    error = models.CharField(max_length=300, blank=True)
    # The start of the answer's body, for staff to see why a receiver refused.
    response_excerpt = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "number"], name="api_webhookattempt_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"Attempt {self.number} of {self.delivery}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
