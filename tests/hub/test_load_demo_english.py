"""``manage.py load_demo`` makes the English demo sites through wagtail-localize.

The demo is loaded once for the module and rolled back afterwards.
"""

import datetime
import os
import shutil
import subprocess
from dataclasses import dataclass

import pytest
from django.core.management import CommandError
from django.db.models import Max
from django.test import TestCase
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from hub.demo import english
from hub.demo.content import chemienetzwerk_harz, taxonomy
from hub.demo.content.common import at, event
from pages.models import DirectoryPage, HomePage, NetworkPage
from snippets.models import Funding, Organisation, Person, Quote, SiteOffer, Topic
from tests.hub.demo_loading import DEMO_HOSTNAMES, demo_loaded, run_load_demo

SNIPPET_MODELS = [Topic, Organisation, Person, Funding, Quote, SiteOffer]
pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Demo:
    output: str
    memory: dict[str, str]
    de: Locale
    en: Locale


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Demo:
    with demo_loaded(django_db_blocker, tmp_path_factory.mktemp("demo-media")) as output:
        yield Demo(
            output,
            english.load_memory(),
            Locale.objects.get(language_code="de"),
            Locale.objects.get(language_code="en"),
        )


def _german_demo_pages(demo: Demo) -> list[Page]:
    pages = []
    for site in Site.objects.filter(hostname__in=DEMO_HOSTNAMES).select_related("root_page"):
        pages += site.root_page.get_descendants(inclusive=True).specific()
    assert len(pages) >= 40
    assert all(page.locale_id == demo.de.pk for page in pages)
    return pages


def _snapshot() -> dict:
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in [
                Page,
                Revision,
                TranslationSource,
                Translation,
                StringTranslation,
                TranslationLog,
                *SNIPPET_MODELS,
            ]
        },
        "max_revision_id": Revision.objects.aggregate(Max("pk"))["pk__max"],
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "live", "latest_revision_id", "last_published_at", "url_path"
            )
        ),
    }


def test_every_german_page_has_a_live_english_page_with_english_slug(demo):
    for page in _german_demo_pages(demo):
        translated = page.get_translation(demo.en)
        assert translated.live, translated.url_path
        assert not translated.has_unpublished_changes, translated.url_path
        assert translated.slug == demo.memory[page.slug], page.url_path

        site_id, _base_url, path = translated.get_url_parts()
        german_site_id, _base_url, german_path = page.get_url_parts()
        assert site_id == german_site_id
        assert path.startswith("/en/")
        assert path.count("/") == german_path.count("/") + 1


def test_page_tree_stays_consistent(demo):
    # Child counts, depths and paths as treebeard expects them: English subtrees included.
    assert Page.find_problems() == ([], [], [], [], [])


def test_english_paths_use_english_slugs(demo):
    network = NetworkPage.objects.get(locale=demo.en)
    atlas = DirectoryPage.objects.child_of(network).get()
    assert network.get_url_parts()[2] == "/en/network/"
    assert atlas.get_url_parts()[2] == "/en/network/cluster-atlas/"
    assert atlas.get_translation(demo.de).get_url_parts()[2] == "/netzwerk/clusteratlas/"


def test_english_site_answers_at_en_paths(demo, client):
    host = {"HTTP_HOST": "chemienetzwerk-harz.localhost:8000"}
    frontend = "http://chemienetzwerk-harz.localhost:3000"

    english_page = client.get("/en/news/grant-notice-2016/", **host)
    german_page = client.get("/aktuelles/foerderbescheid-2016/", **host)

    assert english_page.status_code == 302
    assert english_page["Location"] == f"{frontend}/en/news/grant-notice-2016/"
    assert german_page["Location"] == f"{frontend}/aktuelles/foerderbescheid-2016/"
    assert client.get("/en/aktuelles/", **host).status_code == 404


def test_every_translation_is_enabled_and_complete(demo):
    translations = Translation.objects.filter(target_locale=demo.en).select_related("source")
    assert translations.count() >= len(_german_demo_pages(demo))
    for translation in translations:
        assert translation.enabled
        total, translated = translation.get_progress()
        assert total == translated, translation.source.object_repr
    assert not Translation.objects.exclude(target_locale=demo.en).exists()


