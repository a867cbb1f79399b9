"""The set-wise import of translated strings leaves what localize's ``import_po`` leaves.

Each case runs localize's import first, inside a savepoint that is rolled back, and then
``import_translated_strings`` from the same starting state: the StringTranslation rows, the
draft titles of translated pages and the warnings must be the same.
"""

import math

import polib
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail_localize.models import (
    StringNotUsedInContext,
    StringTranslation,
    Translation,
    UnknownContext,
    UnknownString,
)

from hub.translation.bulk_import import import_translated_strings
from tests.factories import StandardPageFactory, locale
from tests.factories.translations import start_translation

TOOL_NAME = "PO file"
BODY = [
    (
        "paragraph",
        "<p>Das Netzwerk verbindet <b>19 Mitglieder</b>.</p>"
        '<p>Mehr steht im <a href="https://www.example.org/bericht">Jahresbericht</a>.</p>',
    ),
    ("heading", {"text": "Kompetenzregion Westharz", "level": "h2"}),
    (
        "quote",
        {
            "text": "Die Region lebt von ihrer Chemie.",
            "attribution": "Dr. Christoph Mühlhaus",
            "role": "Clustersprecher",
        },
    ),
]
# Title, slug, two HTML paragraphs, the heading and the quote's three texts.
SEGMENTS = 8


@pytest.fixture
def translation(db) -> Translation:
    return start_translation(StandardPageFactory(title="Über uns", body=BODY))


@pytest.fixture
def translator(django_user_model):
    return django_user_model.objects.create_user(username="translator")


def po_file(entries) -> polib.POFile:
    po = polib.POFile()
    po.extend(entries)
    return po


def entries_of(translation: Translation, *, wording: str = "English") -> list[polib.POEntry]:
    """Every entry of the translation's export, filled in with ``wording`` before the msgid."""
    entries = list(translation.export_po())
    for entry in entries:
        entry.msgstr = f"{wording} {entry.msgid}"
    return entries


def entry_for(entries: list[polib.POEntry], path: str) -> polib.POEntry:
    [entry] = [entry for entry in entries if entry.msgctxt == path]
    return entry


def outcome(translation: Translation) -> dict:
    """What an import changes: the translation's rows (without keys and times), draft titles."""
    rows = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id, context__object_id=translation.source.object_id
    ).values(
        "translation_of__data",
        "context__path",
        "data",
        "translation_type",
        "tool_name",
        "last_translated_by_id",
        "has_error",
        "field_error",
    )
    titles = Page.objects.filter(translation_key=translation.source.object_id).values_list(
        "locale__language_code", "draft_title"
    )
    return {
        "rows": sorted(rows, key=lambda row: (row["translation_of__data"], row["context__path"])),
        "draft_titles": sorted(titles),
    }


def made_by(row: dict) -> tuple[str, int]:
    return row["tool_name"], row["last_translated_by_id"]


def import_both_ways(translation: Translation, entries, *, user):
    """Import with localize (rolled back), then in bulk: the outcomes must be the same.

    Returns the bulk import's result and the outcome both imports had.
    """
    with transaction.atomic():
        localize_warnings = translation.import_po(po_file(entries), user=user, tool_name=TOOL_NAME)
        localize_outcome = outcome(translation)
        transaction.set_rollback(True)
    result = import_translated_strings(translation, entries, user=user, tool_name=TOOL_NAME)
    assert outcome(translation) == localize_outcome
    assert result.warnings == localize_warnings
    return result, localize_outcome


def test_new_translations(translation, translator):
    result, imported = import_both_ways(translation, entries_of(translation), user=translator)

    assert (result.created, result.updated) == (SEGMENTS, 0)
    assert translation.get_progress() == (SEGMENTS, SEGMENTS)
    assert {row["data"] for row in imported["rows"]} >= {
        "English Kompetenzregion Westharz",
        'English Mehr steht im <a id="a1">Jahresbericht</a>.',
    }
    assert {made_by(row) for row in imported["rows"]} == {(TOOL_NAME, translator.pk)}


