"""The admin's "Member access": who has access to which organisation, pending invitations,
and the actions on them (invite, change role, revoke access, deactivate an account; revoke
or resend an invitation).

Everything here needs ``hub.manage_members`` (Moderators and Communications reviewers
hold it) or a superuser; member accounts never have it. Actions that change something are
POSTs with Django's CSRF protection; GET shows what the button will do. Every change is
logged with Wagtail's ``log()`` by :mod:`hub.members.invitations`, so the history of each
access row (and Reports > Site history) shows who did what.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import (
    ButtonsColumnMixin,
    Column,
    DateColumn,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.admin.widgets.button import MenuItem as ButtonMenuItem
from wagtail.permission_policies.base import BasePermissionPolicy

from hub.members import invitations
from hub.members.access import is_member_account
from hub.members.forms import InvitationForm, RoleForm, source_organisations
from hub.members.models import MemberInvitation, OrganisationMember
from hub.members.roles import MANAGE_MEMBERS_PERMISSION, MEMBERS, MemberRole

ACTION_TEMPLATE = "members/management/confirm.html"
FORM_TEMPLATE = "members/management/form.html"


def may_manage_members(user) -> bool:
    """Staff with ``hub.manage_members``; never a member account, even one given the
    permission by mistake."""
    return (
        user.is_active
        and not is_member_account(user)
        and (user.is_superuser or user.has_perm(MANAGE_MEMBERS_PERMISSION))
    )


class ManageMembersPolicy(BasePermissionPolicy):
    """Staff with ``hub.manage_members`` may list, add (invite) and change (role, revoke)
    member access and invitations; nobody deletes them, so the audit trail stays whole."""

    actions = frozenset({"add", "change", "view"})

    def user_has_permission(self, user, action):
        return action in self.actions and may_manage_members(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        app_label, codename = MANAGE_MEMBERS_PERMISSION.split(".")
        granted = Q(
            user_permissions__content_type__app_label=app_label,
            user_permissions__codename=codename,
        ) | Q(
            groups__permissions__content_type__app_label=app_label,
            groups__permissions__codename=codename,
        )
        permitted = users.filter(Q(is_superuser=True) | granted).values("pk")
        return users.filter(pk__in=permitted).exclude(pk__in=member_account_ids())


def member_account_ids():
    """The ids of member accounts (the "Members" group, not staff), as a subquery."""
    return (
        get_user_model()
        .objects.filter(groups__name=MEMBERS, is_staff=False, is_superuser=False)
        .values("pk")
    )


class ViewURLs:
    """URL names of the member access views, given by the viewset."""

    def __init__(self, namespace: str):
        self.namespace = namespace

    def name(self, view: str) -> str:
        return f"{self.namespace}:{view}"

    def url(self, view: str, *args) -> str:
        return reverse(self.name(view), args=args)


class ManageMembersMixin:
    """Refuses users without ``hub.manage_members`` before anything is looked up."""

    urls: ViewURLs = None
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_members(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *WagtailAdminTemplateMixin.breadcrumbs_items,
            {"url": self.urls.url("index"), "label": "Member access"},
            {"url": "", "label": self.get_page_title()},
        ]


# Listing


class ActionsTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The title of a row with its actions menu; the view gives the buttons."""

    def __init__(self, *args, get_buttons, **kwargs):
        super().__init__(*args, **kwargs)
        self._get_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)


def display_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email or user.get_username()


def access_status(access: OrganisationMember) -> str:
    if access.revoked_at is not None:
        return "revoked"
    if not access.user.is_active:
        return "account deactivated"
    return "active"


def invitation_status(invitation: MemberInvitation) -> str:
    return "pending" if invitation.is_usable else "expired"


class AccessFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        queryset=lambda request: source_organisations(), label="Organisation"
    )
    role = django_filters.ChoiceFilter(choices=MemberRole.choices, label="Role")
    active = django_filters.ChoiceFilter(
        choices=[("yes", "Active"), ("no", "Revoked or deactivated")],
        label="Status",
        method="filter_active",
    )

    class Meta:
        model = OrganisationMember
        fields = ["organisation", "role", "active"]

    def filter_active(self, queryset, name, value):
        current = Q(revoked_at__isnull=True, user__is_active=True)
        return queryset.filter(current) if value == "yes" else queryset.exclude(current)


