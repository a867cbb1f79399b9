"""Inviting contact persons to become members of an organisation, and accepting or revoking
an invitation.

The link in the invitation mail carries a random token (``secrets.token_urlsafe(32)``);
the database keeps only its SHA-256 digest. The token is minted by the mail task itself
(:func:`issue_link_token`), just before it sends the mail: a task's arguments are stored in
the database until a worker runs it, so the token must not be one of them. Until the task
has run, the invitation's digest belongs to a token nobody knows, and no link works.

One link per address and organisation works at a time: a new invitation (or "Resend")
revokes the earlier ones that could still be used.
"""

import functools
import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from api.members.models import OrganisationToken
from hub.members.access import forget_cached_access, in_members_group
from hub.members.models import MemberInvitation, OrganisationMember
from hub.members.roles import MEMBERS, MemberRole
from hub.translation.roles import is_source_locale

# Log actions (registered with their labels in hub/members/admin_management.py).
INVITE_ACTION = "hub.members.invite"
REVOKE_INVITATION_ACTION = "hub.members.revoke_invitation"
ACCEPT_ACTION = "hub.members.accept_invitation"
GRANT_ACTION = "hub.members.grant_access"
CHANGE_ROLE_ACTION = "hub.members.change_role"
REVOKE_ACCESS_ACTION = "hub.members.revoke_access"
DEACTIVATE_ACTION = "hub.members.deactivate_account"


class MembershipRefused(Exception):
    """The invitation or change cannot be made; the message says why, for the page."""


def invitation_lifetime() -> timedelta:
    return timedelta(days=getattr(settings, "MEMBER_INVITATION_MAX_AGE_DAYS", 7))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_email(address: str) -> str:
    """Member accounts are named by their address in lower case (their username)."""
    return address.strip().lower()


def find_account(email: str):
    """The account whose email or username is ``email`` (any case), or None."""
    email = normalise_email(email)
    return (
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .order_by("pk")
        .first()
    )


def account_problem(user) -> str | None:
    """Why an invitation to the address of ``user`` (an existing account) cannot be
    accepted, or None when the account may accept it."""
    if user is None:
        return None
    if not in_members_group(user):
        return (
            "This address belongs to a staff account of the hub. Staff accounts cannot "
            "become member accounts; invite another address."
        )
    if not user.is_active:
        return "The member account with this address has been deactivated."
    return None


def invite(*, email: str, organisation, role: str, invited_by) -> MemberInvitation:
    """Invite ``email`` to ``organisation`` (source locale) with ``role``; the mail goes out
    after the transaction commits. Earlier usable invitations of the same address to the
    same organisation are revoked."""
    if not is_source_locale(organisation):
        raise MembershipRefused("Members are invited to German (source) organisations only.")
    if role not in MemberRole.values:
        raise MembershipRefused(f"Unknown role {role!r}.")
    email = normalise_email(email)
    now = timezone.now()
    with transaction.atomic():
        for earlier in (
            MemberInvitation.objects.usable()
            .filter(email__iexact=email, organisation=organisation)
            .select_for_update()
        ):
            _revoke_invitation(earlier, user=invited_by, now=now, reason="replaced")
        invitation = MemberInvitation.objects.create(
            email=email,
            organisation=organisation,
            role=role,
            invited_by=invited_by,
            created_at=now,
            expires_at=now + invitation_lifetime(),
            # The mail task replaces it with the digest of the link's token.
            token_hash=hash_token(secrets.token_urlsafe(32)),
        )
        log(
            invitation,
            INVITE_ACTION,
            user=invited_by,
            data={"email": email, "organisation": organisation.name, "role": role},
        )
        from hub.members.tasks import send_invitation_mail

        transaction.on_commit(functools.partial(send_invitation_mail.enqueue, invitation.pk))
    return invitation


def resend(invitation: MemberInvitation, *, user) -> MemberInvitation:
    """A new invitation with the same address, organisation and role (the old one is
    revoked, so only the new link works)."""
    return invite(
        email=invitation.email,
        organisation=invitation.organisation,
        role=invitation.role,
        invited_by=user,
    )


def revoke_invitation(invitation: MemberInvitation, *, user) -> bool:
    """Revoke the invitation if it could still be used; whether it was revoked."""
    with transaction.atomic():
        locked = (
            MemberInvitation.objects.usable().select_for_update().filter(pk=invitation.pk).first()
        )
        if locked is None:
            return False
        _revoke_invitation(locked, user=user, now=timezone.now(), reason="revoked")
    invitation.revoked_at = locked.revoked_at
    return True


def _revoke_invitation(invitation: MemberInvitation, *, user, now, reason: str) -> None:
    invitation.revoked_at = now
    invitation.save(update_fields=["revoked_at"])
    log(invitation, REVOKE_INVITATION_ACTION, user=user, data={"reason": reason})


