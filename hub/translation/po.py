"""PO files of a translation: an export that GNU gettext accepts and a strict, atomic import.

wagtail-localize's own import is lenient: a file for another translation is silently
ignored, unknown strings come back only as warnings, and broken markup is stored and
flagged later. Translators working with external tools need to know when their file does
not fit, so :func:`import_po` checks the whole file first and either imports all of it or
nothing, with a message that says what is wrong.
"""

from __future__ import annotations

import gettext
import re
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import django
import polib
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import to_locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

from hub.translation.bulk_import import import_translated_strings

TOOL_NAME = "PO file"
# Entries named in an error message; the rest are counted.
LISTED_ENTRIES = 5
DEFAULT_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
DJANGO_LOCALE_DIR = Path(django.__file__).resolve().parent / "conf" / "locale"


class PoImportError(Exception):
    """A PO file was refused; the message is meant for the person who uploaded it."""


@dataclass(frozen=True)
class ImportResult:
    total: int  # string segments in the translation's source
    translated: int  # of these, translated into the target locale after the import
    changed: int  # translations the file added or changed
    fuzzy: int  # entries marked fuzzy by a tool, left out as unconfirmed

    def summary(self) -> str:
        text = (
            f"{self.changed} translation{'s' if self.changed != 1 else ''} added or changed; "
            f"{self.translated} of {self.total} segments are translated."
        )
        if self.fuzzy:
            text += f" {self.fuzzy} entries marked fuzzy were left out."
        return text


# Export


def export_po(translation: Translation) -> bytes:
    """The translation as a UTF-8 PO file whose header passes ``msgfmt --check``.

    Starts from localize's export (source strings, current translations, obsolete entries
    for strings the source no longer has, the ``X-WagtailLocalize-TranslationID`` the import
    needs) and completes the header that gettext tools expect.
    """
    po = translation.export_po()
    # A sentence repeated within one rich text block is one string in one context and so has
    # one translation, but localize lists it once per occurrence; msgfmt rejects the repeat.
    po[:] = _without_repeats(po)
    source = translation.source
    language = translation.target_locale.language_code
    latest = (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id, context__object_id=source.object_id
        )
        .select_related("last_translated_by")
        .order_by("-updated_at")
        .first()
    )
    po.header = (
        f"{_one_line(source.object_repr)}: {_language_name(source.locale.language_code)} "
        f"into {_language_name(language)}"
    )
    po.metadata = {
        "Project-Id-Version": f"{settings.WAGTAIL_SITE_NAME} - {_one_line(source.object_repr)}",
        "POT-Creation-Date": _po_date(source.last_updated_at),
        "PO-Revision-Date": _po_date(latest.updated_at if latest else source.last_updated_at),
        "Last-Translator": _translator(latest.last_translated_by if latest else None),
        "Language-Team": _language_name(language),
        "Language": to_locale(language),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(language),
        "X-WagtailLocalize-TranslationID": str(translation.uuid),
    }
    return str(po).encode("utf-8")


@cache
def plural_forms(language_code: str) -> str:
    """The gettext ``Plural-Forms`` of a language, taken from Django's own catalogues.

    Django ships a catalogue for every language a hub is likely to add, so a new locale
    needs no code here; languages without one (and English, whose catalogue has no header)
    get the two-form rule.
    """
    try:
        catalogue = gettext.translation(
            "django", localedir=DJANGO_LOCALE_DIR, languages=[to_locale(language_code)]
        )
    except OSError:
        return DEFAULT_PLURAL_FORMS
    return catalogue.info().get("plural-forms") or DEFAULT_PLURAL_FORMS


def _without_repeats(entries: list[polib.POEntry]) -> list[polib.POEntry]:
    seen, unique = set(), []
    for entry in entries:
        if _key(entry) not in seen:
            seen.add(_key(entry))
            unique.append(entry)
    return unique