def test_english_home_pages_are_in_english(demo):
    homes = HomePage.objects.filter(locale=demo.en).order_by("title")
    assert [home.title for home in homes] == [
        "Chemicals/Plastics Cluster Central Germany",
        "ChemieNetzwerk Harz",
        "European Metropolitan Region Central Germany",
        "Innovation Forum Recycling Region Harz",
    ]
    chemie = homes.get(title="ChemieNetzwerk Harz")
    assert chemie.intro.startswith("ChemieNetzwerk Harz brings together the companies")
    assert chemie.tagline == "The future – innovative by nature"  # noqa: RUF001
    assert chemie.get_url_parts()[2] == "/en/"
    german = chemie.get_translation(demo.de)
    # Synchronised, not translated: the same image in both languages.
    assert chemie.hero_image_id == german.hero_image_id


def test_every_demo_snippet_has_an_english_version(demo):
    for model in SNIPPET_MODELS:
        german = model.objects.filter(locale=demo.de)
        assert german.exists()
        english_keys = set(
            model.objects.filter(locale=demo.en).values_list("translation_key", flat=True)
        )
        assert english_keys == set(german.values_list("translation_key", flat=True))
    assert not Organisation.objects.filter(locale=demo.en, live=False).exists()
    assert Topic.objects.get(locale=demo.en, slug="chemie").name == "Chemicals"
    funding = Funding.objects.get(locale=demo.en, reference_number="01MI2001")
    assert funding.programme == "Innovation Forums for SMEs"
    assert Person.objects.get(locale=demo.en, last_name="Proske").position == "President"


def test_snippets_chosen_in_english_stream_fields_are_english(demo):
    network = NetworkPage.objects.get(locale=demo.en)
    notice = next(block.value for block in network.body if block.block_type == "funding_notice")
    assert notice["funding"].locale == demo.en
    assert notice["notice"].startswith("ChemieNetzwerk Harz e.V. is funded by the European")

    home = HomePage.objects.get(
        locale=demo.en, title="European Metropolitan Region Central Germany"
    )
    quote = next(block.value for block in home.body if block.block_type == "quote_snippet")
    assert quote.locale == demo.en
    assert quote.text.startswith("As a company from Thuringia")

    atlas = DirectoryPage.objects.child_of(network).get()
    listed = next(block.value for block in atlas.body if block.block_type == "organisations")
    assert [organisation.locale for organisation in listed["organisations"]] == [demo.en] * 3


def test_snippet_foreign_keys_follow_the_field_choices(demo):
    """A translated relation points at the English snippet, a synchronised one at the source's."""
    checked = 0
    for page in Page.objects.filter(locale=demo.en).specific():
        source = page.get_translation(demo.de)
        for field in get_translatable_fields(type(page)):
            model_field = field.get_field(type(page))
            related = getattr(model_field, "related_model", None)
            if not model_field.many_to_one or related not in SNIPPET_MODELS:
                continue
            value, source_value = getattr(page, model_field.name), getattr(source, model_field.name)
            if source_value is None:
                continue
            checked += 1
            if field.is_translated(source):
                assert value == source_value.get_translation(demo.en), (page, model_field.name)
            else:
                assert value == source_value, (page, model_field.name)
    assert checked >= 10


def test_english_topics_exist_for_every_topic_english_pages_use(demo):
    # Many-to-many values are copied unchanged by wagtail-localize; what a page shows in
    # English is the English version of each topic, which must therefore exist.
    used = Topic.objects.filter(event_pages__locale=demo.en).distinct()
    assert used.exists()
    for topic in used:
        german = topic.get_translation(demo.de)
        assert german.get_translation(demo.en).name == demo.memory[german.name]


def test_translation_memory_has_no_unused_entries(demo):
    german_strings = set(
        TranslationSource.objects.filter(locale=demo.de)
        .values_list("stringsegment__string__data", flat=True)
        .distinct()
    )
    unused = sorted(set(demo.memory) - german_strings)
    assert unused == [], "entries in hub/demo/content/en/*.po that the demo no longer uses"


def test_output_lists_english_objects(demo):
    assert "English pages: 12" in demo.output
    assert "English topics: 14" in demo.output


