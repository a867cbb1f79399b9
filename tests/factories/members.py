"""Member accounts, their access to organisations, and organisation API tokens.

The "Members" group comes from the data migration ``hub/migrations/0005_member_profile_review``.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from api.members.tokens import create_token
from hub.members.models import OrganisationMember
from hub.members.roles import MEMBERS, MemberRole
from tests.factories.users import UserFactory, join_groups


class MemberFactory(UserFactory):
    """A member account (group "Members") with no organisation yet; see :func:`grant`."""

    username = factory.Sequence(lambda n: f"member{n}@example.com")
    email = factory.LazyAttribute(lambda user: user.username)
    first_name = "Marta"
    last_name = factory.Sequence(lambda n: f"Mitglied {n}")
    groups = join_groups(MEMBERS)


def grant(user, organisation, role: str = MemberRole.EDITOR, **fields) -> OrganisationMember:
    """Give ``user`` access to ``organisation`` (source locale) with ``role``."""
    return OrganisationMember.objects.create(
        user=user, organisation=organisation, role=role, **fields
    )


def member_of(organisation, role: str = MemberRole.EDITOR, **user_fields):
    """A new member account with ``role`` on ``organisation``."""
    user = MemberFactory(**user_fields)
    grant(user, organisation, role)
    return user


def token_for(user, organisation, *, name: str = "Member portal", expires_in=None) -> str:
    """A new organisation token acting for ``user``; returns the plaintext.

    ``expires_in`` (a timedelta) may be negative for an expired token.
    """
    expires_at = timezone.now() + (expires_in if expires_in is not None else timedelta(days=30))
    _, plaintext = create_token(
        organisation=organisation, user=user, name=name, created_by=user, expires_at=expires_at
    )
    return plaintext


def published_organisation(**fields):
    """A German organisation with a published revision, as staff leave it (OrganisationFactory
    alone creates the live row without revisions)."""
    from snippets.models import Organisation
    from tests.factories.snippets import OrganisationFactory

    organisation = OrganisationFactory(**fields)
    organisation.save_revision().publish()
    return Organisation.objects.get(pk=organisation.pk)
