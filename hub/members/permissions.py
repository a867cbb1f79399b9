"""Member accounts in the Wagtail admin: the organisation policy and the guard of its views.

Staff and translators keep the rules of :mod:`hub.translation.permissions` (model
permissions, plus ``hub.edit_source_content`` for German sources). Member accounts (group
"Members") hold no model permissions; what they may do with an organisation follows only
from their active :class:`~hub.members.models.OrganisationMember` rows:

- editors view and change their organisations (saving drafts, submitting for review),
- viewers only view them,
- nobody adds, deletes, publishes, locks or unlocks.

:class:`MemberOrganisationViewSet` answers a member's request for any other organisation,
a translation or an id that does not exist with the same 404, so a member cannot tell
whether another organisation exists.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.views.generic.history import HistoryView as GenericHistoryView
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views

from hub.members.access import (
    is_member_account,
    member_role,
    member_roles,
    organisations_for_member,
)
from hub.members.models import OrganisationMember
from hub.members.roles import MEMBERS, MemberRole
from hub.translation.permissions import (
    SourceLocaleGuardMixin,
    SourceLocalePermissionPolicy,
    SourceLocaleSnippetViewSet,
)

# What each role allows on the member's own organisations; nothing else is ever allowed.
MEMBER_ACTIONS = {
    MemberRole.EDITOR: frozenset({"view", "change"}),
    MemberRole.VIEWER: frozenset({"view"}),
}


def roles_allowing(actions) -> list[str]:
    """The member roles that allow at least one of ``actions``."""
    return [role for role, allowed in MEMBER_ACTIONS.items() if allowed & set(actions)]


def member_organisation_ids(user) -> set[int]:
    """Ids of the organisations (source locale) on which the member holds any role."""
    return set(organisations_for_member(user).values_list("pk", flat=True))


class MemberAwareOrganisationPolicy(SourceLocalePermissionPolicy):
    """The source-locale policy for staff and translators; for member accounts, access
    comes from their OrganisationMember rows alone (see the module's docstring)."""

    def user_has_permission(self, user, action):
        if is_member_account(user):
            return any(action in MEMBER_ACTIONS[role] for role in member_roles(user).values())
        return super().user_has_permission(user, action)

    def allows_on_instance(self, user, action, instance) -> bool:
        if is_member_account(user):
            return self.user_has_permission_for_instance(user, action, instance)
        return super().allows_on_instance(user, action, instance)

    def user_has_permission_for_instance(self, user, action, instance):
        if is_member_account(user):
            role = member_role(user, instance)
            return role is not None and action in MEMBER_ACTIONS[role]
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if is_member_account(user):
            return organisations_for_member(user, roles=roles_allowing(actions))
        return super().instances_user_has_any_permission_for(user, actions)

    def users_with_any_permission_for_instance(self, actions, instance):
        staff = super().users_with_any_permission_for_instance(actions, instance)
        members = OrganisationMember.objects.active().filter(
            organisation_id=instance.pk,
            role__in=roles_allowing(actions),
            user__groups__name=MEMBERS,
        )
        return get_user_model().objects.filter(
            Q(pk__in=staff.values("pk")) | Q(pk__in=members.values("user_id"))
        )


# Views


class MemberGuardMixin:
    """For a view on one organisation: a member account reaches only their own.

    Another organisation, a translation or an unknown id answers 404 before the object is
    even looked up. On their own organisation a member needs ``member_action`` ("view" or
    "change"; None: never), otherwise Wagtail's usual denial applies. For staff nothing
    changes.
    """

    member_action: str | None = "change"

    def setup(self, request, *args, **kwargs):
        if is_member_account(request.user):
            pk = kwargs.get("pk", args[0] if args else None)
            if str(pk) not in {str(own) for own in member_organisation_ids(request.user)}:
                raise Http404
        super().setup(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if is_member_account(request.user) and not self.member_may(self.member_action):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def member_may(self, action: str | None) -> bool:
        if action is None:
            return False
        policy = policy_registry.get_by_type(self.model)
        return policy.user_has_permission_for_instance(self.request.user, action, self.object)

    # Wagtail asks these for the view itself and for its buttons (lock, publish, ...);
    # for members the answer is about this organisation, not about organisations at large.

    def user_has_permission(self, permission):
        if is_member_account(self.request.user):
            return self.member_may(permission)
        return super().user_has_permission(permission)

    def user_has_any_permission(self, permissions):
        if is_member_account(self.request.user):
            return any(self.member_may(permission) for permission in permissions)
        return super().user_has_any_permission(permissions)


def member_guarded(
    view_class: type, member_action: str | None, *, source_locale_guard: bool = False
) -> type:
    """``view_class`` with the member guard; ``source_locale_guard`` adds the translation
    rule for staff (:class:`~hub.translation.permissions.SourceLocaleGuardMixin`) to views
    that change the organisation."""
    bases = (
        (MemberGuardMixin, SourceLocaleGuardMixin) if source_locale_guard else (MemberGuardMixin,)
    )
    return type(view_class.__name__, (*bases, view_class), {"member_action": member_action})


class MemberFormMixin:
    """Gives member accounts their own panels and form (``member_panel``,
    ``member_form_class``: only the fields members may change)."""

    member_panel = None
    member_form_class = None

    def for_member(self) -> bool:
        return self.member_panel is not None and is_member_account(self.request.user)

    def get_panel(self):
        if self.for_member():
            return self.member_panel
        return super().get_panel()

    def get_form_class(self):
        if self.for_member():
            return self.member_form_class
        return super().get_form_class()


class MemberEditView(MemberFormMixin, snippet_views.EditView):
    def save_instance(self):
        try:
            return super().save_instance()
        except Exception:
            # The image row goes with the rolled-back transaction; its file must go too.
            discard = getattr(self.form, "discard_stored_logo", None)
            if discard is not None:
                discard()
            raise


class MemberPreviewOnEditView(snippet_views.PreviewOnEditView):
    member_panel = None
    member_form_class = None

    def get_form_class(self):
        if self.member_form_class is not None and is_member_account(self.request.user):
            return self.member_form_class
        return super().get_form_class()


class MemberHistoryView(snippet_views.HistoryView):
    @property
    def any_permission_required(self):
        # Viewers may follow the history of their organisation; staff keep Wagtail's rule.
        if is_member_account(self.request.user):
            return ["view"]
        return GenericHistoryView.any_permission_required


class MemberScopedChooserMixin:
    """The organisation chooser offers members their own organisations only."""

    def scoped(self, queryset):
        user = self.request.user
        if is_member_account(user):
            return queryset.filter(pk__in=member_organisation_ids(user))
        return queryset


class MemberChooseView(MemberScopedChooserMixin, chooser_views.ChooseView):
    def get_object_list(self):
        return self.scoped(super().get_object_list())


class MemberChooseResultsView(MemberScopedChooserMixin, chooser_views.ChooseResultsView):
    def get_object_list(self):
        return self.scoped(super().get_object_list())


class MemberChosenView(MemberScopedChooserMixin, chooser_views.SnippetChosenView):
    def get_object(self, pk):
        return self.scoped(self.model_class.objects.all()).get(pk=pk)


class MemberChosenMultipleView(MemberScopedChooserMixin, chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.scoped(super().get_objects(pks))


class MemberOrganisationChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = MemberChooseView
    choose_results_view_class = MemberChooseResultsView
    chosen_view_class = MemberChosenView
    chosen_multiple_view_class = MemberChosenMultipleView


class MemberOrganisationViewSet(SourceLocaleSnippetViewSet):
    """The organisation admin for staff, translators and member accounts.

    Subclasses set ``member_edit_handler`` (panels with a ``base_form_class``) for the form
    members see. The listing shows a member their own organisations only.
    """

    member_edit_handler = None

    edit_view_class = member_guarded(MemberEditView, "change", source_locale_guard=True)
    inspect_view_class = member_guarded(snippet_views.InspectView, "view")
    history_view_class = member_guarded(MemberHistoryView, "view")
    usage_view_class = member_guarded(snippet_views.UsageView, None)
    delete_view_class = member_guarded(snippet_views.DeleteView, None, source_locale_guard=True)
    unpublish_view_class = member_guarded(
        snippet_views.UnpublishView, None, source_locale_guard=True
    )
    lock_view_class = member_guarded(snippet_views.LockView, None, source_locale_guard=True)
    unlock_view_class = member_guarded(snippet_views.UnlockView, None, source_locale_guard=True)
    revisions_view_class = member_guarded(snippet_views.PreviewRevisionView, "change")
    revisions_compare_view_class = member_guarded(snippet_views.RevisionsCompareView, "change")
    revisions_unschedule_view_class = member_guarded(
        snippet_views.RevisionsUnscheduleView, None, source_locale_guard=True
    )
    preview_on_edit_view_class = member_guarded(MemberPreviewOnEditView, "change")
    workflow_action_view_class = member_guarded(snippet_views.WorkflowActionView, "change")
    collect_workflow_action_data_view_class = member_guarded(
        snippet_views.CollectWorkflowActionDataView, "change"
    )
    confirm_workflow_cancellation_view_class = member_guarded(
        snippet_views.ConfirmWorkflowCancellationView, "change"
    )
    workflow_preview_view_class = member_guarded(snippet_views.WorkflowPreviewView, "change")
    workflow_history_view_class = member_guarded(snippet_views.WorkflowHistoryView, "change")
    workflow_history_detail_view_class = member_guarded(
        snippet_views.WorkflowHistoryDetailView, "change"
    )
    chooser_viewset_class = MemberOrganisationChooserViewSet

    @property
    def revisions_revert_view_class(self):
        # A revert brings back the staff-only fields of the old revision too, which the
        # member's form would not show; members restore old values by editing instead.
        view_class = super().revisions_revert_view_class
        return type(view_class.__name__, (view_class,), {"member_action": None})

    def register_permissions(self):
        registered = policy_registry.get_by_type(self.model, fallback=False)
        if not isinstance(registered, MemberAwareOrganisationPolicy):
            register_permission_policy(
                self.model, MemberAwareOrganisationPolicy(self.model), exact_class=True
            )
        super().register_permissions()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_member_account(request.user):
            if queryset is None:
                queryset = self.model._default_manager.all()
            return queryset.filter(pk__in=member_organisation_ids(request.user))
        return queryset

    @cached_property
    def _member_edit_handler(self):
        if self.member_edit_handler is None:
            return None
        return self.member_edit_handler.bind_to_model(self.model)

    def get_member_view_kwargs(self) -> dict:
        panel = self._member_edit_handler
        if panel is None:
            return {}
        return {"member_panel": panel, "member_form_class": panel.get_form_class()}

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(**self.get_member_view_kwargs(), **kwargs)

    @property
    def preview_on_edit_view(self):
        return self.construct_view(
            self.preview_on_edit_view_class,
            form_class=self.get_form_class(for_update=True),
            **self.get_member_view_kwargs(),
        )


# The rest of the admin

# Admin views that Wagtail and wagtail-localize serve to every admin user, whatever their
# permissions, and that name pages or snippets: member accounts get a 404 from them.
MEMBER_DENIED_NAMESPACES = ("wagtailadmin_api", "wagtailadmin_reports")
MEMBER_DENIED_VIEWS = frozenset(
    {
        "wagtail_bulk_action",
        "wagtailadmin_choose_page_child",
        "wagtailadmin_choose_page_search",
        "wagtailadmin_choose_page_chosen_multiple",
        "wagtailadmin_tag_autocomplete",
        "wagtailadmin_tag_model_autocomplete",
        "wagtail_localize:snippets_api_listing",
        "wagtail_localize:snippets_api_detail",
        "wagtail_localize:translations_report",
        "wagtail_localize:translations_report_results",
    }
)
SNIPPET_CHOOSER_NAMESPACE_PREFIX = "wagtailsnippetchoosers_"
MEMBER_CHOOSERS = frozenset({"wagtailsnippetchoosers_snippets_organisation"})


def member_may_not_reach(view_name: str, namespace: str) -> bool:
    return (
        view_name in MEMBER_DENIED_VIEWS
        or namespace.startswith(MEMBER_DENIED_NAMESPACES)
        or (
            namespace.startswith(SNIPPET_CHOOSER_NAMESPACE_PREFIX)
            and namespace not in MEMBER_CHOOSERS
        )
    )


class MemberAdminBoundaryMiddleware:
    """Keeps member accounts out of the admin's permission-blind listings and choosers.

    The page chooser, the snippet choosers of other models, bulk actions, the admin API,
    reports and wagtail-localize's snippet listing show titles of pages and snippets to any
    admin user. Members get a 404 from them, except the link chooser of the description's
    editor: it opens on the external link form instead of the page tree.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not is_member_account(request.user):
            return None
        if match.view_name == "wagtailadmin_choose_page":
            target = reverse("wagtailadmin_choose_page_external_link")
            query = request.GET.urlencode()
            return HttpResponseRedirect(f"{target}?{query}" if query else target)
        if member_may_not_reach(match.view_name, match.namespace):
            raise Http404
        return None