def test_changed_unchanged_and_blank_entries(translation, translator, staff_user):
    translation.import_po(
        po_file(entries_of(translation, wording="Draft")), user=staff_user, tool_name="earlier"
    )
    entries = entries_of(translation, wording="Draft")
    by_text = {entry.msgid: entry for entry in entries}
    by_text["Kompetenzregion Westharz"].msgstr = "Westharz, a region of expertise"
    by_text["Clustersprecher"].msgstr = "Cluster spokesman"
    by_text["Die Region lebt von ihrer Chemie."].msgstr = ""

    result, imported = import_both_ways(translation, entries, user=translator)

    assert (result.created, result.updated) == (0, 2)
    rows = {row["translation_of__data"]: row for row in imported["rows"]}
    changed = rows["Kompetenzregion Westharz"]
    assert changed["data"] == "Westharz, a region of expertise"
    assert made_by(changed) == (TOOL_NAME, translator.pk)
    # Unchanged and blank entries leave the earlier translation as it was.
    unchanged = rows["Dr. Christoph Mühlhaus"]
    assert unchanged["data"] == "Draft Dr. Christoph Mühlhaus"
    assert made_by(unchanged) == ("earlier", staff_user.pk)
    blank = rows["Die Region lebt von ihrer Chemie."]
    assert blank["data"] == "Draft Die Region lebt von ihrer Chemie."
    assert made_by(blank) == ("earlier", staff_user.pk)


def test_blank_msgstr_creates_nothing(translation, translator):
    entries = entries_of(translation)
    for entry in entries[1:]:
        entry.msgstr = ""

    result, imported = import_both_ways(translation, entries, user=translator)

    assert (result.created, len(imported["rows"])) == (1, 1)


def test_entries_it_cannot_place_warn_alike(translation, translator):
    entries = entries_of(translation)
    title = entry_for(entries, "title")
    entries += [
        polib.POEntry(msgid=title.msgid, msgctxt="slug", msgstr="Wrong field"),
        polib.POEntry(msgid="Nicht im Text", msgctxt="title", msgstr="Not in the text"),
        polib.POEntry(msgid=title.msgid, msgctxt="body.no-such-block", msgstr="Elsewhere"),
        polib.POEntry(msgid=title.msgid, msgstr="Without context"),
    ]

    result, _imported = import_both_ways(translation, entries, user=translator)

    # In file order, as localize reports them.
    assert result.warnings == [
        StringNotUsedInContext(SEGMENTS, title.msgid, "slug"),
        UnknownString(SEGMENTS + 1, "Nicht im Text"),
        UnknownContext(SEGMENTS + 2, "body.no-such-block"),
        UnknownContext(SEGMENTS + 3, None),
    ]
    assert result.created == SEGMENTS


def test_obsolete_entries_that_were_translated_are_accepted(translation, translator):
    translation.import_po(po_file(entries_of(translation)), user=translator, tool_name="earlier")
    page = translation.source.get_source_instance()
    page.body[1].value["text"] = "Chemiestandort Westharz"
    page.save_revision().publish()
    translation.source.update_from_db()
    entries = list(translation.export_po())
    [obsolete] = [entry for entry in entries if entry.obsolete]
    assert obsolete.msgid == "Kompetenzregion Westharz"
    obsolete.msgstr = "Westharz, a region of expertise"

    result, _imported = import_both_ways(translation, entries, user=translator)

    assert (result.created, result.updated, result.warnings) == (0, 1, [])


@pytest.mark.parametrize(
    "msgstr",
    [
        'More in the <a id="a7">annual report</a>.',  # a link the source does not have
        "More in the <script>annual report</script>.",  # a tag translations may not use
    ],
)
def test_broken_markup_is_stored_with_its_error_flag(translation, translator, msgstr):
    entries = entries_of(translation)
    [link_entry] = [entry for entry in entries if "<a " in entry.msgid]
    link_entry.msgstr = msgstr

    result, imported = import_both_ways(translation, entries, user=translator)

    assert result.created == SEGMENTS
    assert [row["data"] for row in imported["rows"] if row["has_error"]] == [msgstr]


