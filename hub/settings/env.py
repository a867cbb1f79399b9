"""The one place settings read the environment.

Every setting that varies between machines comes through :class:`Env`, so the list of
variables in the README and the code cannot drift apart unnoticed: each accessor names
the variable, its type and its default in one call.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import URLValidator

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


_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$", re.IGNORECASE)
DEEPL_TRANSLATOR_CLASS = "hub.translation.machine.DeepLTranslator"


def parse_glossary_ids(raw: str, *, name: str = "DEEPL_GLOSSARY_IDS") -> dict[tuple[str, str], str]:
    """DeepL glossary ids by (source, target) language, from ``de:en=<uuid>,de:pl=<uuid>``.

    Keys are upper-cased as DeepL spells languages (``("DE", "EN")``), the form
    wagtail-localize's DeepL translator looks them up in.

    >>> parse_glossary_ids("de:en=0c4bd5a6-3a4e-4f7e-9a39-4d1c7a0e8b11")
    {('DE', 'EN'): '0c4bd5a6-3a4e-4f7e-9a39-4d1c7a0e8b11'}
    """
    glossaries: dict[tuple[str, str], str] = {}
    for item in (part.strip() for part in raw.split(",")):
        if not item:
            continue
        pair, equals, glossary_id = (text.strip() for text in item.partition("="))
        source, colon, target = (text.strip() for text in pair.partition(":"))
        if not (equals and colon and _LANGUAGE_CODE.match(source) and _LANGUAGE_CODE.match(target)):
            raise ImproperlyConfigured(
                f"{name} must look like 'de:en=<glossary id>,de:pl=<glossary id>', got {item!r}."
            )
        try:
            glossary_id = str(uuid.UUID(glossary_id))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {glossary_id!r} for {pair} is not a DeepL glossary id (a UUID)."
            ) from None
        key = (source.upper(), target.upper())
        if key[0] == key[1]:
            raise ImproperlyConfigured(f"{name}: {pair} translates a language into itself.")
        if key in glossaries:
            raise ImproperlyConfigured(f"{name}: {pair} is given twice.")
        glossaries[key] = glossary_id
    return glossaries


def deepl_machine_translator(env: Env) -> dict | None:
    """``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` for DeepL, or None without ``DEEPL_API_KEY``.

    ``DEEPL_GLOSSARY_IDS`` and ``DEEPL_API_URL`` without a key are a mistake, not a choice,
    and refuse to start.
    """
    if not env.is_set("DEEPL_API_KEY"):
        stray = [name for name in ("DEEPL_GLOSSARY_IDS", "DEEPL_API_URL") if env.is_set(name)]
        if stray:
            raise ImproperlyConfigured(f"{' and '.join(stray)} need DEEPL_API_KEY to be set.")
        return None
    options: dict[str, object] = {
        "AUTH_KEY": env.str("DEEPL_API_KEY"),
        "GLOSSARY_IDS": parse_glossary_ids(env.str("DEEPL_GLOSSARY_IDS")),
    }
    if api_url := env.str("DEEPL_API_URL"):
        try:
            URLValidator(schemes=["http", "https"])(api_url)
        except ValidationError:
            raise ImproperlyConfigured(
                f"DEEPL_API_URL must be an http(s) URL, got {api_url!r}."
            ) from None
        options["API_URL"] = api_url
    return {"CLASS": DEEPL_TRANSLATOR_CLASS, "OPTIONS": options}
