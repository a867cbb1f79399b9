"""German sources are changed only by staff who may edit source-language content.

Translators and reviewers need "change" on the translatable snippet models to work on the
English (or other target-locale) instances, and Django's model permissions cannot tell the
locales apart. :class:`SourceLocalePermissionPolicy` adds that distinction per instance:
changing, deleting, publishing, locking or unlocking an instance in the source locale also
requires ``hub.edit_source_content``. Pages need none of this: the translation groups hold
page permissions only on translated site roots (see :mod:`hub.translation.site_roots`).

Wagtail's snippet views check the model-level permission before they look at the object,
so :class:`SourceLocaleSnippetViewSet` adds the per-instance check to the views that change
an instance.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views import snippets as snippet_views
from wagtail_localize.views.edit_translation import user_can_edit_instance

from hub.translation.roles import SOURCE_CONTENT_PERMISSION, is_source_locale, source_locale_id

# Actions that modify an instance; viewing, adding and listing are not restricted.
PROTECTED_ACTIONS = frozenset({"change", "delete", "publish", "lock", "unlock"})


def may_edit_source(user) -> bool:
    """Whether ``user`` may modify content in the source locale."""
    return user.is_active and (user.is_superuser or user.has_perm(SOURCE_CONTENT_PERMISSION))


class SourceLocalePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus ``hub.edit_source_content`` for modifying source-locale
    instances. Model-level answers (e.g. "may this user change organisations at all?") are
    unchanged, so menus and listings still show the model to translators."""

    def allows_on_instance(self, user, action, instance) -> bool:
        """The locale rule alone, without the model permission."""
        return (
            action not in PROTECTED_ACTIONS
            or may_edit_source(user)
            or not is_source_locale(instance)
        )

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return super().user_has_permission_for_instance(
            user, action, instance
        ) and self.allows_on_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        unprotected = [action for action in actions if action not in PROTECTED_ACTIONS]
        if may_edit_source(user) or (
            unprotected and self.user_has_any_permission(user, unprotected)
        ):
            return instances
        return instances.exclude(locale_id=source_locale_id())

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission_for_instance(actions, instance)
        if not is_source_locale(instance):
            return users
        unprotected = [action for action in actions if action not in PROTECTED_ACTIONS]
        protected = [action for action in actions if action in PROTECTED_ACTIONS]
        source_permission = Permission.objects.filter(
            content_type__app_label="hub", codename="edit_source_content"
        )
        may_edit_source_q = (
            Q(is_superuser=True)
            | Q(user_permissions__in=source_permission)
            | Q(groups__permissions__in=source_permission)
        )
        allowed = get_user_model().objects.none()
        if unprotected:
            allowed = self.users_with_any_permission(unprotected)
        if protected:
            allowed = allowed | self.users_with_any_permission(protected).filter(may_edit_source_q)
        return users.filter(pk__in=allowed.values("pk"))


class SourceLocaleGuardMixin:
    """For views on one instance: refuse users whom the model's policy does not allow to
    modify that instance because of its locale."""

    def dispatch(self, request, *args, **kwargs):
        instance = getattr(self, "object", None)
        policy = policy_registry.get_by_type(self.model)
        if (
            instance is not None
            and isinstance(policy, SourceLocalePermissionPolicy)
            and not policy.allows_on_instance(request.user, "change", instance)
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _guarded(view_class: type) -> type:
    return type(view_class.__name__, (SourceLocaleGuardMixin, view_class), {})


class SourceLocaleSnippetViewSet(snippet_views.SnippetViewSet):
    """A SnippetViewSet for a translatable model whose source-locale instances only staff
    with ``hub.edit_source_content`` may modify. Registers
    :class:`SourceLocalePermissionPolicy` for the model."""

    edit_view_class = _guarded(snippet_views.EditView)
    delete_view_class = _guarded(snippet_views.DeleteView)
    unpublish_view_class = _guarded(snippet_views.UnpublishView)
    revisions_unschedule_view_class = _guarded(snippet_views.RevisionsUnscheduleView)
    lock_view_class = _guarded(snippet_views.LockView)
    unlock_view_class = _guarded(snippet_views.UnlockView)

    def register_permissions(self):
        # Wagtail refuses (ImproperlyConfigured) if something already fell back to a plain
        # policy for the model, rather than leaving German sources unprotected.
        registered = policy_registry.get_by_type(self.model, fallback=False)
        if not isinstance(registered, SourceLocalePermissionPolicy):
            register_permission_policy(
                self.model, SourceLocalePermissionPolicy(self.model), exact_class=True
            )
        super().register_permissions()


def user_can_edit_translation(user, instance) -> bool:
    """Whether ``user`` may edit ``instance`` (a translated page or snippet) through the
    translation editor: localize's own check, plus the locale rule for snippets."""
    if not user_can_edit_instance(user, instance):
        return False
    if isinstance(instance, Page):
        return True
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def user_can_publish(user, instance) -> bool:
    """Whether ``user`` may publish ``instance`` without review."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        policy = policy_registry.get_by_type(type(instance))
        return policy.user_has_permission_for_instance(user, "publish", instance)
    # Saving a snippet without drafts publishes it.
    return user_can_edit_translation(user, instance)
