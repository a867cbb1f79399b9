"""Models of the API app. They live in its feature packages; importing them here lets
Django register them with the app."""

from api.preview.models import PreviewSnapshot
from api.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = ["PreviewSnapshot", "WebhookAttempt", "WebhookDelivery", "WebhookEndpoint"]
