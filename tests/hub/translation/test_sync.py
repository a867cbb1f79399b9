"""Keeping translations in step: new German pages get draft translations; sync brings changes.

Tasks run immediately in the test settings (django-tasks' ImmediateBackend), after the
transaction commits, so the tests run the commit callbacks.
"""

import polib
import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator

from hub.translation.po import export_po, import_po
from hub.translation.sync import sync_translations
from hub.translation.tasks import create_page_translations
from pages.models import NewsPage
from snippets.models import Person, Topic
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    PersonFactory,
    TopicFactory,
    locale,
)

pytestmark = pytest.mark.django_db

TASK_PATH = "hub.translation.tasks.create_page_translations"


def translate_into(page: Page, *languages: str) -> None:
    """Translate ``page`` (and its untranslated parents) as localize's "Translate" action does."""
    locales = [locale(code) for code in languages]
    TranslationCreator(user=None, target_locales=locales).create_translations(page)


def fill(data: bytes, texts: dict[str, str]) -> bytes:
    """The PO file with the given translations filled in by msgid, as a translator would."""
    po = polib.pofile(data.decode("utf-8"))
    for entry in po:
        if entry.msgid in texts:
            entry.msgstr = texts[entry.msgid]
    return str(po).encode("utf-8")


def counterpart(page: Page, language: str) -> Page | None:
    return (
        Page.objects.filter(translation_key=page.translation_key, locale=locale(language))
        .specific()
        .first()
    )


@pytest.fixture
def index():
    """A German news index whose English translation exists (as a draft, as localize makes it)."""
    index = NewsIndexPageFactory()
    translate_into(index, "en")
    return index


