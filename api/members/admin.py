"""Organisation API tokens in the admin ("API tokens"): the list, "New API token" with the
token shown once, and "Revoke".

Staff who may edit profiles (:func:`hub.members.access.is_profile_staff`) see and manage
every organisation's tokens; member editors only those of their organisations, and they
create tokens for those only. Viewers and everyone else are refused. A member who asks for
a token of another organisation gets 404, the answer for a token that does not exist.

The plaintext is in the answer to the POST that created it (``Cache-Control: no-store``)
and nowhere else: the database keeps its keyed digest and its prefix.
"""

from datetime import timedelta

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import MenuItem as ButtonMenuItem
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.base import BasePermissionPolicy

from api.members.models import OrganisationToken
from api.members.tokens import create_token
from hub.members.access import is_member_account, is_profile_staff, organisations_for_member
from hub.members.admin_views import ActionsTitleColumn, member_account_ids
from hub.members.forms import TokenForm
from hub.members.models import OrganisationMember
from hub.members.roles import MemberRole
from hub.translation.roles import SOURCE_CONTENT_PERMISSION

MENU_NAME = "member-api-tokens"
MENU_LABEL = "API tokens"
CREATE_ACTION = "hub.members.create_token"
REVOKE_ACTION = "hub.members.revoke_token"
FORM_TEMPLATE = "members/management/form.html"
CONFIRM_TEMPLATE = "members/management/confirm.html"
CREATED_TEMPLATE = "members/management/token_created.html"


def editor_organisation_ids(user) -> list[int]:
    return list(
        organisations_for_member(user, roles=[MemberRole.EDITOR]).values_list("pk", flat=True)
    )


def may_manage_tokens(user) -> bool:
    """Profile staff, and member accounts with the editor role somewhere."""
    if is_member_account(user):
        return bool(editor_organisation_ids(user))
    return is_profile_staff(user)


def visible_tokens(user):
    """The tokens ``user`` may see and revoke."""
    tokens = OrganisationToken.objects.select_related("organisation", "user", "revoked_by")
    if is_member_account(user):
        return tokens.filter(organisation_id__in=editor_organisation_ids(user))
    if is_profile_staff(user):
        return tokens
    return tokens.none()


class TokenPermissionPolicy(BasePermissionPolicy):
    """Grants "view", "add" and "change" (revoke) as :func:`may_manage_tokens` says, on the
    instances of :func:`visible_tokens`. Tokens are never edited or deleted."""

    actions = frozenset({"add", "change", "view"})

    def user_has_permission(self, user, action):
        return action in self.actions and may_manage_tokens(user)

    def users_with_any_permission(self, actions):
        from snippets.models import Organisation

        users = get_user_model().objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        editors = OrganisationMember.objects.active().filter(role=MemberRole.EDITOR)
        members = users.filter(pk__in=member_account_ids()).filter(pk__in=editors.values("user_id"))
        app_label, codename = SOURCE_CONTENT_PERMISSION.split(".")
        source_editors = users.filter(
            Q(is_superuser=True)
            | Q(
                user_permissions__content_type__app_label=app_label,
                user_permissions__codename=codename,
            )
            | Q(
                groups__permissions__content_type__app_label=app_label,
                groups__permissions__codename=codename,
            )
        )
        staff = (
            ModelPermissionPolicy(Organisation)
            .users_with_permission("change")
            .filter(pk__in=source_editors.values("pk"))
        )
        staff = staff.exclude(pk__in=member_account_ids())
        return users.filter(Q(pk__in=members.values("pk")) | Q(pk__in=staff.values("pk")))

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and visible_tokens(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.actions.intersection(actions):
            return OrganisationToken.objects.none()
        return visible_tokens(user)


def token_status(token: OrganisationToken) -> str:
    if token.revoked_at is not None:
        return "revoked"
    if token.expires_at <= timezone.now():
        return "expired"
    return "usable"


class TokenViewMixin:
    """Refuses users who may not manage tokens at all, before anything is looked up."""

    index_url_name = None
    revoke_url_name = None
    add_url_name = None
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_tokens(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *WagtailAdminTemplateMixin.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": MENU_LABEL},
            {"url": "", "label": self.get_page_title()},
        ]


class TokenFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        queryset=lambda request: organisations_with_tokens(request.user), label="Organisation"
    )
    status = django_filters.ChoiceFilter(
        choices=[("usable", "Usable"), ("revoked", "Revoked"), ("expired", "Expired")],
        label="Status",
        method="filter_status",
    )

    class Meta:
        model = OrganisationToken
        fields = ["organisation", "status"]

    def filter_status(self, queryset, name, value):
        now = timezone.now()
        if value == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        if value == "expired":
            return queryset.filter(revoked_at__isnull=True, expires_at__lte=now)
        return queryset.usable(now=now)


def organisations_with_tokens(user):
    from snippets.models import Organisation

    return Organisation.objects.filter(
        pk__in=visible_tokens(user).values("organisation_id")
    ).order_by("name")


