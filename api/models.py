"""Models of the API app. They live in its feature packages; importing them here lets
Django register them with the app."""

from api.members.models import OrganisationToken
from api.preview.models import PreviewSnapshot
from api.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = [
    "OrganisationToken",
    "PreviewSnapshot",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
]
