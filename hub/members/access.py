"""Who may see and change which organisation profile, for the admin and the member API.

Two kinds of accounts reach a profile:

- staff, who edit German (source-locale) organisations through their model permissions
  and ``hub.edit_source_content`` (:mod:`hub.translation.permissions`);
- member accounts (in the "Members" group), whose access comes only from their
  :class:`~hub.members.models.OrganisationMember` rows: editors view and submit changes,
  viewers only view. Revoked rows and deactivated accounts count for nothing, at once.
"""

from django.db.models import QuerySet

from hub.members.models import OrganisationMember
from hub.members.roles import MEMBERS, MemberRole
from hub.translation.permissions import may_edit_source
from hub.translation.roles import source_locale_id


def in_members_group(user) -> bool:
    """Whether ``user`` is a member account, active or not (staff accounts never are)."""
    if not user.is_authenticated or user.is_superuser or user.is_staff:
        return False
    cached = getattr(user, "_is_member_account", None)
    if cached is None:
        cached = user.groups.filter(name=MEMBERS).exists()
        user._is_member_account = cached
    return cached


def is_member_account(user) -> bool:
    """Whether ``user`` is an active member account (not staff)."""
    return user.is_authenticated and user.is_active and in_members_group(user)


def is_profile_staff(user) -> bool:
    """Staff who may change German organisation profiles directly."""
    return (
        user.is_authenticated
        and may_edit_source(user)
        and user.has_perm("snippets.change_organisation")
    )


def member_roles(user) -> dict[int, str]:
    """The member's current roles by organisation id (source locale), e.g. ``{12: "editor"}``."""
    if not (user.is_authenticated and user.is_active):
        return {}
    cached = getattr(user, "_member_roles", None)
    if cached is None:
        cached = dict(
            OrganisationMember.objects.active()
            .filter(user=user)
            .values_list("organisation_id", "role")
        )
        user._member_roles = cached
    return cached


def member_role(user, organisation) -> str | None:
    """``"editor"``, ``"viewer"`` or None for ``user`` on ``organisation`` (source locale)."""
    if organisation.locale_id != source_locale_id():
        return None
    return member_roles(user).get(organisation.pk)


def can_view_profile(user, organisation) -> bool:
    """May see the profile's drafts and submissions."""
    if is_member_account(user):
        return member_role(user, organisation) is not None
    return is_profile_staff(user) and organisation.locale_id == source_locale_id()


def can_submit_profile(user, organisation) -> bool:
    """May submit changes to the profile for review (and create its API tokens)."""
    if is_member_account(user):
        return member_role(user, organisation) == MemberRole.EDITOR
    return is_profile_staff(user) and organisation.locale_id == source_locale_id()


def organisations_for_member(user, *, roles=tuple(MemberRole)) -> QuerySet:
    """The source-locale organisations on which the member holds one of ``roles``."""
    from snippets.models import Organisation

    ids = [pk for pk, role in member_roles(user).items() if role in roles]
    return Organisation.objects.filter(pk__in=ids, locale_id=source_locale_id())


def forget_cached_access(user) -> None:
    """Drop what this request cached about ``user``'s access (after granting or revoking)."""
    for attribute in ("_is_member_account", "_member_roles"):
        if hasattr(user, attribute):
            delattr(user, attribute)
