"""The webhooks in the admin, under Settings: "Webhooks" (the endpoints) and "Webhook log"
(every delivery with its attempts). Imported by api/wagtail_hooks.py."""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from api.webhooks import views
from api.webhooks.forms import WebhookEndpointForm
from api.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from api.webhooks.permissions import DeliveryLogPermissionPolicy, WebhookEndpointPermissionPolicy

# Registered before the viewsets touch the policies, as Wagtail requires.
register_permission_policy(WebhookEndpoint, WebhookEndpointPermissionPolicy(WebhookEndpoint))
register_permission_policy(WebhookDelivery, DeliveryLogPermissionPolicy(WebhookDelivery))

ENDPOINTS_NAME = "webhooks"
LOG_NAME = "webhook_log"


def _events_summary(endpoint: WebhookEndpoint) -> str:
    return ", ".join(endpoint.events) or "none"


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = ENDPOINTS_NAME
    icon = "resubmit"
    menu_label = "Webhooks"
    add_to_settings_menu = True
    menu_order = 900
    # A copy would share the original's secret.
    copy_view_enabled = False
    index_view_class = views.EndpointIndexView
    add_view_class = views.EndpointCreateView
    edit_view_class = views.EndpointEditView
    list_display = [
        "name",
        "site",
        "url",
        Column("events", label="Events", accessor=_events_summary),
        BooleanColumn("is_active", label="Active"),
        Column("secret_prefix", label="Secret starts with"),
    ]
    list_filter = ["site", "is_active"]

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm

    @property
    def urls(self) -> views.EndpointURLs:
        return views.EndpointURLs(
            index_url_name=self.get_url_name("index"),
            edit_url_name=self.get_url_name("edit"),
            log_url_name=f"{LOG_NAME}:index",
            breadcrumbs_items=WagtailAdminTemplateMixin.breadcrumbs_items,
        )

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(urls=self.urls, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            urls=self.urls,
            rotate_url_name=self.get_url_name("rotate_secret"),
            send_test_url_name=self.get_url_name("send_test"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "rotate-secret/<int:pk>/",
                self.construct_view(views.RotateSecretView, urls=self.urls),
                name="rotate_secret",
            ),
            path(
                "send-test/<int:pk>/",
                self.construct_view(
                    views.SendTestView,
                    urls=self.urls,
                    delivery_inspect_url_name=f"{LOG_NAME}:inspect",
                ),
                name="send_test",
            ),
        ]


class WebhookDeliveryViewSet(ModelViewSet):
    """The delivery log: read-only; its only action is "Redeliver"."""

    model = WebhookDelivery
    name = LOG_NAME
    icon = "list-ul"
    menu_label = "Webhook log"
    add_to_settings_menu = True
    menu_order = 901
    copy_view_enabled = False
    index_view_class = views.DeliveryIndexView
    inspect_view_enabled = True
    inspect_view_class = views.DeliveryInspectView
    inspect_view_fields = [
        "status",
        "event_type",
        "endpoint",
        "event_id",
        "attempts",
        "last_status_code",
        "last_latency_ms",
        "last_error",
        "next_attempt_at",
        "created_at",
        "delivered_at",
        "redelivery_of",
    ]
    list_display = [
        "event_type",
        StatusTagColumn(
            "status",
            label="Status",
            accessor="get_status_display",
            primary=lambda delivery: delivery.status == DeliveryStatus.SUCCEEDED,
        ),
        "endpoint",
        "attempts",
        "last_status_code",
        "last_latency_ms",
        DateColumn("created_at", label="Created", sort_key="created_at"),
    ]
    list_filter = ["endpoint", "status", "event_type"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            redeliver_url_name=self.get_url_name("redeliver"), **kwargs
        )

    def get_urlpatterns(self):
        # Deliveries are made by the hub: no add, edit, delete or history views.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path(
                "redeliver/<int:pk>/",
                self.construct_view(
                    views.RedeliverView, inspect_url_name=self.get_url_name("inspect")
                ),
                name="redeliver",
            ),
        ]

    def get_common_view_kwargs(self, **kwargs):
        # The generic views link to these views when a user may use them; none exist here.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(WebhookDelivery)
        return Permission.objects.filter(
            content_type=content_type,
            codename=get_permission_codename("view", WebhookDelivery._meta),
        )


@hooks.register("register_admin_viewset")
def register_webhook_endpoints():
    return WebhookEndpointViewSet()


@hooks.register("register_admin_viewset")
def register_webhook_log():
    return WebhookDeliveryViewSet()


@hooks.register("register_log_actions")
def register_webhook_log_actions(actions):
    actions.register_action(views.ROTATE_ACTION, "Rotate webhook secret", "Webhook secret rotated")
