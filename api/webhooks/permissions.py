"""Who may see and change webhooks in the admin.

Superusers, users with the ``api.manage_webhooks`` permission (grant it to a group in
Settings → Groups, "Can manage webhooks and see their delivery log"), and users with the
plain model permissions of webhook endpoints (add, change, delete) or of the delivery log
(view). The delivery log is read-only for everybody; a redelivery needs the right to
change endpoints.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

MANAGE_PERMISSION = "api.manage_webhooks"


def _managers_filter() -> Q:
    app_label, codename = MANAGE_PERMISSION.split(".")
    permission = Q(permissions__content_type__app_label=app_label, permissions__codename=codename)
    group_permission = Q(
        groups__permissions__content_type__app_label=app_label,
        groups__permissions__codename=codename,
    )
    return Q(is_active=True) & (Q(is_superuser=True) | permission | group_permission)


class WebhookEndpointPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, or ``api.manage_webhooks`` for every action."""

    def user_has_permission(self, user, action):
        if user.is_active and user.has_perm(MANAGE_PERMISSION):
            return True
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        managers = get_user_model().objects.filter(_managers_filter())
        return (super().users_with_any_permission(actions) | managers).distinct()


class DeliveryLogPermissionPolicy(WebhookEndpointPermissionPolicy):
    """Viewing only: deliveries are made by the hub, never added, edited or deleted by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])
