"""The admin form of a webhook endpoint: events as checkboxes, http(s) URLs only."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from api.webhooks.models import EventType, WebhookEndpoint, validate_http_url


class WebhookEndpointForm(WagtailAdminModelForm):
    url = forms.URLField(
        label="URL",
        max_length=500,
        assume_scheme="https",
        validators=[validate_http_url],
        help_text="The frontend's webhook route, e.g. https://www.example.org/api/revalidate",
    )
    events = forms.MultipleChoiceField(
        choices=EventType.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=list(EventType.values),
        error_messages={"required": "Choose at least one event."},
        help_text="The events this endpoint receives.",
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "site", "url", "events", "is_active"]