def test_changing_a_translation_keeps_its_field_error_and_clears_its_flag(translation, translator):
    translation.import_po(po_file(entries_of(translation)), user=translator, tool_name="earlier")
    slug_translation = StringTranslation.objects.get(context__path="slug")
    slug_translation.has_error, slug_translation.field_error = True, "This slug is in use."
    slug_translation.save(update_fields=["has_error", "field_error"])
    entries = entries_of(translation)
    entry_for(entries, "slug").msgstr = "about-us"

    result, imported = import_both_ways(translation, entries, user=translator)

    assert result.updated == 1
    [slug] = [row for row in imported["rows"] if row["context__path"] == "slug"]
    assert (slug["data"], made_by(slug)) == ("about-us", (TOOL_NAME, translator.pk))
    assert (slug["has_error"], slug["field_error"]) == (False, "This slug is in use.")


def test_a_translated_title_becomes_the_draft_title(translation, translator):
    page = translation.source.get_source_instance()
    page.copy_for_translation(locale("en"), copy_parents=True)
    entries = entries_of(translation)
    entry_for(entries, "title").msgstr = "About us"

    _result, imported = import_both_ways(translation, entries, user=translator)

    assert ("en", "About us") in imported["draft_titles"]


def test_an_entry_listed_twice_ends_as_with_localize(translation, translator, staff_user):
    translation.import_po(po_file(entries_of(translation)), user=staff_user, tool_name="earlier")
    entries = entries_of(translation)
    # Changed and changed back: localize saves both, so the translator and tool change.
    again = polib.POEntry(msgid=entries[2].msgid, msgctxt=entries[2].msgctxt)
    again.msgstr = entries[2].msgstr
    entries[2].msgstr = "Something else first"
    entries.append(again)

    result, imported = import_both_ways(translation, entries, user=translator)

    assert result.updated == 1
    assert [made_by(row) for row in imported["rows"]].count((TOOL_NAME, translator.pk)) == 1


def page_with_segments(count: int):
    """A German page with ``count`` string segments: title, slug and one paragraph each."""
    body = [
        ("paragraph", f"<p>Absatz {number} über Kreislaufwirtschaft.</p>")
        for number in range(count - 2)
    ]
    return StandardPageFactory(title=f"Seite mit {count} Segmenten", body=body)


def import_queries(segment_count: int, user) -> list[str]:
    translation = start_translation(page_with_segments(segment_count))
    entries = entries_of(translation)
    with CaptureQueriesContext(connection) as queries:
        result = import_translated_strings(translation, entries, user=user, tool_name=TOOL_NAME)
    assert result.created == segment_count
    return [query["sql"] for query in queries.captured_queries]


def insert_statements(rows: int) -> int:
    """How many INSERTs Django needs for ``rows`` translations: one, or batches on SQLite.

    SQLite takes at most 999 parameters per statement, so Django splits bulk inserts there.
    """
    fields = [field for field in StringTranslation._meta.concrete_fields if not field.primary_key]
    return math.ceil(rows / connection.ops.bulk_batch_size(fields, [None] * rows))


def test_queries_do_not_grow_with_the_segments(db, translator):
    small, large = import_queries(10, translator), import_queries(200, translator)

    def other_than_inserts(queries):
        return [query.split(" ", 1)[0] for query in queries if not query.startswith("INSERT")]

    assert other_than_inserts(large) == other_than_inserts(small)
    assert len(other_than_inserts(large)) <= 8
    assert sum(1 for query in large if query.startswith("INSERT")) == insert_statements(200)
    assert sum(1 for query in small if query.startswith("INSERT")) == 1