class MemberAccessIndexView(generic.IndexView):
    """Every access row: member, email, organisation, role, granted, status, last login."""

    filterset_class = AccessFilterSet
    page_title = "Member access"
    header_icon = "group"
    urls: ViewURLs = None
    search_fields = None
    default_ordering = "organisation__name"

    def get_base_queryset(self):
        return OrganisationMember.objects.select_related("user", "organisation")

    @cached_property
    def columns(self):
        return [
            ActionsTitleColumn(
                "member",
                label="Member",
                accessor=lambda access: display_name(access.user),
                get_url=lambda access: self.urls.url("history", access.pk),
                get_buttons=self.get_list_buttons,
            ),
            Column("email", label="Email", accessor="user.email"),
            Column("organisation", label="Organisation", sort_key="organisation__name"),
            Column("role", label="Role", accessor="get_role_display", sort_key="role"),
            DateColumn("granted_at", label="Granted", sort_key="granted_at"),
            StatusTagColumn(
                "status",
                label="Status",
                accessor=access_status,
                primary=lambda access: access.is_active,
            ),
            DateColumn("last_login", label="Last login", accessor="user.last_login"),
        ]

    def get_valid_orderings(self):
        return [
            "organisation__name",
            "-organisation__name",
            "role",
            "-role",
            "granted_at",
            "-granted_at",
        ]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton("Invite a member", url=self.urls.url("invite"), icon_name="plus"),
            HeaderButton("Pending invitations", url=self.urls.url("invitations"), icon_name="mail"),
        ]

    def get_list_more_buttons(self, instance):
        buttons = []
        if instance.is_active:
            buttons += [
                ButtonMenuItem(
                    "Change role",
                    url=self.urls.url("role", instance.pk),
                    icon_name="edit",
                    priority=10,
                ),
                ButtonMenuItem(
                    "Revoke access",
                    url=self.urls.url("revoke", instance.pk),
                    icon_name="cross",
                    priority=20,
                ),
            ]
        if instance.user.is_active:
            buttons.append(
                ButtonMenuItem(
                    "Deactivate account",
                    url=self.urls.url("deactivate", instance.pk),
                    icon_name="lock",
                    priority=30,
                )
            )
        buttons.append(
            ButtonMenuItem(
                "History",
                url=self.urls.url("history", instance.pk),
                icon_name="history",
                priority=40,
            )
        )
        return buttons


class InvitationIndexView(generic.IndexView):
    """Invitations not accepted or revoked: pending ones, and expired ones to resend."""

    page_title = "Pending invitations"
    header_icon = "mail"
    urls: ViewURLs = None

    def get_base_queryset(self):
        return MemberInvitation.objects.filter(
            accepted_at__isnull=True, revoked_at__isnull=True
        ).select_related("organisation", "invited_by")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.urls.url("index"), "label": "Member access"},
            {"url": "", "label": self.page_title},
        ]

    @cached_property
    def columns(self):
        return [
            ActionsTitleColumn(
                "email",
                label="Email",
                get_url=lambda invitation: self.urls.url("resend", invitation.pk),
                get_buttons=self.get_list_buttons,
            ),
            Column("organisation", label="Organisation"),
            Column("role", label="Role", accessor="get_role_display"),
            Column(
                "invited_by",
                label="Invited by",
                accessor=lambda invitation: display_name(invitation.invited_by),
            ),
            DateColumn("created_at", label="Sent"),
            DateColumn("expires_at", label="Expires"),
            StatusTagColumn(
                "status",
                label="Status",
                accessor=invitation_status,
                primary=lambda invitation: invitation.is_usable,
            ),
        ]

    @cached_property
    def header_buttons(self):
        return [HeaderButton("Invite a member", url=self.urls.url("invite"), icon_name="plus")]

    def get_list_more_buttons(self, instance):
        buttons = [
            ButtonMenuItem(
                "Resend", url=self.urls.url("resend", instance.pk), icon_name="mail", priority=10
            )
        ]
        if instance.is_usable:
            buttons.append(
                ButtonMenuItem(
                    "Revoke",
                    url=self.urls.url("revoke_invitation", instance.pk),
                    icon_name="cross",
                    priority=20,
                )
            )
        return buttons


class AccessHistoryView(generic.HistoryView):
    """Who granted, changed and revoked this access, and when."""

    def get_edit_url(self, instance):
        return None

    @cached_property
    def header_buttons(self):
        return []


# Forms


