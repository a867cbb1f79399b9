"""PO files: the export passes GNU gettext's checks, the strict import round-trips or refuses.

The gettext tools (``msgfmt``, ``msgen``, ``msgfilter``) come from Debian's ``gettext``
package. Without it the tests that run them are skipped on a developer machine and fail in
CI, where a missing tool must never pass as green.
"""

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from hub.translation.po import ImportResult, PoImportError, export_po, import_po, plural_forms
from pages.models import NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory, locale
from tests.factories.translations import start_translation

pytestmark = pytest.mark.django_db

TITLE = "Neues Mitglied: Öko-Chemie GmbH"
# Quotes, a line break, umlauts, ß and € in plain text; markup and a link in rich text.
INTRO = 'Sie sagte: „Willkommen“ und "Glück auf!"\nZweite Zeile: Größe, Maß, 5 € für die Ölmühle'
PARAGRAPH = (
    "<p>Das Netzwerk verbindet <b>19 Mitglieder</b> und veröffentlicht den "
    '<a href="https://www.example.org/bericht">Jahresbericht</a>.</p>'
    "<p>Anmeldung\nbis 30. Juni, Gebühr 50 €.</p>"
)
QUOTE = {
    "text": 'Wir sagen "Ja" zur Kreislaufwirtschaft.',
    "attribution": "Dr. Christoph Mühlhaus",
    "role": "Clustersprecher",
}


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def gettext_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"GNU gettext's {name} is missing: install Debian's gettext."
        if _in_ci():
            pytest.fail(f"PO checks cannot run in CI: {message}", pytrace=False)
        pytest.skip(message)
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    return run(gettext_tool("msgfmt"), "--check", "-o", os.devnull, str(path))


def german_news_page(**kwargs) -> NewsPage:
    return NewsPageFactory(
        title=TITLE,
        intro=INTRO,
        body=[
            ("heading", {"text": "Größter Zuwachs seit 2016", "level": "h2"}),
            ("paragraph", PARAGRAPH),
            ("quote", QUOTE),
        ],
        **kwargs,
    )


def filled(data: bytes, fill) -> bytes:
    """The PO file with every msgstr set by ``fill(entry)``, as an external tool would."""
    po = polib.pofile(data.decode("utf-8"))
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = fill(entry)
    return str(po).encode("utf-8")


def english(entry: polib.POEntry) -> str:
    return f"[EN] {entry.msgid}"


@pytest.fixture
def page():
    return german_news_page()


@pytest.fixture
def translation(page):
    return start_translation(page)


@pytest.fixture
def segment_count(translation) -> int:
    return StringSegment.objects.filter(source=translation.source).count()


def translations_in(translation: Translation) -> dict[str, str]:
    return dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
        ).values_list("translation_of__data", "data")
    )


# Export


def test_export_contains_every_source_string_and_the_gettext_header(translation, segment_count):
    po = polib.pofile(export_po(translation).decode("utf-8"))

    msgids = [entry.msgid for entry in po]
    assert len(msgids) == segment_count
    assert TITLE in msgids
    assert any("Glück auf!" in msgid and "Ölmühle" in msgid for msgid in msgids)
    assert any("<b>19 Mitglieder</b>" in msgid for msgid in msgids)
    assert any('<a id="a1">Jahresbericht</a>' in msgid for msgid in msgids)
    assert any("\n" in msgid for msgid in msgids), "a string with a line break"
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert po.metadata["Language"] == "en"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Content-Transfer-Encoding"] == "8bit"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert TITLE in po.metadata["Project-Id-Version"]


