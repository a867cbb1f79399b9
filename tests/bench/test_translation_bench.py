"""Time and queries of translating a 200-segment German page through wagtail-localize.

Each repetition builds a fresh German page whose content yields exactly 200 string segments
and takes it through the whole path a translator's work takes: extract the source, export
the PO file, import it filled in, save (and publish) the English page. The imports run three
ways on the same translation: localize's ``Translation.import_po``, the project's strict
``hub.translation.po.import_po`` and the set-wise ``import_translated_strings``, which must
leave exactly the same rows as localize's.

Run with ``make bench`` (``BENCH_REPETITIONS`` sets the number of pages, default 5). The test
runs with real transactions, so work deferred to the commit (publishing) is measured; the
figures include the search-index and reference-index tasks that the test settings run at
once rather than in the worker. Timings are printed, never asserted; behaviour is.
"""

import os
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from time import perf_counter

import polib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from hub.translation import po as hub_po
from hub.translation.bulk_import import import_translated_strings
from tests.factories import StandardPageFactory, locale

SEGMENTS = 200
REPETITIONS = int(os.environ.get("BENCH_REPETITIONS", "5"))
TOOL_NAME = "PO file"

# The page: title and slug, then sections of a heading (1 segment), a paragraph of three
# HTML paragraphs (3), a quote with attribution and role (3) and a paragraph of two (2).
PAGE_FIELD_SEGMENTS = 2
SEGMENTS_PER_SECTION = 9
SECTIONS = (SEGMENTS - PAGE_FIELD_SEGMENTS) // SEGMENTS_PER_SECTION


def german_body(page_number: int) -> list[tuple[str, object]]:
    """Body blocks whose every text is unique, so each segment is a string of its own."""
    blocks = []
    for section in range(SECTIONS):
        tag = f"{page_number}.{section + 1}"
        blocks += [
            ("heading", {"text": f"Abschnitt {tag}: Kreislaufwirtschaft im Harz", "level": "h2"}),
            (
                "paragraph",
                f"<p>Im Abschnitt {tag} verbindet das Netzwerk <b>19 Mitglieder</b> aus "
                "Chemie, Kunststoffverarbeitung und Recycling.</p>"
                f'<p>Mehr dazu steht im <a href="https://www.example.org/{tag}">Jahresbericht '
                f"{tag}</a> der Geschäftsstelle in Goslar.</p>"
                f"<p>Gefördert wird das Vorhaben {tag} unter dem Kennzeichen 01MI2001.</p>",
            ),
            (
                "quote",
                {
                    "text": f"Die Region lebt von ihrer Chemie ({tag}).",
                    "attribution": f"Dr. Christoph Mühlhaus ({tag})",
                    "role": f"Clustersprecher ({tag})",
                },
            ),
            (
                "paragraph",
                f"<p>Termine für {tag}: FORUM Chemie im Kulturhaus Leuna.</p>"
                f"<p>Anmeldung für {tag} bis zum 8. November.</p>",
            ),
        ]
    return blocks


def english(entry: polib.POEntry, wording: str) -> str:
    """A translation of ``entry``; ``wording`` tells one round of translations from another."""
    if entry.msgctxt == "slug":
        return f"{wording.lower().replace(' ', '-')}-{entry.msgid}"
    return f"{wording} {entry.msgid}"


def filled(po: polib.POFile, wording: str) -> polib.POFile:
    """A copy of ``po`` with every msgstr filled, as an external tool returns it."""
    copy = polib.pofile(str(po))
    for entry in copy:
        entry.msgstr = english(entry, wording)
    return copy


def translation_rows(translation: Translation) -> list[tuple]:
    """The translation's StringTranslation rows, without keys and timestamps."""
    return sorted(
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context__object_id=translation.source.object_id,
        ).values_list(
            "translation_of_id",
            "context_id",
            "data",
            "translation_type",
            "tool_name",
            "last_translated_by_id",
            "has_error",
            "field_error",
        )
    )


def delete_translations(translation: Translation) -> None:
    StringTranslation.objects.filter(
        locale_id=translation.target_locale_id, context__object_id=translation.source.object_id
    ).delete()


