"""Importing translated strings into a translation in a fixed number of queries.

wagtail-localize's ``Translation.import_po`` handles a PO file entry by entry: it looks up the
string, the context and the segment, then gets or creates the translation, about seven queries
per segment (a 200-segment page: some 1,400 queries). ``import_translated_strings`` does the
same work set-wise: one query per kind of lookup for all entries, and a single upsert that
writes every new or changed translation (on SQLite, Django splits it into batches to stay
within 999 parameters per statement).

It leaves the database exactly as ``import_po`` does: the same StringTranslation rows (text,
translation type, tool, translator, error flag; an unchanged translation is not touched, a
blank msgstr is skipped), the same draft title on a translated page, and the same warnings
for entries it cannot place. Bulk writes send no ``post_save`` signals; the only receiver
there is (localize's draft-title update) is applied here directly.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import (
    POImportWarning,
    String,
    StringNotUsedInContext,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    UnknownContext,
    UnknownString,
)
from wagtail_localize.strings import StringValue, validate_translation_links

# What an import sets on a translation that exists already (``updated_at`` is auto_now).
UPDATED_FIELDS = [
    "data",
    "translation_type",
    "tool_name",
    "last_translated_by",
    "updated_at",
    "has_error",
]
UNIQUE_FIELDS = ["locale", "translation_of", "context"]


class Entry(Protocol):
    """What is read from an entry: ``polib.POEntry`` has it."""

    msgid: str
    msgctxt: str | None
    msgstr: str


@dataclass
class ImportedStrings:
    """What an import did; ``warnings`` are the entries it could not place, as localize's."""

    created: int = 0
    updated: int = 0
    warnings: list[POImportWarning] = field(default_factory=list)


@transaction.atomic
def import_translated_strings(
    translation: Translation,
    entries: Iterable[Entry],
    *,
    user,
    tool_name: str,
    translation_type: str = StringTranslation.TRANSLATION_TYPE_MANUAL,
) -> ImportedStrings:
    """Save the msgstr of each entry as the translation of its msgid in its msgctxt.

    ``entries`` may be a ``polib.POFile``. The caller checks that the entries belong to
    ``translation`` (the PO file's ``X-WagtailLocalize-TranslationID``).
    """
    entries = list(entries)
    source = translation.source
    strings = _strings_by_hash(source.locale_id, entries)
    contexts = _contexts_by_path(source.object_id, entries)
    result = ImportedStrings()

    placed: list[tuple[int, String, TranslationContext, str]] = []
    for index, entry in enumerate(entries):
        string = strings.get(String._get_data_hash(entry.msgid))
        if string is None:
            result.warnings.append(UnknownString(index, entry.msgid))
            continue
        context = contexts.get(entry.msgctxt)
        if context is None:
            result.warnings.append(UnknownContext(index, entry.msgctxt))
            continue
        if entry.msgstr:
            placed.append((index, string, context, entry.msgstr))

    pairs = {(string.pk, context.pk) for _index, string, context, _text in placed}
    in_use = _pairs_in_use(pairs)
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            translation_of_id__in={string_id for string_id, _context_id in pairs},
            context_id__in={context_id for _string_id, context_id in pairs},
        )
    }

    # Entries are replayed in file order so that a pair listed twice ends as localize leaves
    # it: the last text wins, and any change on the way counts.
    written: dict[tuple[int, int], StringTranslation] = {}
    for index, string, context, text in placed:
        pair = (string.pk, context.pk)
        if pair not in in_use:
            result.warnings.append(StringNotUsedInContext(index, string.data, context.path))
            continue
        current = written.get(pair, existing.get(pair))
        if current is not None and current.data == text:
            continue
        written[pair] = StringTranslation(
            translation_of=string,
            locale_id=translation.target_locale_id,
            context=context,
            data=text,
            translation_type=translation_type,
            tool_name=tool_name,
            last_translated_by=user,
            has_error=not _is_valid_translation(string.data, text),
            field_error="",
        )

    _upsert(list(written.values()))
    _update_draft_titles(written.values())
    result.created = sum(1 for pair in written if pair not in existing)
    result.updated = len(written) - result.created
    result.warnings.sort(key=lambda warning: warning.index)
    return result


def _strings_by_hash(locale_id: int, entries: list[Entry]) -> dict:
    hashes = {String._get_data_hash(entry.msgid) for entry in entries}
    return {
        string.data_hash: string
        for string in String.objects.filter(locale_id=locale_id, data_hash__in=hashes)
    }


def _contexts_by_path(object_id, entries: list[Entry]) -> dict[str, TranslationContext]:
    # Looked up by the hashed path, which the (object, path_id) unique index covers.
    paths = {entry.msgctxt for entry in entries if entry.msgctxt is not None}
    path_ids = {TranslationContext._get_path_id(path) for path in paths}
    return {
        context.path: context
        for context in TranslationContext.objects.filter(object_id=object_id, path_id__in=path_ids)
    }


def _pairs_in_use(pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Those of the (string id, context id) pairs that a segment uses or that were translated.

    localize accepts a string in a context where no segment uses it any more only when it
    has a translation there (in any locale): the obsolete entries of its own exports.
    """
    if not pairs:
        return set()
    in_use = _pairs_found(StringSegment.objects.all(), "string_id", pairs)
    if pairs - in_use:
        in_use |= _pairs_found(StringTranslation.objects.all(), "translation_of_id", pairs - in_use)
    return in_use & pairs


def _pairs_found(queryset, string_field: str, pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    return set(
        queryset.filter(
            **{f"{string_field}__in": {string_id for string_id, _context_id in pairs}},
            context_id__in={context_id for _string_id, context_id in pairs},
        ).values_list(string_field, "context_id")
    )


def _is_valid_translation(source_text: str, text: str) -> bool:
    """The check ``StringTranslation.save`` makes before it sets ``has_error``."""
    try:
        StringValue.from_translated_html(text)
        validate_translation_links(source_text, text)
    except ValueError:
        return False
    return True


def _upsert(rows: list[StringTranslation]) -> None:
    """Insert the new translations and update the changed ones in one statement.

    Existing rows are matched on their unique fields; ``created_at`` and ``field_error``
    keep their values, as localize's import leaves them.
    """
    if rows:
        StringTranslation.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=UNIQUE_FIELDS,
            update_fields=UPDATED_FIELDS,
        )


def _update_draft_titles(rows: Iterable[StringTranslation]) -> None:
    """Apply localize's post_save receiver: a translated page title becomes the draft title."""
    for row in rows:
        if row.context.path == "title":
            Page.objects.filter(
                translation_key=row.context.object_id, locale_id=row.locale_id
            ).update(draft_title=row.data)