def test_second_run_creates_nothing(demo):
    before = _snapshot()
    with TestCase.captureOnCommitCallbacks() as callbacks:
        output = run_load_demo()
    assert callbacks == []
    assert _snapshot() == before
    assert "nothing new" in output


def _add_german_event(monkeypatch) -> None:
    new_event = event(
        "sommerfest-2027",
        "Sommerfest des Netzwerks",
        at(2027, 7, 1, 17),
        at(2027, 7, 1, 22),
        "network_meeting",
        "Ein Abend im Klubgarten für Mitglieder und Gäste.",
        registration_deadline=datetime.date(2027, 6, 20),
    )
    monkeypatch.setattr(chemienetzwerk_harz, "EVENTS", [*chemienetzwerk_harz.EVENTS, new_event])
    monkeypatch.setitem(taxonomy.TOPICS, "testthema", ("Testthema", ""))


def test_german_text_without_english_stops_therun_load_demo(demo, monkeypatch):
    _add_german_event(monkeypatch)
    before = _snapshot()

    with pytest.raises(CommandError) as raised:
        run_load_demo()

    message = str(raised.value)
    assert "Nothing was loaded" in message
    assert "'Testthema' in topic „Testthema“ (name)" in message
    assert (
        "'Sommerfest des Netzwerks' in page /chemienetzwerk-harz/veranstaltungen/sommerfest-2027/"
        in message
    )
    assert "Ein Abend im Klubgarten" in message
    assert _snapshot() == before


def test_missing_english_lists_po_entries_and_changes_nothing(demo, monkeypatch):
    assert run_load_demo(missing_english=True).strip() == (
        "# Every German demo string has an English translation."
    )
    _add_german_event(monkeypatch)
    before = _snapshot()

    output = run_load_demo(missing_english=True)

    assert output.startswith("# hub/demo/content/en/directory.po\n")
    assert '#. topic „Testthema“\nmsgid "Testthema"\nmsgstr ""' in output
    site_file = output.index("# hub/demo/content/en/chemienetzwerk_harz.po\n")
    assert output.index('msgid "Sommerfest des Netzwerks"') > site_file
    assert 'msgid "sommerfest-2027"' in output
    assert "Demo content loaded" not in output
    assert _snapshot() == before


MSGFMT = shutil.which("msgfmt")


@pytest.mark.skipif(
    MSGFMT is None and not os.environ.get("CI"), reason="GNU gettext's msgfmt is not installed"
)
@pytest.mark.parametrize(
    "path", sorted(english.MEMORY_DIR.glob("*.po")), ids=lambda path: path.name
)
def test_memory_files_pass_msgfmt_check(path):
    result = subprocess.run(
        [MSGFMT or "msgfmt", "--check", "--output-file=/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        (
            {
                "a.po": 'msgid "Chemie"\nmsgstr "Chemicals"\n',
                "b.po": 'msgid "Chemie"\nmsgstr ""\n',
            },
            "b.po: the entry 'Chemie' is also in a.po.",
        ),
        (
            {"a.po": 'msgctxt "title"\nmsgid "Chemie"\nmsgstr "Chemicals"\n'},
            "a.po: the entry 'Chemie' has a msgctxt",
        ),
        (
            {"a.po": '#, fuzzy\nmsgid "Chemie"\nmsgstr "Chemicals"\n'},
            "a.po: the entry 'Chemie' is marked fuzzy.",
        ),
        ({"a.po": 'msgid "Chemie"\nmsgtext "Chemicals"\n'}, "a.po is not a readable PO file"),
    ],
)
def test_memory_refuses_ambiguous_entries(tmp_path, files, problem):
    for name, body in files.items():
        (tmp_path / name).write_text(PO_HEADER + body, encoding="utf-8")
    with pytest.raises(english.TranslationMemoryError) as raised:
        english.load_memory(tmp_path)
    assert problem in str(raised.value)


def test_memory_without_msgstr_counts_as_missing(tmp_path):
    (tmp_path / "a.po").write_text(
        PO_HEADER + 'msgid "Chemie"\nmsgstr "Chemicals"\n\nmsgid "Kunststoffe"\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert english.load_memory(tmp_path) == {"Chemie": "Chemicals"}
