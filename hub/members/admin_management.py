"""Admin hooks of member management: "Member access" under Settings (staff with
``hub.manage_members``), "API tokens" (profile staff under Settings, member editors in the
main menu), the permission for the group editor, and the labels of the log actions.

Imported by hub/wagtail_hooks.py, which Wagtail loads.
"""

from django.contrib.auth.models import Permission
from django.urls import path
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import register_permission_policy

from api.members import admin as token_admin
from api.members.models import OrganisationToken
from hub.members import admin_views, invitations
from hub.members.access import is_member_account
from hub.members.models import MemberInvitation, OrganisationMember

# Registered before any view asks for the policies, as Wagtail requires.
register_permission_policy(OrganisationMember, admin_views.ManageMembersPolicy(OrganisationMember))
register_permission_policy(MemberInvitation, admin_views.ManageMembersPolicy(MemberInvitation))
register_permission_policy(OrganisationToken, token_admin.TokenPermissionPolicy(OrganisationToken))

# Settings menu: Webhooks and Webhook log come at 900 and 901.
MEMBER_ACCESS_ORDER = 850
TOKENS_SETTINGS_ORDER = 851
# Main menu of member accounts: after their organisations.
TOKENS_MAIN_ORDER = 8000


class MemberAccessMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_manage_members(request.user)


class MemberAccessViewSet(ViewSet):
    """The views of :mod:`hub.members.admin_views` under /admin/member-access/."""

    name = "member_access"
    url_prefix = "member-access"
    icon = "group"
    menu_label = "Member access"
    menu_name = "member-access"
    menu_order = MEMBER_ACCESS_ORDER
    add_to_settings_menu = True

    @property
    def menu_item_class(self):
        return MemberAccessMenuItem

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            urls=admin_views.ViewURLs(self.url_namespace), **kwargs
        )

    def get_urlpatterns(self):
        views = admin_views
        access_index = {
            "model": OrganisationMember,
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }
        invitation_index = {
            "model": MemberInvitation,
            "index_url_name": self.get_url_name("invitations"),
            "index_results_url_name": self.get_url_name("invitations_results"),
        }
        history = {
            "model": OrganisationMember,
            "index_url_name": self.get_url_name("index"),
            "history_url_name": self.get_url_name("history"),
            "history_results_url_name": self.get_url_name("history_results"),
            "header_icon": "history",
        }
        view = self.construct_view
        return [
            path("", view(views.MemberAccessIndexView, **access_index), name="index"),
            path(
                "results/",
                view(views.MemberAccessIndexView, results_only=True, **access_index),
                name="index_results",
            ),
            path("invite/", view(views.InviteView), name="invite"),
            path("role/<int:pk>/", view(views.ChangeRoleView), name="role"),
            path("revoke/<int:pk>/", view(views.RevokeAccessView), name="revoke"),
            path("deactivate/<int:pk>/", view(views.DeactivateAccountView), name="deactivate"),
            path("history/<int:pk>/", view(views.AccessHistoryView, **history), name="history"),
            path(
                "history/<int:pk>/results/",
                view(views.AccessHistoryView, results_only=True, **history),
                name="history_results",
            ),
            path(
                "invitations/",
                view(views.InvitationIndexView, **invitation_index),
                name="invitations",
            ),
            path(
                "invitations/results/",
                view(views.InvitationIndexView, results_only=True, **invitation_index),
                name="invitations_results",
            ),
            path(
                "invitations/<int:pk>/revoke/",
                view(views.RevokeInvitationView),
                name="revoke_invitation",
            ),
            path(
                "invitations/<int:pk>/resend/",
                view(views.ResendInvitationView),
                name="resend",
            ),
        ]


token_viewset = token_admin.TokenViewSet()


@hooks.register("register_admin_viewset")
def register_member_access():
    return MemberAccessViewSet()


@hooks.register("register_admin_viewset")
def register_token_admin():
    return token_viewset


@hooks.register("register_settings_menu_item")
def register_staff_token_menu_item():
    return token_viewset.menu_item(
        shown_to=lambda user: not is_member_account(user) and token_admin.may_manage_tokens(user),
        order=TOKENS_SETTINGS_ORDER,
    )


@hooks.register("register_admin_menu_item")
def register_member_token_menu_item():
    return token_viewset.menu_item(
        shown_to=lambda user: is_member_account(user) and token_admin.may_manage_tokens(user),
        order=TOKENS_MAIN_ORDER,
    )


@hooks.register("register_permissions")
def register_manage_members_permission():
    app_label, codename = admin_views.MANAGE_MEMBERS_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("register_log_actions")
def register_member_log_actions(actions):
    for action, label, message in (
        (invitations.INVITE_ACTION, "Invite member", "Member invited"),
        (invitations.REVOKE_INVITATION_ACTION, "Revoke invitation", "Invitation revoked"),
        (invitations.ACCEPT_ACTION, "Accept invitation", "Invitation accepted"),
        (invitations.GRANT_ACTION, "Grant member access", "Member access granted"),
        (invitations.CHANGE_ROLE_ACTION, "Change member role", "Member role changed"),
        (invitations.REVOKE_ACCESS_ACTION, "Revoke member access", "Member access revoked"),
        (invitations.DEACTIVATE_ACTION, "Deactivate member account", "Member account deactivated"),
        (token_admin.CREATE_ACTION, "Create API token", "API token created"),
        (token_admin.REVOKE_ACTION, "Revoke API token", "API token revoked"),
    ):
        actions.register_action(action, label, message)