class TokenIndexView(TokenViewMixin, generic.IndexView):
    """Prefix, name, organisation, acts for, created, expires, last used, status."""

    model = OrganisationToken
    page_title = MENU_LABEL
    filterset_class = TokenFilterSet
    search_fields = None

    def get_base_queryset(self):
        return visible_tokens(self.request.user)

    def get_breadcrumbs_items(self):
        return [*WagtailAdminTemplateMixin.breadcrumbs_items, {"url": "", "label": MENU_LABEL}]

    @cached_property
    def columns(self):
        return [
            ActionsTitleColumn(
                "name",
                label="Name",
                get_url=lambda token: None,
                get_buttons=self.get_list_buttons,
            ),
            Column("prefix", label="Token starts with", accessor=lambda token: f"{token.prefix}…"),
            Column("organisation", label="Organisation"),
            Column(
                "user",
                label="Acts for",
                accessor=lambda token: token.user.email or token.user.get_username(),
            ),
            DateColumn("created_at", label="Created", sort_key="created_at"),
            DateColumn("expires_at", label="Expires", sort_key="expires_at"),
            DateColumn("last_used_at", label="Last used"),
            StatusTagColumn(
                "status",
                label="Status",
                accessor=token_status,
                primary=lambda token: token.is_usable,
            ),
            DateColumn("revoked_at", label="Revoked"),
        ]

    def get_valid_orderings(self):
        return ["created_at", "-created_at", "expires_at", "-expires_at"]

    add_item_label = "New API token"

    def get_list_more_buttons(self, instance):
        if instance.revoked_at is not None:
            return []
        return [
            ButtonMenuItem(
                "Revoke",
                url=reverse(self.revoke_url_name, args=[instance.pk]),
                icon_name="cross",
            )
        ]


class TokenCreateView(TokenViewMixin, WagtailAdminTemplateMixin, FormView):
    """The form, then the page with the plaintext (this answer only)."""

    page_title = "New API token"
    template_name = FORM_TEMPLATE

    def get_form(self, form_class=None):
        return TokenForm(**self.get_form_kwargs(), user=self.request.user)

    def form_valid(self, form):
        token, plaintext = create_token(
            organisation=form.cleaned_data["organisation"],
            user=self.request.user,
            name=form.cleaned_data["name"],
            created_by=self.request.user,
            expires_at=timezone.now() + timedelta(days=form.cleaned_data["expires_in_days"]),
        )
        log(
            token,
            CREATE_ACTION,
            user=self.request.user,
            data={"prefix": token.prefix, "organisation": token.organisation.name},
        )
        messages.success(self.request, f"API token “{token.name}” created.")
        response = TemplateResponse(
            self.request,
            CREATED_TEMPLATE,
            {
                **self.get_context_data(form=form),
                "header_title": "New API token",
                "token": token,
                "plaintext": plaintext,
                "index_url": reverse(self.index_url_name),
            },
        )
        patch_cache_control(response, no_store=True, private=True)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            intro=(
                "The token acts for your account on the organisation: it may read the "
                "profile and submit changes for review, never more than you may. It is "
                "shown once, after you create it."
            ),
            submit_label="Create token",
            cancel_url=reverse(self.index_url_name),
            **kwargs,
        )


class TokenRevokeView(TokenViewMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Revoke API token"
    template_name = CONFIRM_TEMPLATE

    @cached_property
    def object(self) -> OrganisationToken:
        return get_object_or_404(visible_tokens(self.request.user), pk=self.kwargs["pk"])

    def get_page_subtitle(self):
        return f"{self.object.name} ({self.object.prefix}…)"

    def get(self, request, *args, **kwargs):
        if self.object.revoked_at is not None:
            return self._revoked_already()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        now = timezone.now()
        revoked = OrganisationToken.objects.filter(
            pk=self.object.pk, revoked_at__isnull=True
        ).update(revoked_at=now, revoked_by=request.user)
        if not revoked:
            return self._revoked_already()
        log(self.object, REVOKE_ACTION, user=request.user, data={"prefix": self.object.prefix})
        messages.success(request, f"API token “{self.object.name}” revoked.")
        return redirect(self.index_url_name)

    def _revoked_already(self):
        messages.error(self.request, "This token was revoked already.")
        return redirect(self.index_url_name)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            explanation=(
                f"Requests with the token {self.object.prefix}… for {self.object.organisation} "
                f"are refused from now on. This cannot be undone; the token stays in the list."
            ),
            button_label="Revoke token",
            cancel_url=reverse(self.index_url_name),
            **kwargs,
        )


class TokenMenuItem(MenuItem):
    """Shown to whom :func:`shown_to` admits."""

    def __init__(self, *args, shown_to, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


class TokenViewSet(ViewSet):
    """The token views under /admin/member-api-tokens/. Its menu items are registered by
    hub.members.admin_management: under Settings for staff, in the main menu for member
    editors (who have no Settings menu)."""

    name = "member_api_tokens"
    url_prefix = "member-api-tokens"
    icon = "key"
    menu_label = MENU_LABEL
    menu_name = MENU_NAME

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            index_url_name=self.get_url_name("index"),
            add_url_name=self.get_url_name("add"),
            revoke_url_name=self.get_url_name("revoke"),
            **kwargs,
        )

    def get_urlpatterns(self):
        index_kwargs = {"index_results_url_name": self.get_url_name("index_results")}
        return [
            path("", self.construct_view(TokenIndexView, **index_kwargs), name="index"),
            path(
                "results/",
                self.construct_view(TokenIndexView, results_only=True, **index_kwargs),
                name="index_results",
            ),
            path("new/", self.construct_view(TokenCreateView), name="add"),
            path("revoke/<int:pk>/", self.construct_view(TokenRevokeView), name="revoke"),
        ]

    def menu_item(self, *, shown_to, order: int) -> TokenMenuItem:
        return TokenMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.icon,
            order=order,
            shown_to=shown_to,
        )
