"""Creating, hashing and resolving organisation API tokens.

A token looks like ``chm_3kTq9...`` (4 + 43 characters). Only
``HMAC-SHA256(SECRET_KEY, token)`` is stored; lookups try the current key and
``SECRET_KEY_FALLBACKS``, so tokens survive a key rotation window.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from api.members.models import OrganisationToken

TOKEN_PREFIX = "chm_"
DISPLAY_PREFIX_LENGTH = 12
KEY_SALT = "api.members.token"
DEFAULT_LIFETIME = timedelta(days=90)
MAX_LIFETIME = timedelta(days=365)


def hash_token(token: str, *, secret_key: str | None = None) -> str:
    return salted_hmac(KEY_SALT, token, secret=secret_key, algorithm="sha256").hexdigest()


def candidate_hashes(token: str) -> list[str]:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [hash_token(token, secret_key=key) for key in keys]


def create_token(
    *, organisation, user, name: str, created_by, expires_at=None
) -> tuple[OrganisationToken, str]:
    """Create a token; returns ``(token, plaintext)``. The plaintext exists only here."""
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = OrganisationToken.objects.create(
        organisation=organisation,
        user=user,
        name=name,
        created_by=created_by,
        prefix=plaintext[:DISPLAY_PREFIX_LENGTH],
        key_hash=hash_token(plaintext),
        expires_at=expires_at or timezone.now() + DEFAULT_LIFETIME,
    )
    return token, plaintext


def find_token(plaintext: str) -> OrganisationToken | None:
    """The token with this plaintext, usable or not; None for an unknown token."""
    if not plaintext.startswith(TOKEN_PREFIX) or len(plaintext) > 100:
        return None
    return (
        OrganisationToken.objects.select_related("user", "organisation")
        .filter(key_hash__in=candidate_hashes(plaintext))
        .first()
    )
