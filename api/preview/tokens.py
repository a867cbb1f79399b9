"""Preview tokens: a snapshot's id, signed with the hub's SECRET_KEY and a timestamp.

A token reads ``<snapshot id>:<timestamp>:<signature>``, e.g.
``0c7b2e0f6a1d4c55b1e2d1f0a9c8b7e6:1vQx3a:Jk3...``. It is valid for
``PREVIEW_TOKEN_MAX_AGE`` seconds (default one hour) after it was issued. Nothing about it
is stored: the signature proves that the hub issued it, and the timestamp inside it says
when. Signing uses a salt of its own, so no other signed value of the hub (sessions,
password reset links) passes as a preview token. Tokens are bearer credentials for one
draft: the hub never logs them.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "api.preview.token"
DEFAULT_MAX_AGE = 3600


class InvalidPreviewToken(Exception):
    """The token was not issued by this hub, or it was changed."""


class ExpiredPreviewToken(Exception):
    """The token was issued by this hub but is older than its lifetime."""


@dataclass(frozen=True)
class PreviewToken:
    """What a valid token says."""

    snapshot_id: uuid.UUID
    expires_at: datetime.datetime


def token_max_age() -> int:
    """Seconds a token stays valid: the ``PREVIEW_TOKEN_MAX_AGE`` setting."""
    return int(getattr(settings, "PREVIEW_TOKEN_MAX_AGE", DEFAULT_MAX_AGE))


class _PreviewTokenSigner(signing.TimestampSigner):
    def issued_at(self, token: str) -> datetime.datetime:
        """When a token whose signature is known to be valid was signed."""
        _value, encoded_timestamp = token.rsplit(self.sep, 2)[:2]
        timestamp = signing.b62_decode(encoded_timestamp)
        return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)


def _signer() -> _PreviewTokenSigner:
    return _PreviewTokenSigner(salt=SALT)


def issue_token(snapshot_id: uuid.UUID) -> str:
    """A new token for the snapshot with ``snapshot_id``."""
    return _signer().sign(snapshot_id.hex)


def read_token(token: str) -> PreviewToken:
    """The snapshot id and expiry of ``token``.

    Raises InvalidPreviewToken for a token with a wrong signature or an unreadable one, and
    ExpiredPreviewToken for a genuine one that is too old.
    """
    signer = _signer()
    max_age = token_max_age()
    try:
        value = signer.unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredPreviewToken from error
    except signing.BadSignature as error:
        raise InvalidPreviewToken from error
    try:
        snapshot_id = uuid.UUID(hex=value)
    except ValueError as error:
        # Signed by this hub with this salt, yet no snapshot id: not a token of ours.
        raise InvalidPreviewToken from error
    expires_at = signer.issued_at(token) + datetime.timedelta(seconds=max_age)
    return PreviewToken(snapshot_id=snapshot_id, expires_at=expires_at)