@pytest.fixture
def polish(settings):
    """Polish as a third content language, as adding it in the settings would make it."""
    settings.LANGUAGES = [*settings.LANGUAGES, ("pl", "Polski")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    return Locale.objects.create(language_code="pl")


@pytest.mark.parametrize("language_code", ["en", "pl"])
def test_exported_file_passes_msgfmt_check(page, language_code, polish, tmp_path):
    translation = start_translation(page, language_code)
    path = tmp_path / "untranslated.po"
    path.write_bytes(export_po(translation))

    result = msgfmt_check(path)

    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "msgfmt warns about the header"


def test_file_with_translations_and_obsolete_entries_passes_msgfmt_check(
    page, translation, staff_user, tmp_path
):
    import_po(translation, filled(export_po(translation), english), user=staff_user)
    # The source changes: the old heading's translation stays in the file as obsolete.
    page.body[0].value["text"] = "Größter Zuwachs seit 2020"
    page.save()
    TranslationSource.update_or_create_from_instance(page)
    data = export_po(translation)
    po = polib.pofile(data.decode("utf-8"))
    assert [entry.msgid for entry in po.obsolete_entries()] == ["Größter Zuwachs seit 2016"]
    assert po.metadata["Last-Translator"] == "Sabine Staff <staff@example.org>"
    path = tmp_path / "translated.po"
    path.write_bytes(data)

    result = msgfmt_check(path)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_plural_forms_come_from_djangos_catalogues():
    assert plural_forms("de") == "nplurals=2; plural=(n != 1);"
    assert plural_forms("pl").startswith("nplurals=4; plural=")
    assert plural_forms("xx") == "nplurals=2; plural=(n != 1);"


# Import: round trips


def test_round_trip_through_gettext_tools(
    page, translation, segment_count, staff_user, tmp_path, django_capture_on_commit_callbacks
):
    exported = tmp_path / "exported.po"
    exported.write_bytes(export_po(translation))
    english_copy, prefixed = tmp_path / "english.po", tmp_path / "prefixed.po"
    # msgen fills every msgstr with its msgid; msgfilter then edits every translation.
    result = run(gettext_tool("msgen"), "-o", str(english_copy), str(exported))
    assert result.returncode == 0, result.stderr
    result = run(
        gettext_tool("msgfilter"),
        "--keep-header",
        "-i",
        str(english_copy),
        "-o",
        str(prefixed),
        "sed",
        "-e",
        "s/^/[EN] /",
    )
    assert result.returncode == 0, result.stderr

    outcome = import_po(translation, prefixed.read_bytes(), user=staff_user)

    assert outcome == ImportResult(
        total=segment_count, translated=segment_count, changed=segment_count, fuzzy=0
    )
    assert translation.get_progress() == (segment_count, segment_count)
    strings = translations_in(translation)
    assert len(strings) == segment_count
    assert strings[TITLE] == f"[EN] {TITLE}"
    assert all(text.startswith("[EN] ") for text in strings.values())
    assert set(StringTranslation.objects.values_list("tool_name", flat=True)) == {"PO file"}

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=staff_user, publish=True)

    english_page = NewsPage.objects.get(translation_key=page.translation_key, locale=locale("en"))
    assert english_page.live
    assert english_page.title == f"[EN] {TITLE}"
    paragraph = str(english_page.body[1].value)
    assert "[EN] Das Netzwerk verbindet <b>19 Mitglieder</b>" in paragraph
    assert '<a href="https://www.example.org/bericht">Jahresbericht</a>' in paragraph


def test_round_trip_with_polib_and_a_second_import_changes_nothing(translation, segment_count):
    data = filled(export_po(translation), english)

    first = import_po(translation, data, user=None)
    again = import_po(translation, filled(export_po(translation), english), user=None)

    assert first.changed == segment_count
    assert again == ImportResult(total=segment_count, translated=segment_count, changed=0, fuzzy=0)
    assert StringTranslation.objects.count() == segment_count


def test_blank_and_fuzzy_entries_leave_translations_alone(translation, segment_count):
    import_po(translation, filled(export_po(translation), english), user=None)
    po = polib.pofile(export_po(translation).decode("utf-8"))
    title, heading = po.find(TITLE), po.find("Größter Zuwachs seit 2016")
    title.msgstr = "Unsure title"
    title.flags.append("fuzzy")
    heading.msgstr = ""

    result = import_po(translation, str(po).encode("utf-8"), user=None)

    assert result == ImportResult(total=segment_count, translated=segment_count, changed=0, fuzzy=1)
    strings = translations_in(translation)
    assert strings[TITLE] == f"[EN] {TITLE}"
    assert strings["Größter Zuwachs seit 2016"] == "[EN] Größter Zuwachs seit 2016"


def test_obsolete_entries_are_skipped(page, translation):
    import_po(translation, filled(export_po(translation), english), user=None)
    page.title = "Neues Mitglied: Harzer Chemiewerk"
    page.save()
    TranslationSource.update_or_create_from_instance(page)
    po = polib.pofile(export_po(translation).decode("utf-8"))
    obsolete = po.obsolete_entries()
    assert [entry.msgid for entry in obsolete] == [TITLE]
    obsolete[0].msgstr = "Edited obsolete title"
    po.find("Neues Mitglied: Harzer Chemiewerk").msgstr = "New member: Harzer Chemiewerk"

    result = import_po(translation, str(po).encode("utf-8"), user=None)

    assert result.changed == 1
    assert result.translated == result.total
    assert translations_in(translation)[TITLE] == f"[EN] {TITLE}"


# Import: refusals


def _other_translation_file(translation: Translation) -> bytes:
    other_page = german_news_page(parent=NewsIndexPageFactory())
    return filled(export_po(start_translation(other_page)), english)


def _with_extra_entry(msgid: str, msgctxt=None):
    def spoil(translation: Translation) -> bytes:
        po = polib.pofile(filled(export_po(translation), english).decode("utf-8"))
        po.append(polib.POEntry(msgid=msgid, msgctxt=msgctxt or po[0].msgctxt, msgstr="Extra"))
        return str(po).encode("utf-8")

    return spoil


def _with_unknown_context(translation: Translation) -> bytes:
    po = polib.pofile(filled(export_po(translation), english).decode("utf-8"))
    po.find(TITLE).msgctxt = "body.does-not-exist"
    return str(po).encode("utf-8")


