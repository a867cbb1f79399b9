"""Draft translations are revisions: the live row keeps serving published text until review."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import CannotSaveDraftError, TranslationLog

from hub.translation.drafts import save_translation_draft
from pages.models import NewsPage
from snippets.models import Organisation
from tests.factories import NewsPageFactory, OrganisationFactory, TopicFactory, locale
from tests.factories.translations import start_translation, translate, translate_strings

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(django_capture_on_commit_callbacks):
    """A German news item with a live English translation."""
    page = NewsPageFactory(title="Neues Mitglied", slug="neues-mitglied", intro="Willkommen!")
    with django_capture_on_commit_callbacks(execute=True):
        translation = translate(
            page,
            {"Neues Mitglied": "New member", "neues-mitglied": "new-member", "Willkommen!": "Hi!"},
        )
    return translation


def english(page) -> NewsPage:
    return NewsPage.objects.get(translation_key=page.translation_key, locale=locale("en"))


def test_a_draft_of_a_live_page_leaves_the_live_content_alone(news, staff_user):
    target = news.get_target_instance()
    assert target.live and target.intro == "Hi!"
    revisions_before = target.revisions.count()

    translate_strings(news, {"Willkommen!": "Welcome to the network!"})
    revision = save_translation_draft(news, user=staff_user)

    target.refresh_from_db()
    assert target.live
    assert target.intro == "Hi!", "the row still holds the published text"
    assert Page.objects.live().filter(pk=target.pk).specific().get().intro == "Hi!"
    assert target.has_unpublished_changes
    assert target.latest_revision == revision
    assert revision.user == staff_user
    assert revision.as_object().intro == "Welcome to the network!"
    assert target.revisions.count() == revisions_before + 1
    assert TranslationLog.objects.filter(revision=revision).exists()


def test_publishing_the_draft_revision_brings_the_text_live(news, staff_user):
    translate_strings(news, {"Willkommen!": "Welcome to the network!"})
    revision = save_translation_draft(news, user=staff_user)

    revision.publish(user=staff_user)

    target = news.get_target_instance()
    assert target.intro == "Welcome to the network!"
    assert target.slug == "new-member"
    assert not target.has_unpublished_changes


def test_a_draft_keeps_the_slug_unique_among_siblings(news, staff_user):
    target = news.get_target_instance()
    NewsPageFactory(parent=target.get_parent(), slug="latest-news", locale=locale("en"))
    translate_strings(news, {"neues-mitglied": "latest-news"})

    revision = save_translation_draft(news, user=staff_user)

    assert revision.as_object().slug == "latest-news-1"


def test_a_missing_target_is_created_as_a_draft(staff_user, django_capture_on_commit_callbacks):
    page = NewsPageFactory(title="Förderung bewilligt")
    translation = start_translation(page)
    translate_strings(translation, {"Förderung bewilligt": "Funding approved"})

    with django_capture_on_commit_callbacks(execute=True):
        revision = save_translation_draft(translation, user=staff_user)

    target = english(page)
    assert not target.live
    assert target.title == "Funding approved"
    assert revision == target.latest_revision


def test_an_alias_becomes_a_page_and_stays_live_with_the_source_text(staff_user):
    page = NewsPageFactory(title="Neues Mitglied")
    alias = page.create_alias(
        parent=page.get_parent().copy_for_translation(locale("en"), copy_parents=True, alias=True),
        update_locale=locale("en"),
        reset_translation_key=False,
    )
    translation = start_translation(page)
    translate_strings(translation, {"Neues Mitglied": "New member"})

    revision = save_translation_draft(translation, user=staff_user)

    alias.refresh_from_db()
    assert alias.alias_of_id is None
    assert alias.live
    assert alias.title == "Neues Mitglied"
    assert revision.as_object().title == "New member"


def test_a_draft_of_a_live_organisation_keeps_it_live_and_unchanged(
    staff_user, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(summary="Produziert Spezialchemikalien.")
    with django_capture_on_commit_callbacks(execute=True):
        translation = translate(
            organisation, {"Produziert Spezialchemikalien.": "Makes speciality chemicals."}
        )
    target = translation.get_target_instance()
    assert target.live and target.summary == "Makes speciality chemicals."

    translate_strings(translation, {"Produziert Spezialchemikalien.": "Speciality chemicals."})
    revision = save_translation_draft(translation, user=staff_user)

    target = Organisation.objects.get(pk=target.pk)
    assert target.live
    assert target.summary == "Makes speciality chemicals."
    assert target.has_unpublished_changes
    assert target.latest_revision == revision
    assert revision.as_object().summary == "Speciality chemicals."


def test_snippets_without_drafts_cannot_be_saved_as_drafts(staff_user):
    topic = TopicFactory(name="Kreislaufwirtschaft")
    translation = translate(topic, {"Kreislaufwirtschaft": "Circular economy"})

    with pytest.raises(CannotSaveDraftError):
        save_translation_draft(translation, user=staff_user)