def _po_date(value: datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M%z")


def _language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _translator(user) -> str:
    if user is None:
        return settings.WAGTAIL_SITE_NAME
    name = _one_line(user.get_full_name()) or user.get_username()
    return f"{name} <{user.email}>" if user.email else name


# Import


def import_po(translation: Translation, data: bytes, *, user) -> ImportResult:
    """Import a PO file into ``translation``, all of it or, with a :class:`PoImportError`, none.

    Refused: an empty or non-UTF-8 upload, a file that does not parse, a file without this
    translation's ``X-WagtailLocalize-TranslationID``, and entries that are not in the
    translation's current source, appear twice or carry markup the source does not have.
    Obsolete (``#~``) entries are reference only and skipped; entries a tool marked fuzzy
    are left out as unconfirmed. Blank ``msgstr`` leaves an existing translation as it is.
    ``user`` may be None for imports not made by a person (the demo content).
    """
    po = _parse(data)
    _check_translation_id(po, translation)
    current = _current_translations(translation)
    entries, fuzzy = _checked_entries(po, current, translation)
    changed = sum(1 for entry in entries if entry.msgstr != current[_key(entry)])

    selected = polib.POFile()
    selected.metadata = po.metadata
    selected.extend(entries)
    with transaction.atomic():
        # The set-wise import writes the same rows as localize's ``import_po`` in a handful of
        # queries instead of about seven per string (see tests/bench).
        imported = import_translated_strings(translation, selected, user=user, tool_name=TOOL_NAME)
        warnings = imported.warnings
        if warnings:
            # The checks above make this unreachable unless localize changes its rules;
            # rolling back keeps the import all or nothing even then.
            raise PoImportError(f"The PO file could not be imported: {warnings[0]!r}.")
    total, translated = translation.get_progress()
    return ImportResult(total=total, translated=translated, changed=changed, fuzzy=fuzzy)


def _parse(data: bytes) -> polib.POFile:
    if not data.strip():
        raise PoImportError("The uploaded file is empty.")
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PoImportError(
            f"The file is not UTF-8 encoded (byte {error.start + 1} is not valid UTF-8). "
            "Save it as UTF-8 and upload it again."
        ) from None
    # polib reads a file by name when given a string that names one, so the upload goes
    # through a temporary file instead of being passed as text.
    with tempfile.NamedTemporaryFile(suffix=".po") as file:
        file.write(data)
        file.flush()
        try:
            po = polib.pofile(file.name, encoding="utf-8")
        except (OSError, ValueError, UnicodeDecodeError) as error:
            line = re.search(r"line (\d+)", str(error))
            where = f" (syntax error in line {line.group(1)})" if line else ""
            raise PoImportError(f"The file is not a valid PO file{where}.") from None
    charset = re.search(r"charset=([\w.:-]+)", po.metadata.get("Content-Type", ""))
    if charset and charset.group(1).lower().replace("_", "-") not in {"utf-8", "utf8"}:
        raise PoImportError(
            f"The file declares the encoding {charset.group(1)}; only UTF-8 PO files are accepted."
        )
    return po


def _check_translation_id(po: polib.POFile, translation: Translation) -> None:
    value = po.metadata.get("X-WagtailLocalize-TranslationID", "").strip()
    if not value:
        raise PoImportError(
            "The file has no X-WagtailLocalize-TranslationID header, so it cannot be matched "
            "to this translation. Download the PO file of this translation and fill in that one."
        )
    if value == str(translation.uuid):
        return
    try:
        other = (
            Translation.objects.select_related("source", "target_locale")
            .filter(uuid=uuid.UUID(value))
            .first()
        )
    except ValueError:
        other = None
    exported_for = (
        f"was exported for “{other.source.object_repr}” "
        f"({_language_name(other.target_locale.language_code)})"
        if other
        else "belongs to another translation"
    )
    raise PoImportError(
        f"The file {exported_for}, not for this one. Download the PO file of this "
        "translation and fill in that one."
    )


def _key(entry: polib.POEntry) -> tuple[str, str | None]:
    return entry.msgid, entry.msgctxt


def _current_translations(translation: Translation) -> dict[tuple[str, str], str | None]:
    """(source string, context path) of every segment to translate -> its translation or None."""
    return {
        (data, path): translated
        for data, path, translated in StringSegment.objects.filter(source_id=translation.source_id)
        .annotate_translation(translation.target_locale_id, include_errors=True)
        .values_list("string__data", "context__path", "translation")
    }


def _checked_entries(
    po: polib.POFile, current: dict, translation: Translation
) -> tuple[list[polib.POEntry], int]:
    """The entries to import, and how many fuzzy ones were left out; raises on any problem."""
    unknown, duplicates, bad_markup = [], [], []
    seen = set()
    entries, fuzzy = [], 0
    for entry in po:
        if entry.obsolete:
            continue
        key = _key(entry)
        if key in seen:
            duplicates.append(entry)
            continue
        seen.add(key)
        if entry.msgid_plural or key not in current:
            unknown.append(entry)
            continue
        if "fuzzy" in entry.flags:
            fuzzy += 1
            continue
        if not entry.msgstr:
            continue
        try:
            StringValue.from_translated_html(entry.msgstr)
            validate_translation_links(entry.msgid, entry.msgstr)
        except ValueError as error:
            bad_markup.append((entry, str(error)))
            continue
        entries.append(entry)

    problems = []
    if unknown:
        problems.append(
            f"{_count(unknown, 'entry is', 'entries are')} not in the current source of "
            f"“{translation.source.object_repr}” ({_listing(unknown)})"
        )
    if duplicates:
        problems.append(
            f"{_count(duplicates, 'entry appears', 'entries appear')} twice "
            f"({_listing(duplicates)})"
        )
    if bad_markup:
        details = "; ".join(
            f"line {entry.linenum}: {message}" for entry, message in bad_markup[:LISTED_ENTRIES]
        )
        problems.append(
            f"{_count(bad_markup, 'translation has', 'translations have')} markup that does "
            f"not fit its source ({details}{_more(bad_markup)})"
        )
    if problems:
        hint = (
            " Download the PO file of this translation again: the source may have changed."
            if unknown
            else ""
        )
        raise PoImportError(
            f"The PO file was not imported: {'. '.join(problems)}. Nothing was changed.{hint}"
        )
    return entries, fuzzy


def _count(items: list, singular: str, plural: str) -> str:
    return f"1 {singular}" if len(items) == 1 else f"{len(items)} {plural}"


def _listing(entries: list[polib.POEntry]) -> str:
    return "; ".join(
        f"line {entry.linenum}: “{_shorten(entry.msgid)}”"
        + (f" in {entry.msgctxt}" if entry.msgctxt else " without context")
        for entry in entries[:LISTED_ENTRIES]
    ) + _more(entries)


def _more(items: list) -> str:
    return f"; and {len(items) - LISTED_ENTRIES} more" if len(items) > LISTED_ENTRIES else ""


def _shorten(text: str, limit: int = 60) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
