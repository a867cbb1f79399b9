"""Admin hooks of the newsletter: the issue's "Email edition" view and its button, the
read-only subscriber list under Settings, and the permissions for the group editor.

Imported by hub/wagtail_hooks.py, which Wagtail loads.
"""

import django_filters
from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from hub.newsletter import admin_views
from hub.newsletter.models import Subscriber, SubscriberStatus
from pages.models import NewsletterIssuePage, NewsletterSeriesPage


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path(
            "newsletter/issues/<int:page_id>/email/",
            admin_views.EmailEditionView.as_view(),
            name="hub_newsletter_email_edition",
        ),
        path(
            "newsletter/issues/<int:page_id>/email/send/",
            admin_views.SendToSubscribersView.as_view(),
            name="hub_newsletter_send",
        ),
        path(
            "newsletter/mailings/<int:mailing_id>/retry/",
            admin_views.retry_mailing,
            name="hub_newsletter_retry",
        ),
    ]


@hooks.register("register_page_header_buttons")
def email_edition_button(page, user, view_name, next_url=None):
    """ "Email edition" in the header menu of a German newsletter issue."""
    if (
        page.specific_class is NewsletterIssuePage
        and page.locale_id == Locale.get_default().pk
        and admin_views.user_can_send(user)
    ):
        yield Button(
            "Email edition",
            url=reverse("hub_newsletter_email_edition", args=[page.pk]),
            icon_name="mail",
            priority=40,
        )


@hooks.register("register_permissions")
def register_newsletter_permissions():
    return Permission.objects.filter(
        content_type__app_label="hub", codename__in=["send_newsletter", "view_subscriber"]
    )


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Subscribers are listed and inspected, never edited here: they subscribe, confirm
    and unsubscribe themselves, and their consent must stay as they gave it."""

    read_only_actions = {"view"}

    def user_has_permission(self, user, action):
        return action in self.read_only_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) & self.read_only_actions)


register_permission_policy(Subscriber, ReadOnlyPermissionPolicy(Subscriber))


class SubscriberFilterSet(WagtailFilterSet):
    series = django_filters.ModelChoiceFilter(
        queryset=lambda request: NewsletterSeriesPage.objects.filter(
            locale_id=Locale.get_default().pk
        ).order_by("title"),
        label="Series",
    )
    status = django_filters.ChoiceFilter(choices=SubscriberStatus.choices, label="Status")
    locale = django_filters.ModelChoiceFilter(
        queryset=Locale.objects.order_by("pk"), label="Language"
    )

    class Meta:
        model = Subscriber
        fields = ["series", "status", "locale"]


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = "Newsletter subscribers"
    add_to_settings_menu = True
    url_prefix = "newsletter/subscribers"
    list_display = ["email", "series", "locale", "status", "requested_at", "confirmed_at"]
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    search_backend_name = None
    inspect_view_enabled = True
    # The add and edit views exist but the permission policy refuses them to everyone.
    form_fields = []
    inspect_view_fields = [
        "email",
        "series",
        "locale",
        "status",
        "requested_at",
        "confirmed_at",
        "consent_version",
        "consent_text",
        "unsubscribed_at",
    ]


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("newsletter_subscribers")
