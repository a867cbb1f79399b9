"""Translation status per page and locale: missing, outdated, in progress, up to date."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from hub.translation.drafts import save_translation_draft
from hub.translation.status import (
    Status,
    TargetState,
    decide_status,
    translation_status,
    translation_statuses,
)
from tests.factories import NewsIndexPageFactory, NewsPageFactory, OrganisationFactory, locale
from tests.factories.translations import start_translation, translate, translate_strings

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(datetime.datetime(2025, 3, 1, 9))
HOUR = datetime.timedelta(hours=1)
TEXTS = {
    "Neues Mitglied": "New member",
    "neues-mitglied": "new-member",
    "Willkommen im Netzwerk.": "Welcome to the network.",
}


def live_target(**changes) -> TargetState:
    return TargetState(
        **{
            "live": True,
            "has_unpublished_changes": False,
            "in_moderation": False,
            "last_published_at": T0 + 2 * HOUR,
            **changes,
        }
    )


@pytest.mark.parametrize(
    ("target", "source_published_at", "synced_at", "untranslated", "expected"),
    [
        (None, T0, T0, 0, Status.MISSING),
        (live_target(), T0, T0 + HOUR, 0, Status.UP_TO_DATE),
        (live_target(), T0 + 3 * HOUR, T0 + HOUR, 0, Status.OUTDATED),
        (live_target(), T0 + HOUR, T0 + 3 * HOUR, 0, Status.IN_PROGRESS),
        (live_target(live=False), T0, T0 + HOUR, 0, Status.IN_PROGRESS),
        (live_target(has_unpublished_changes=True), T0, T0 + HOUR, 0, Status.IN_PROGRESS),
        (live_target(in_moderation=True), T0, T0 + HOUR, 0, Status.IN_PROGRESS),
        (live_target(), T0, T0 + HOUR, 2, Status.IN_PROGRESS),
        # Outdated wins over in progress: translators need to sync first.
        (live_target(live=False), T0 + 3 * HOUR, T0 + HOUR, 2, Status.OUTDATED),
        # By hand, without localize: compared with the translation's own publishing date.
        (live_target(), T0, None, 0, Status.UP_TO_DATE),
        (live_target(), T0 + 3 * HOUR, None, 0, Status.OUTDATED),
        (live_target(last_published_at=None), T0 + 3 * HOUR, None, 0, Status.UP_TO_DATE),
    ],
)
def test_decide_status(target, source_published_at, synced_at, untranslated, expected):
    status = decide_status(
        target=target,
        source_published_at=source_published_at,
        last_synced_at=synced_at,
        untranslated_segments=untranslated,
    )

    assert status is expected


@pytest.mark.parametrize(
    ("strings_updated_at", "expected"),
    [
        (None, Status.UP_TO_DATE),
        (T0 + HOUR, Status.UP_TO_DATE),
        (T0 + 3 * HOUR, Status.IN_PROGRESS),
    ],
)
def test_strings_translated_after_publishing_are_in_progress(strings_updated_at, expected):
    status = decide_status(
        target=live_target(),
        source_published_at=T0,
        last_synced_at=T0 + HOUR,
        untranslated_segments=0,
        strings_updated_at=strings_updated_at,
    )

    assert status is expected


def publish(page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def status_of(page, language: str = "en"):
    return translation_statuses(pages=[page], locales=[locale(language)])[
        (page.translation_key, language)
    ]


@pytest.fixture
def german():
    return publish(
        NewsPageFactory(
            title="Neues Mitglied", slug="neues-mitglied", intro="Willkommen im Netzwerk."
        )
    )


@pytest.fixture
def translated(german, django_capture_on_commit_callbacks):
    """``german`` fully translated into English and published."""
    with django_capture_on_commit_callbacks(execute=True):
        return translate(german, TEXTS)


def test_without_an_english_page_the_translation_is_missing(german):
    assert status_of(german).status is Status.MISSING


def test_an_alias_counts_as_missing(german):
    german.copy_for_translation(locale("en"), copy_parents=True, alias=True)

    status = status_of(german)

    assert status.status is Status.MISSING
    assert status.target_id is None


def test_a_published_complete_translation_is_up_to_date(translated, german):
    status = status_of(german)

    assert status.status is Status.UP_TO_DATE
    assert status.target_id == translated.get_target_instance().pk
    assert status.translation_id == translated.pk
    assert status.last_synced_at == translated.source.last_updated_at
    assert status.source_published_at == german.last_published_at
    assert status.untranslated_segments == 0


def test_republishing_the_source_makes_it_outdated_and_syncing_in_progress(
    translated, german, django_capture_on_commit_callbacks
):
    german.intro = "Willkommen im ChemieNetzwerk."
    publish(german)
    assert status_of(german).status is Status.OUTDATED

    translated.source.update_from_db()
    status = status_of(german)
    assert status.status is Status.IN_PROGRESS
    assert status.untranslated_segments == 1, "the changed intro awaits its translation"

    translate(
        german, {"Willkommen im ChemieNetzwerk.": "Welcome to ChemieNetzwerk."}, publish=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        translated.save_target(publish=True)
    assert status_of(german).status is Status.UP_TO_DATE


def test_a_string_translated_in_the_editor_makes_it_in_progress(translated, german):
    translate_strings(translated, {"Willkommen im Netzwerk.": "Welcome aboard."})

    status = status_of(german)

    assert status.status is Status.IN_PROGRESS
    assert status.strings_updated_at > translated.get_target_instance().last_published_at


def test_a_draft_in_review_is_in_progress(translated, german, staff_user):
    save_translation_draft(translated, user=staff_user)
    assert status_of(german).status is Status.IN_PROGRESS

    target = translated.get_target_instance()
    target.latest_revision.publish(user=staff_user)
    assert status_of(german).status is Status.UP_TO_DATE

    target.get_workflow().start(target, staff_user)
    assert status_of(german).status is Status.IN_PROGRESS


def test_untranslated_strings_or_an_unpublished_page_are_in_progress(
    german, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate(german, {"Neues Mitglied": "New member"})
    status = status_of(german)
    assert status.status is Status.IN_PROGRESS
    assert status.untranslated_segments == 2

    other = publish(NewsPageFactory(parent=german.get_parent(), title="Zweites Mitglied"))
    translate(other, {"Zweites Mitglied": "Second member"}, publish=False)
    assert status_of(other).status is Status.IN_PROGRESS


def test_a_translation_by_hand_is_compared_with_its_own_publishing_date(german):
    english = german.copy_for_translation(locale("en"), copy_parents=True)
    english.title = "New member"
    publish(english)
    assert status_of(german).status is Status.UP_TO_DATE

    publish(german)

    assert status_of(german).status is Status.OUTDATED


def test_each_target_locale_has_its_own_status(translated, german):
    polish = Locale.objects.create(language_code="pl")

    statuses = translation_statuses(pages=[german], locales=[locale("en"), polish])

    assert statuses[(german.translation_key, "en")].status is Status.UP_TO_DATE
    assert statuses[(german.translation_key, "pl")].status is Status.MISSING


def test_the_query_count_does_not_grow_with_the_number_of_pages(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    index = NewsIndexPageFactory()
    pages = [publish(NewsPageFactory(parent=index, intro=f"Meldung {n}")) for n in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        for page in pages[:3]:
            translate(page, {f"Meldung {n}": f"Report {n}" for n in range(4)})
    locales = [locale("en")]
    translation_statuses(pages=pages[:1], locales=locales)  # caches the content type

    with django_assert_num_queries(5) as one:
        translation_statuses(pages=pages[:1], locales=locales)
    with django_assert_num_queries(5) as four:
        statuses = translation_statuses(pages=pages, locales=locales)
    with django_assert_num_queries(6):
        translation_statuses(
            pages=Page.objects.filter(pk__in=[p.pk for p in pages]), locales=locales
        )

    assert len(one.captured_queries) == len(four.captured_queries)
    assert [statuses[(page.translation_key, "en")].status for page in pages] == [
        Status.IN_PROGRESS,  # title and slug fall back to German
        Status.IN_PROGRESS,
        Status.IN_PROGRESS,
        Status.MISSING,
    ]


def test_status_of_one_translated_organisation(staff_user, django_capture_on_commit_callbacks):
    german = OrganisationFactory(summary="Produziert Spezialchemikalien.")
    german.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translation = translate(
            german, {"Produziert Spezialchemikalien.": "Makes speciality chemicals."}
        )
    assert translation_status(translation).status is Status.UP_TO_DATE

    german.refresh_from_db()
    german.save_revision().publish()

    status = translation_status(translation)
    assert status.status is Status.OUTDATED
    assert status.target_id == translation.get_target_instance().pk


def test_status_of_a_translation_whose_target_does_not_exist_yet():
    translation = start_translation(NewsPageFactory())

    assert translation_status(translation).status is Status.MISSING