@dataclass
class Phase:
    seconds: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)

    @property
    def milliseconds(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def query_count(self) -> int:
        return round(statistics.median(self.queries))


class Bench:
    """Wall time and query count per named phase, over the repetitions."""

    def __init__(self):
        self.phases: dict[str, Phase] = {}

    @contextmanager
    def measure(self, name: str) -> Iterator[None]:
        # Django keeps the last 9,000 queries only, and CaptureQueriesContext counts by the
        # length of that log: start each phase with an empty one.
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            start = perf_counter()
            yield
            seconds = perf_counter() - start
        phase = self.phases.setdefault(name, Phase())
        phase.seconds.append(seconds)
        phase.queries.append(len(queries.captured_queries))
        assert len(queries.captured_queries) < connection.queries_log.maxlen

    def table(self) -> str:
        width = max(len(name) for name in self.phases)
        lines = [
            f"{'phase':<{width}}  {'time ms':>9}  {'queries':>8}  {'per segment':>11}",
            "-" * (width + 34),
        ]
        for name, phase in self.phases.items():
            lines.append(
                f"{name:<{width}}  {phase.milliseconds:>9.1f}  {phase.query_count:>8}  "
                f"{phase.query_count / SEGMENTS:>11.2f}"
            )
        return "\n".join(lines)

    def comparison(self, kind: str) -> str:
        """How the bulk import of ``kind`` compares with localize's import of the same."""
        localize = self.phases[f"import PO, {kind}: localize import_po"]
        bulk = self.phases[f"import PO, {kind}: bulk"]
        return (
            f"import PO, {kind}: bulk is {localize.milliseconds / bulk.milliseconds:.1f}x "
            f"faster than localize import_po, {localize.query_count} -> {bulk.query_count} "
            "queries"
        )


def translate_one_page(bench: Bench, page_number: int, user) -> None:
    """Take one fresh 200-segment page from extraction to a live English page."""
    page = StandardPageFactory(title=f"Über uns {page_number}", body=german_body(page_number))
    home = page.get_parent()
    # The English home is made only now, after the German page, so that nothing creates an
    # English counterpart of the page (and its translation source) before it is measured.
    home.copy_for_translation(locale("en"))
    assert not TranslationSource.objects.filter(object_id=page.translation_key).exists()

    with bench.measure("extract: get_or_create_from_instance (fresh)"):
        source, created = TranslationSource.get_or_create_from_instance(page)
    assert created
    segments = StringSegment.objects.filter(source=source).count()
    assert segments == SEGMENTS, f"The page yields {segments} segments: adjust german_body()."

    extracted_at = source.last_updated_at
    with bench.measure("re-extract: update_from_db"):
        source.update_from_db()
    assert source.last_updated_at > extracted_at
    assert StringSegment.objects.filter(source=source).count() == SEGMENTS

    translation = Translation.objects.create(source=source, target_locale=locale("en"))
    with bench.measure("export PO: Translation.export_po"):
        exported = translation.export_po()
    assert len(exported) == SEGMENTS
    assert not any(entry.msgstr for entry in exported)
    with bench.measure("export PO: hub export_po (gettext header)"):
        exported_bytes = hub_po.export_po(translation)
    assert exported_bytes.count(b"\nmsgctxt ") == SEGMENTS

    first, revised = filled(exported, "English"), filled(exported, "Revised English")

    with bench.measure("import PO, 200 new: localize import_po"):
        warnings = translation.import_po(first, user=user, tool_name=TOOL_NAME)
    assert warnings == []
    assert translation.get_progress() == (SEGMENTS, SEGMENTS)
    first_rows = translation_rows(translation)
    assert len(first_rows) == SEGMENTS

    delete_translations(translation)
    filled_bytes = str(filled(polib.pofile(exported_bytes.decode()), "English")).encode()
    with bench.measure("import PO, 200 new: hub strict import_po"):
        result = hub_po.import_po(translation, filled_bytes, user=user)
    assert (result.total, result.translated, result.changed) == (SEGMENTS, SEGMENTS, SEGMENTS)
    assert translation_rows(translation) == first_rows

    delete_translations(translation)
    with bench.measure("import PO, 200 new: bulk"):
        imported = import_translated_strings(translation, first, user=user, tool_name=TOOL_NAME)
    assert (imported.created, imported.updated, imported.warnings) == (SEGMENTS, 0, [])
    assert translation_rows(translation) == first_rows

    with bench.measure("import PO, 200 changed: localize import_po"):
        assert translation.import_po(revised, user=user, tool_name=TOOL_NAME) == []
    revised_rows = translation_rows(translation)
    assert {row[2] for row in revised_rows} == {
        english(entry, "Revised English") for entry in exported
    }

    translation.import_po(first, user=user, tool_name=TOOL_NAME)
    assert translation_rows(translation) == first_rows
    with bench.measure("import PO, 200 changed: bulk"):
        imported = import_translated_strings(translation, revised, user=user, tool_name=TOOL_NAME)
    assert (imported.created, imported.updated) == (0, SEGMENTS)
    assert translation_rows(translation) == revised_rows

    with bench.measure("import PO, unchanged: localize import_po"):
        assert translation.import_po(revised, user=user, tool_name=TOOL_NAME) == []
    with bench.measure("import PO, unchanged: bulk"):
        imported = import_translated_strings(translation, revised, user=user, tool_name=TOOL_NAME)
    assert (imported.created, imported.updated) == (0, 0)
    assert translation_rows(translation) == revised_rows

    with bench.measure("save_target(publish=True), with on-commit publish"):
        translation.save_target(user=user, publish=True)
    english_page = page.get_translation(locale("en")).specific
    assert english_page.live
    assert english_page.title == f"Revised English Über uns {page_number}"
    assert english_page.slug == f"revised-english-uber-uns-{page_number}"
    assert str(english_page.body[1].value).startswith("<p>Revised English Im Abschnitt")
    assert Page.objects.live().filter(pk=english_page.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_translating_a_page_of_200_segments(django_user_model):
    user = django_user_model.objects.create_superuser(username="bench", password="bench")
    bench = Bench()
    for page_number in range(1, REPETITIONS + 1):
        translate_one_page(bench, page_number, user)

    print(
        f"\n\nTranslating a page of {SEGMENTS} string segments on {connection.vendor}: "
        f"median of {REPETITIONS} pages\n"
    )
    print(bench.table())
    print()
    for kind in ("200 new", "200 changed", "unchanged"):
        print(bench.comparison(kind))