def issue_link_token(invitation_id: int) -> tuple[MemberInvitation, str] | None:
    """Mint the token of the invitation's link and store its digest; the invitation and
    the token, or None when the invitation cannot be used (any more)."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = (
            MemberInvitation.objects.usable()
            .select_for_update(of=("self",))
            .select_related("organisation", "invited_by")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None:
            return None
        invitation.token_hash = hash_token(token)
        invitation.save(update_fields=["token_hash"])
    return invitation, token


def find_invitation(token: str) -> MemberInvitation | None:
    """The invitation of a link's token, usable or not; None for an unknown token."""
    if not token or len(token) > 100:
        return None
    return (
        MemberInvitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


def accept_as_new_account(invitation: MemberInvitation, *, password: str):
    """Create the member account of the invitation with ``password`` (validated by the
    caller) and grant its access; returns the account. Raises :class:`MembershipRefused`
    when the invitation was used, revoked or expired meanwhile, or the address got an
    account."""
    with transaction.atomic():
        invitation = _lock_usable(invitation)
        if find_account(invitation.email) is not None:
            raise MembershipRefused("An account with this address exists already.")
        user = get_user_model()(username=invitation.email, email=invitation.email, is_active=True)
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=MEMBERS))
        profile = UserProfile.get_for_user(user)
        # The hub mails members its own decision on their submission; Wagtail's
        # moderation notices would say the same again.
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])
        _grant(invitation, user)
    return user


def accept_as_existing_member(invitation: MemberInvitation, *, user) -> None:
    """Add the invitation's access to ``user``, the signed-in member account of its
    address. Raises :class:`MembershipRefused` like :func:`accept_as_new_account`."""
    with transaction.atomic():
        invitation = _lock_usable(invitation)
        problem = account_problem(user)
        if problem:
            raise MembershipRefused(problem)
        if find_account(invitation.email) != user:
            raise MembershipRefused("This invitation is for another address.")
        _grant(invitation, user)


def _lock_usable(invitation: MemberInvitation) -> MemberInvitation:
    locked = (
        MemberInvitation.objects.usable()
        .select_for_update(of=("self",))
        .select_related("organisation", "invited_by")
        .filter(pk=invitation.pk)
        .first()
    )
    if locked is None:
        raise MembershipRefused("This invitation link is not valid any more.")
    return locked


def _grant(invitation: MemberInvitation, user) -> None:
    now = timezone.now()
    current = (
        OrganisationMember.objects.filter(
            user=user, organisation=invitation.organisation, revoked_at__isnull=True
        )
        .select_for_update()
        .first()
    )
    if current is None:
        access = OrganisationMember.objects.create(
            user=user,
            organisation=invitation.organisation,
            role=invitation.role,
            granted_at=now,
            granted_by=invitation.invited_by,
        )
        log(
            access,
            GRANT_ACTION,
            user=user,
            data={"role": access.role, "invitation": invitation.pk},
        )
    elif current.role != invitation.role:
        change_role(current, role=invitation.role, user=user)
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log(invitation, ACCEPT_ACTION, user=user)
    forget_cached_access(user)


def change_role(access: OrganisationMember, *, role: str, user) -> bool:
    """Give the member ``role`` on the organisation; whether anything changed."""
    if role not in MemberRole.values:
        raise MembershipRefused(f"Unknown role {role!r}.")
    if access.role == role or access.revoked_at is not None:
        return False
    previous = access.role
    access.role = role
    access.save(update_fields=["role"])
    log(access, CHANGE_ROLE_ACTION, user=user, data={"from": previous, "to": role})
    forget_cached_access(access.user)
    return True


def revoke_access(access: OrganisationMember, *, user) -> int | None:
    """End the member's access to the organisation, and revoke the API tokens that act for
    the member on it; the number of tokens revoked, or None when the access had ended
    already."""
    now = timezone.now()
    with transaction.atomic():
        locked = (
            OrganisationMember.objects.select_for_update()
            .filter(pk=access.pk, revoked_at__isnull=True)
            .first()
        )
        if locked is None:
            return None
        locked.revoked_at = now
        locked.revoked_by = user
        locked.save(update_fields=["revoked_at", "revoked_by"])
        tokens = OrganisationToken.objects.filter(
            user_id=locked.user_id, organisation_id=locked.organisation_id, revoked_at__isnull=True
        ).update(revoked_at=now, revoked_by=user)
        log(locked, REVOKE_ACCESS_ACTION, user=user, data={"tokens_revoked": tokens})
    access.revoked_at, access.revoked_by = locked.revoked_at, locked.revoked_by
    forget_cached_access(access.user)
    return tokens


def deactivate_account(member, *, user) -> None:
    """Deactivate a member account: it loses every access on its next request (access
    and tokens count only for active accounts). Staff accounts are refused."""
    if not in_members_group(member):
        raise MembershipRefused("Only member accounts are deactivated here.")
    if not member.is_active:
        return
    member.is_active = False
    member.save(update_fields=["is_active"])
    log(member, DEACTIVATE_ACTION, user=user)
    forget_cached_access(member)