def _without_translation_id(translation: Translation) -> bytes:
    po = polib.pofile(filled(export_po(translation), english).decode("utf-8"))
    del po.metadata["X-WagtailLocalize-TranslationID"]
    return str(po).encode("utf-8")


def _with_broken_syntax(translation: Translation) -> bytes:
    text = filled(export_po(translation), english).decode("utf-8")
    return text.replace('msgstr "[EN] ', 'msgstr "[EN] "unescaped quote" ', 1).encode("utf-8")


def _as_windows_1252(translation: Translation) -> bytes:
    return filled(export_po(translation), english).decode("utf-8").encode("cp1252")


def _declaring_latin1(translation: Translation) -> bytes:
    text = filled(export_po(translation), english).decode("utf-8")
    return text.replace("charset=UTF-8", "charset=ISO-8859-1").encode("utf-8")


def _with_broken_markup(translation: Translation) -> bytes:
    def fill(entry):
        if "<b>" in entry.msgid:
            return '<div>The network</div> links <a id="a7">19 members</a>.'
        return english(entry)

    return filled(export_po(translation), fill)


def _with_duplicate(translation: Translation) -> bytes:
    po = polib.pofile(filled(export_po(translation), english).decode("utf-8"))
    po.append(polib.POEntry(msgid=po[0].msgid, msgctxt=po[0].msgctxt, msgstr="Again"))
    return str(po).encode("utf-8")


REFUSALS = [
    pytest.param(lambda translation: b"", "The uploaded file is empty", id="empty"),
    pytest.param(lambda translation: b" \n\n", "The uploaded file is empty", id="blank"),
    pytest.param(
        _other_translation_file,
        f"The file was exported for “{TITLE}” (English), not for this one",
        id="wrong-source",
    ),
    pytest.param(
        _with_broken_syntax, "The file is not a valid PO file (syntax error in line", id="syntax"
    ),
    pytest.param(
        lambda translation: b"Kein PO, sondern ein Brief.\n",
        "The file is not a valid PO file",
        id="not-po",
    ),
    pytest.param(
        _with_extra_entry("Gibt es nicht"),
        "1 entry is not in the current source of “Neues Mitglied: Öko-Chemie GmbH” (line ",
        id="unknown-msgid",
    ),
    pytest.param(
        _with_unknown_context, "1 entry is not in the current source", id="unknown-msgctxt"
    ),
    pytest.param(
        _without_translation_id, "The file has no X-WagtailLocalize-TranslationID", id="no-id"
    ),
    pytest.param(_as_windows_1252, "The file is not UTF-8 encoded", id="windows-1252"),
    pytest.param(_declaring_latin1, "declares the encoding ISO-8859-1", id="latin-1-header"),
    pytest.param(
        _with_broken_markup,
        "1 translation has markup that does not fit its source (line ",
        id="markup",
    ),
    pytest.param(_with_duplicate, "1 entry appears twice", id="duplicate"),
]


@pytest.mark.parametrize(("spoil", "message"), REFUSALS)
def test_bad_files_are_refused_and_change_nothing(translation, spoil, message):
    # One string is translated already; every bad file would change or add translations.
    po = polib.pofile(export_po(translation).decode("utf-8"))
    po.find(TITLE).msgstr = "New member: Öko-Chemie GmbH"
    import_po(translation, str(po).encode("utf-8"), user=None)
    data = spoil(translation)
    before = list(StringTranslation.objects.values_list("pk", "data", "updated_at"))

    with pytest.raises(PoImportError) as refusal:
        import_po(translation, data, user=None)

    assert message in str(refusal.value)
    assert list(StringTranslation.objects.values_list("pk", "data", "updated_at")) == before


def test_refusal_names_the_first_unknown_entries_and_counts_the_rest(translation):
    def spoil(translation):
        po = polib.pofile(export_po(translation).decode("utf-8"))
        for number in range(7):
            po.append(polib.POEntry(msgid=f"Unbekannt {number}", msgctxt="x", msgstr="y"))
        return str(po).encode("utf-8")

    with pytest.raises(PoImportError) as refusal:
        import_po(translation, spoil(translation), user=None)

    message = str(refusal.value)
    assert "7 entries are not in the current source" in message
    assert "“Unbekannt 4” in x" in message
    assert "Unbekannt 5" not in message
    assert "and 2 more" in message


def test_a_sentence_repeated_in_one_block_is_one_entry(tmp_path):
    page = NewsPageFactory(
        body=[("paragraph", "<p>Mehr erfahren</p><p>Neu im Netzwerk</p><p>Mehr erfahren</p>")]
    )
    translation = start_translation(page)
    data = export_po(translation)
    path = tmp_path / "repeated.po"
    path.write_bytes(data)

    assert [entry.msgid for entry in polib.pofile(data.decode("utf-8"))].count("Mehr erfahren") == 1
    assert msgfmt_check(path).returncode == 0

    result = import_po(translation, filled(data, english), user=None)

    assert (
        result.translated
        == result.total
        == StringSegment.objects.filter(source=translation.source).count()
    )