class InviteView(ManageMembersMixin, WagtailAdminTemplateMixin, FormView):
    page_title = "Invite a member"
    template_name = FORM_TEMPLATE
    form_class = InvitationForm

    def form_valid(self, form):
        invitation = invitations.invite(
            email=form.cleaned_data["email"],
            organisation=form.cleaned_data["organisation"],
            role=form.cleaned_data["role"],
            invited_by=self.request.user,
        )
        messages.success(
            self.request,
            f"Invitation sent to {invitation.email} for {invitation.organisation}; "
            f"the link works until {timezone.localtime(invitation.expires_at):%d.%m.%Y %H:%M}.",
        )
        return redirect(self.urls.url("invitations"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submit_label="Send invitation", cancel_url=self.urls.url("index"), **kwargs
        )


class AccessObjectMixin(ManageMembersMixin):
    """A view on one access row (404 for an unknown id)."""

    @cached_property
    def object(self) -> OrganisationMember:
        return get_object_or_404(
            OrganisationMember.objects.select_related("user", "organisation"),
            pk=self.kwargs["pk"],
        )

    def get_page_subtitle(self):
        return f"{self.object.user.email}, {self.object.organisation}"


class ChangeRoleView(AccessObjectMixin, WagtailAdminTemplateMixin, FormView):
    page_title = "Change role"
    template_name = FORM_TEMPLATE
    form_class = RoleForm

    def get(self, request, *args, **kwargs):
        if not self.object.is_active:
            return self._ended()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.object.is_active:
            return self._ended()
        return super().post(request, *args, **kwargs)

    def _ended(self):
        messages.error(self.request, "This access has ended; invite the member again instead.")
        return redirect(self.urls.url("index"))

    def get_initial(self):
        return {"role": self.object.role}

    def form_valid(self, form):
        role = form.cleaned_data["role"]
        if invitations.change_role(self.object, role=role, user=self.request.user):
            messages.success(
                self.request,
                f"{self.object.user.email} is now “{self.object.get_role_display()}” "
                f"for {self.object.organisation}.",
            )
        return redirect(self.urls.url("index"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submit_label="Change role", cancel_url=self.urls.url("index"), **kwargs
        )


class ConfirmActionView(WagtailAdminTemplateMixin, TemplateView):
    """GET: what the action does and a button; POST: :meth:`act`."""

    template_name = ACTION_TEMPLATE
    explanation = ""
    button_label = ""

    def post(self, request, *args, **kwargs):
        self.act()
        return redirect(self.success_url())

    def act(self) -> None:
        raise NotImplementedError

    def success_url(self) -> str:
        return self.urls.url("index")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            explanation=self.get_explanation(),
            button_label=self.button_label,
            cancel_url=self.success_url(),
            **kwargs,
        )

    def get_explanation(self) -> str:
        return self.explanation


class RevokeAccessView(AccessObjectMixin, ConfirmActionView):
    page_title = "Revoke access"
    button_label = "Revoke access"

    def get_explanation(self):
        access = self.object
        return (
            f"{access.user.email} loses access to {access.organisation} at once, and the API "
            f"tokens that act for them on it are revoked. Their account stays; their other "
            f"organisations are not affected."
        )

    def act(self):
        tokens = invitations.revoke_access(self.object, user=self.request.user)
        if tokens is None:
            messages.error(self.request, "This access had ended already.")
        else:
            messages.success(
                self.request,
                f"Access of {self.object.user.email} to {self.object.organisation} revoked"
                f" ({tokens} API token{'s' if tokens != 1 else ''} revoked).",
            )


class DeactivateAccountView(AccessObjectMixin, ConfirmActionView):
    page_title = "Deactivate account"
    button_label = "Deactivate account"

    def get_explanation(self):
        return (
            f"The account {self.object.user.email} can no longer sign in, and loses access to "
            f"all its organisations and API tokens with its next request."
        )

    def act(self):
        try:
            invitations.deactivate_account(self.object.user, user=self.request.user)
        except invitations.MembershipRefused as refusal:
            messages.error(self.request, str(refusal))
        else:
            messages.success(self.request, f"Account {self.object.user.email} deactivated.")


class InvitationObjectMixin(ManageMembersMixin):
    @cached_property
    def object(self) -> MemberInvitation:
        return get_object_or_404(
            MemberInvitation.objects.select_related("organisation"),
            pk=self.kwargs["pk"],
            accepted_at__isnull=True,
        )

    def get_page_subtitle(self):
        return f"{self.object.email}, {self.object.organisation}"

    def success_url(self) -> str:
        return self.urls.url("invitations")


class RevokeInvitationView(InvitationObjectMixin, ConfirmActionView):
    page_title = "Revoke invitation"
    button_label = "Revoke invitation"
    explanation = "The link in the invitation mail stops working at once."

    def act(self):
        if invitations.revoke_invitation(self.object, user=self.request.user):
            messages.success(self.request, f"Invitation of {self.object.email} revoked.")
        else:
            messages.error(self.request, "This invitation could not be used any more anyway.")


class ResendInvitationView(InvitationObjectMixin, ConfirmActionView):
    page_title = "Resend invitation"
    button_label = "Send a new invitation"

    def get_explanation(self):
        return (
            f"{self.object.email} gets a new invitation mail for {self.object.organisation} "
            f"({self.object.get_role_display()}); the link of the earlier mail stops working."
        )

    def act(self):
        problem = invitations.account_problem(invitations.find_account(self.object.email))
        if problem:
            messages.error(self.request, problem)
            return
        invitation = invitations.resend(self.object, user=self.request.user)
        messages.success(self.request, f"New invitation sent to {invitation.email}.")
