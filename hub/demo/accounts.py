"""The first administrator of a fresh hub."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from hub.settings.env import env


@dataclass(frozen=True)
class NewSuperuser:
    username: str
    generated_password: str | None


def ensure_superuser() -> NewSuperuser | None:
    """Create a superuser unless one exists; None when there was one already.

    The name, password and email come from ``HUB_ADMIN_USERNAME``, ``HUB_ADMIN_PASSWORD`` and
    ``HUB_ADMIN_EMAIL``. Without a password a random one is generated; the caller shows it
    once and it is stored nowhere but as a hash.
    """
    user_model = get_user_model()
    if user_model.objects.filter(is_superuser=True).exists():
        return None
    username = env.str("HUB_ADMIN_USERNAME", "admin")
    if user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).exists():
        raise CommandError(
            f"A user {username!r} exists but is not a superuser. Set HUB_ADMIN_USERNAME to "
            "another name, or make that user a superuser."
        )
    password = env.str("HUB_ADMIN_PASSWORD")
    alphabet = string.ascii_letters + string.digits
    generated = None if password else "".join(secrets.choice(alphabet) for _ in range(20))
    user_model.objects.create_superuser(
        username, email=env.str("HUB_ADMIN_EMAIL"), password=password or generated
    )
    return NewSuperuser(username, generated)
