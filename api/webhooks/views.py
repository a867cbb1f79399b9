"""Admin views of the webhooks beyond Wagtail's generic ones: the secret shown once, secret
rotation, the test event, and the delivery log's detail page with "Redeliver".

Actions that change something are POSTs with Django's CSRF protection; GET shows what
the button will do. A secret appears only in the answer to the POST that made it, with
``Cache-Control: no-store``, and is never written to the database, the log or a message.
"""

import json

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.permissions import policy_registry

from api.webhooks.dispatch import redeliver, send_ping
from api.webhooks.models import WebhookDelivery, WebhookEndpoint

ROTATE_ACTION = "api.webhooks.rotate_secret"
SECRET_TEMPLATE = "api/webhooks/secret.html"


def render_secret(request, *, endpoint: WebhookEndpoint, secret: str, heading: str, urls):
    """The page that shows ``secret`` this one time."""
    response = TemplateResponse(
        request,
        SECRET_TEMPLATE,
        {
            "endpoint": endpoint,
            "secret": secret,
            "header_title": heading,
            "page_title": heading,
            "header_icon": "key",
            "breadcrumbs_items": urls.breadcrumbs(endpoint, heading),
            "edit_url": urls.edit(endpoint),
            "log_url": urls.log(endpoint),
        },
    )
    patch_cache_control(response, no_store=True, private=True)
    return response


class EndpointURLs:
    """Where the endpoint views lead; built by the viewset with its URL names."""

    def __init__(self, *, index_url_name, edit_url_name, log_url_name, breadcrumbs_items):
        self.index_url_name = index_url_name
        self.edit_url_name = edit_url_name
        self.log_url_name = log_url_name
        self.base_breadcrumbs = breadcrumbs_items

    def edit(self, endpoint) -> str:
        return reverse(self.edit_url_name, args=(quote(endpoint.pk),))

    def log(self, endpoint) -> str:
        return f"{reverse(self.log_url_name)}?endpoint={endpoint.pk}"

    def breadcrumbs(self, endpoint, label) -> list[dict]:
        return [
            *self.base_breadcrumbs,
            {"url": reverse(self.index_url_name), "label": "Webhooks"},
            {"url": self.edit(endpoint), "label": str(endpoint)},
            {"url": "", "label": label},
        ]


class EndpointCreateView(generic.CreateView):
    """Creates the endpoint, then shows its secret instead of going back to the list."""

    urls: EndpointURLs = None

    def save_action(self):
        if self.expects_json_response:
            return super().save_action()
        messages.success(self.request, f"Webhook “{self.object}” created.")
        return render_secret(
            self.request,
            endpoint=self.object,
            secret=self.object.signing_secret(),
            heading="Webhook secret",
            urls=self.urls,
        )


class EndpointEditView(generic.EditView):
    """The edit form, with the secret's prefix and links to the endpoint's actions."""

    template_name = "api/webhooks/endpoint_edit.html"
    rotate_url_name = None
    send_test_url_name = None
    urls: EndpointURLs = None

    def get_header_more_buttons(self):
        buttons = list(super().get_header_more_buttons())
        pk = quote(self.object.pk)
        buttons += [
            Button(
                "Rotate secret",
                url=reverse(self.rotate_url_name, args=(pk,)),
                icon_name="key",
                priority=40,
            ),
            Button(
                "Send test event",
                url=reverse(self.send_test_url_name, args=(pk,)),
                icon_name="resubmit",
                priority=41,
            ),
            Button(
                "Delivery log", url=self.urls.log(self.object), icon_name="list-ul", priority=42
            ),
        ]
        return sorted(buttons)


class EndpointActionView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """GET: what the action does and a button; POST: do it. Needs the right to change
    endpoints."""

    model = WebhookEndpoint
    permission_required = "change"
    template_name = "api/webhooks/confirm.html"
    header_icon = "resubmit"
    urls: EndpointURLs = None
    action_label = ""
    explanation = ""
    button_label = ""

    def get_page_title(self):
        return self.action_label

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.urls.breadcrumbs(self.object, self.action_label)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            endpoint=self.object,
            explanation=self.explanation,
            button_label=self.button_label,
            cancel_url=self.urls.edit(self.object),
        )
        return context


class RotateSecretView(EndpointActionView):
    header_icon = "key"
    action_label = "Rotate secret"
    explanation = (
        "The endpoint gets a new secret, shown once on the next page. Deliveries are "
        "signed with it from now on, retries included: update the frontend's secret "
        "straight away, or it will reject them."
    )
    button_label = "Rotate the secret"

    def post(self, request, *args, **kwargs):
        secret = self.object.rotate_secret()
        log(instance=self.object, action=ROTATE_ACTION, user=request.user)
        return render_secret(
            request,
            endpoint=self.object,
            secret=secret,
            heading="New webhook secret",
            urls=self.urls,
        )


class SendTestView(EndpointActionView):
    action_label = "Send test event"
    explanation = (
        "Sends a “ping” event (no object, nothing to revalidate) to the endpoint, signed "
        "like every other event, whichever events it subscribed to."
    )
    button_label = "Send test event"
    delivery_inspect_url_name = None

    def post(self, request, *args, **kwargs):
        if not self.object.is_active:
            messages.error(request, "The endpoint is inactive; activate it to send events.")
            return redirect(self.urls.edit(self.object))
        delivery = send_ping(self.object)
        messages.success(request, "Test event queued.")
        return redirect(reverse(self.delivery_inspect_url_name, args=(quote(delivery.pk),)))


class EndpointIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site")


class DeliveryIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("endpoint__site")


class DeliveryInspectView(generic.InspectView):
    """A delivery with its payload and every attempt, and "Redeliver"."""

    template_name = "api/webhooks/delivery_inspect.html"
    redeliver_url_name = None

    def get_object(self, queryset=None):
        deliveries = WebhookDelivery.objects.select_related(
            "endpoint__site", "redelivery_of"
        ).prefetch_related("attempt_log")
        return get_object_or_404(deliveries, pk=unquote(str(self.pk)))

    @cached_property
    def can_redeliver(self) -> bool:
        policy = policy_registry.get_by_type(WebhookEndpoint)
        return policy.user_has_permission(self.request.user, "change")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            payload_json=json.dumps(self.object.payload, indent=2, ensure_ascii=False),
            attempts=list(self.object.attempt_log.all()),
            redeliver_url=(
                reverse(self.redeliver_url_name, args=(quote(self.object.pk),))
                if self.can_redeliver
                else None
            ),
        )
        return context


class RedeliverView(BaseObjectMixin, View):
    """POST: a new delivery of the same event (same id and payload) to the same endpoint."""

    model = WebhookDelivery
    http_method_names = ["post"]
    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(WebhookEndpoint)
        if not policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.object.endpoint.is_active:
            messages.error(request, "The endpoint is inactive; activate it to redeliver.")
            return redirect(reverse(self.inspect_url_name, args=(quote(self.object.pk),)))
        repeat = redeliver(self.object)
        messages.success(request, "Redelivery queued.")
        return redirect(reverse(self.inspect_url_name, args=(quote(repeat.pk),)))
