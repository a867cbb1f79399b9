"""The one place settings read the environment.

Every setting that varies between machines comes through :class:`Env`, so the list of
variables in the README and the code cannot drift apart unnoticed: each accessor names
the variable, its type and its default in one call.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class Env:
    """Typed access to environment variables with explicit defaults.

    >>> env = Env({"DEBUG": "yes", "HOSTS": "a.example, b.example"})
    >>> env.bool("DEBUG", default=False)
    True
    >>> env.list("HOSTS")
    ['a.example', 'b.example']
    """

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = os.environ if environ is None else environ

    def is_set(self, name: str) -> bool:
        return bool(self._environ.get(name, "").strip())

    def str(self, name: str, default: str = "") -> str:
        value = self._environ.get(name)
        return default if value is None or value.strip() == "" else value.strip()

    def required(self, name: str, *, why: str) -> str:
        """Return the variable or refuse to start, saying what it is for."""
        value = self.str(name)
        if not value:
            raise ImproperlyConfigured(f"The environment variable {name} must be set: {why}.")
        return value

    def bool(self, name: str, default: bool) -> bool:
        raw = self._environ.get(name)
        if raw is None or not raw.strip():
            return default
        lowered = raw.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}.")

    def int(self, name: str, default: int) -> int:
        raw = self.str(name)
        if not raw:
            return default
        try:
            return int(raw)
        except ValueError as error:
            raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}.") from error

    def list(self, name: str, default: list[str] | None = None) -> list[str]:
        """A comma-separated list; blank items are dropped."""
        raw = self.str(name)
        if not raw:
            return list(default or [])
        return [item.strip() for item in raw.split(",") if item.strip()]


env = Env()