@pytest.fixture
def polish(settings):
    """Polish as a third content language, as adding it in the settings would make it."""
    settings.LANGUAGES = [*settings.LANGUAGES, ("pl", "Polski")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    return Locale.objects.create(language_code="pl")


# New German pages


def test_new_german_page_gets_a_draft_english_counterpart_for_translation(
    index, staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory(parent=index, title="Neues Mitglied im Netzwerk")

    english = counterpart(page, "en")
    assert english is not None
    assert english.get_parent().specific == counterpart(index, "en")
    assert not english.live
    assert not Page.objects.live().filter(pk=english.pk).exists()
    assert english.title == "Neues Mitglied im Netzwerk", "German text until translated"
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale("en")
    )
    assert translation.enabled
    # The English page's edit view is localize's translation editor.
    response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [
        template.name for template in response.templates
    ]


def test_page_under_an_untranslated_parent_stays_german_only(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory()

    assert Page.objects.filter(translation_key=page.translation_key).count() == 1
    assert not TranslationSource.objects.filter(object_id=page.translation_key).exists()


def test_only_locales_the_parent_is_translated_into_get_a_counterpart(
    index, polish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory(parent=index)

    assert counterpart(page, "en") is not None
    assert counterpart(page, "pl") is None

    translate_into(index, "pl")
    with django_capture_on_commit_callbacks(execute=True):
        second = NewsPageFactory(parent=index)

    assert {language for language in ("en", "pl") if counterpart(second, language)} == {
        "en",
        "pl",
    }
    assert not counterpart(second, "pl").live


def test_pages_created_in_a_target_locale_are_not_translated_back(
    index, django_capture_on_commit_callbacks
):
    # The English index has a German counterpart, so only the locale check stops this.
    with django_capture_on_commit_callbacks(execute=True):
        english_page = NewsPageFactory(parent=counterpart(index, "en"))

    assert english_page.locale == locale("en")
    assert Page.objects.filter(translation_key=english_page.translation_key).count() == 1
    assert not TranslationSource.objects.filter(object_id=english_page.translation_key).exists()


def test_task_takes_the_page_id_and_skips_what_is_done_or_gone():
    page = NewsPageFactory()
    translate_into(page.get_parent(), "en")

    assert create_page_translations.enqueue(page.pk).return_value == ["en"]
    assert create_page_translations.enqueue(page.pk).return_value == []
    deleted_id = NewsPageFactory(parent=page.get_parent()).pk
    Page.objects.filter(pk=deleted_id).delete()
    assert create_page_translations.enqueue(deleted_id).return_value == []


def test_with_the_database_backend_the_task_is_queued_with_the_page_id(
    index, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory(parent=index)

    queued = DBTaskResult.objects.get(task_path=TASK_PATH)
    assert queued.args_kwargs == {"args": [page.pk], "kwargs": {}}
    assert counterpart(page, "en") is None, "waits for the worker"


# Republished sources


def test_sync_brings_a_republished_change_into_the_english_translation(
    staff_user, django_capture_on_commit_callbacks
):
    page = NewsPageFactory(
        title="Neues Mitglied",
        body=[
            ("paragraph", "<p>Das Netzwerk wächst auf <b>20 Mitglieder</b>.</p>"),
            ("paragraph", "<p>Die Anmeldung läuft bis Juni.</p>"),
        ],
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale("en"))
    english_texts = {
        "Neues Mitglied": "New member",
        "neues-mitglied": "new-member",
        "Das Netzwerk wächst auf <b>20 Mitglieder</b>.": "The network grows to <b>20 members</b>.",
        "Die Anmeldung läuft bis Juni.": "Registration is open until June.",
    }
    import_po(translation, fill(export_po(translation), english_texts), user=staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=staff_user, publish=True)
    english = NewsPage.objects.get(translation_key=page.translation_key, locale=locale("en"))
    assert english.live
    kept = StringTranslation.objects.get(data="The network grows to <b>20 members</b>.")

    # The German source is edited and published again.
    german = page.get_latest_revision_as_object()
    german.body[1].value = type(german.body[1].value)("<p>Die Anmeldung läuft bis Juli.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        german.save_revision(user=staff_user).publish()
    page.refresh_from_db()
    source.refresh_from_db()
    assert source.last_updated_at < page.last_published_at, "outdated until synced"
    english.refresh_from_db()
    assert "Registration is open until June." in str(english.body[1].value)

    synced = sync_translations(page, user=staff_user)

    assert synced == [translation]
    source.refresh_from_db()
    assert source.last_updated_at >= page.last_published_at
    assert StringSegment.objects.filter(
        source=source, string__data="Die Anmeldung läuft bis Juli."
    ).exists()
    total, translated = translation.get_progress()
    assert (total, translated) == (total, total - 1)
    english.refresh_from_db()
    assert english.live
    assert "Registration is open until June." in str(english.body[1].value), "live untouched"

    # The translator translates the new sentence; publishing brings it live.
    july = {"Die Anmeldung läuft bis Juli.": "Registration is open until July."}
    result = import_po(translation, fill(export_po(translation), july), user=staff_user)
    assert (result.changed, result.translated, result.total) == (1, total, total)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=staff_user, publish=True)

    english.refresh_from_db()
    assert english.live
    assert english.title == "New member"
    assert str(english.body[0].value) == "<p>The network grows to <b>20 members</b>.</p>"
    assert str(english.body[1].value) == "<p>Registration is open until July.</p>"
    kept_now = StringTranslation.objects.get(pk=kept.pk)
    assert (kept_now.data, kept_now.updated_at) == (kept.data, kept.updated_at)


def test_sync_after_a_republish_without_changes_records_the_sync(staff_user):
    # The translation status compares the two times; the publication data the source holds
    # makes localize re-extract even when no text changed.
    page = NewsPageFactory()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.create(source=source, target_locale=locale("en"))
    page.save_revision(user=staff_user).publish()
    page.refresh_from_db()
    assert source.last_updated_at < page.last_published_at

    sync_translations(page, user=staff_user)

    source.refresh_from_db()
    assert source.last_updated_at >= page.last_published_at


def test_sync_of_a_snippet_without_drafts_changes_only_the_source(staff_user):
    topic = TopicFactory(name="Kreislaufwirtschaft")
    translate_into(topic, "en")
    english = Topic.objects.get(translation_key=topic.translation_key, locale=locale("en"))
    topic.name = "Kreislaufwirtschaft und Recycling"
    topic.save()

    synced = sync_translations(topic, user=staff_user)

    assert [translation.target_locale.language_code for translation in synced] == ["en"]
    assert StringSegment.objects.filter(
        source__object_id=topic.translation_key,
        string__data="Kreislaufwirtschaft und Recycling",
    ).exists()
    english.refresh_from_db()
    assert english.name == "Kreislaufwirtschaft", "saved by the translator, not here"


def test_new_german_page_does_not_publish_its_untranslated_author_in_english(
    index, django_capture_on_commit_callbacks
):
    author = PersonFactory(position="Geschäftsführerin")
    with django_capture_on_commit_callbacks(execute=True):
        page = NewsPageFactory(parent=index, title="Neue Geschäftsführung", author=author)

    english = counterpart(page, "en")
    assert english is not None and not english.live
    # A person has no drafts: translating them along with the page would put the German
    # position live in the English directory. The draft keeps pointing at the German person.
    assert not Person.objects.filter(
        translation_key=author.translation_key, locale=locale("en")
    ).exists()
    assert english.author_id == author.pk
