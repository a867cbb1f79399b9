"""Endpoint secrets and the signature of every delivery.

The secret of an endpoint is ``whsec_`` followed by 32 bytes, URL-safe base64. It is not
stored: each endpoint keeps a random salt, and the secret is the HMAC-SHA256 of that salt
under the ``WEBHOOK_SECRET_KEY`` setting (``SECRET_KEY`` unless set). The database alone
therefore reveals no secret, and the hub can still sign with it at any time. Changing
``WEBHOOK_SECRET_KEY`` changes every endpoint's secret at once; each frontend then needs
its new secret (rotate it in the admin to see it).

A delivery is signed like Stripe's webhooks: the HMAC-SHA256, keyed with the secret's
UTF-8 bytes, of ``"<unix timestamp>.<raw body>"``, sent as ``X-Hub-Signature:
sha256=<hex>`` next to ``X-Hub-Timestamp: <unix timestamp>``.
"""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

SECRET_PREFIX = "whsec_"
SIGNATURE_SCHEME = "sha256"
# Characters of the secret after "whsec_" kept to recognise it; 36 bits, no use to guess it.
RECOGNISABLE_CHARACTERS = 6
_DERIVATION_SALT = "api.webhooks.endpoint-secret"


def new_secret_salt() -> str:
    """Random input for one endpoint's secret (256 bits)."""
    return secrets.token_urlsafe(32)


def derive_secret(salt: str) -> str:
    """The endpoint secret that ``salt`` stands for: ``whsec_`` + 43 characters."""
    key = getattr(settings, "WEBHOOK_SECRET_KEY", "") or settings.SECRET_KEY
    digest = salted_hmac(_DERIVATION_SALT, salt, secret=key, algorithm="sha256").digest()
    return SECRET_PREFIX + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def secret_prefix(secret: str) -> str:
    """The recognisable start of a secret: ``whsec_AbC123``."""
    return secret[: len(SECRET_PREFIX) + RECOGNISABLE_CHARACTERS]


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-Hub-Signature`` value of ``body`` sent at ``timestamp``.

    >>> signature(secret="whsec_test", timestamp=1700000000, body=b'{"id":"1"}')
    'sha256=11bf4466ea17c3df3fd743af0b435368e16b7a05eb8eced85e8c4670767bdec5'
    """
    signed = str(timestamp).encode("ascii") + b"." + body
    digest = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_SCHEME}={digest}"
