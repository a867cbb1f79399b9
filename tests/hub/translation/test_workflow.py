"""Translator -> reviewer -> publish: the "Translation review" workflow, end to end."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision, Workflow, WorkflowContentType, WorkflowState

from hub.translation.drafts import SubmissionError, submit_translation_for_review
from hub.translation.roles import WORKFLOW
from pages.models import NewsPage
from snippets.models import Organisation
from tests.factories import NewsPageFactory, OrganisationFactory, TopicFactory, locale
from tests.factories.translations import translate, translate_strings
from tests.factories.users import ReviewerFactory, TranslatorFactory, UserFactory, is_denied

pytestmark = pytest.mark.django_db

GERMAN_INTRO = "Die Harzer Chemiewerk GmbH ist neues Mitglied."
ENGLISH_INTRO = "Harzer Chemiewerk GmbH has joined the network."
REVISED_INTRO = "Harzer Chemiewerk GmbH is our newest member."


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def edit_url(instance) -> str:
    if isinstance(instance, Organisation):
        return reverse("wagtailsnippets_snippets_organisation:edit", args=[instance.pk])
    return reverse("wagtailadmin_pages:edit", args=[instance.pk])


def submit_url(translation) -> str:
    return reverse("hub_translation_submit", args=[translation.pk])


def approve_url(instance, state: WorkflowState) -> str:
    name = (
        "wagtailsnippets_snippets_organisation:workflow_action"
        if isinstance(instance, Organisation)
        else "wagtailadmin_pages:workflow_action"
    )
    return reverse(name, args=[instance.pk, "approve", state.current_task_state.pk])


@pytest.fixture
def news(django_capture_on_commit_callbacks):
    """A German news item with a live English translation made through localize."""
    page = NewsPageFactory(title="Neues Mitglied", slug="neues-mitglied", intro=GERMAN_INTRO)
    with django_capture_on_commit_callbacks(execute=True):
        return translate(
            page,
            {
                "Neues Mitglied": "New member",
                "neues-mitglied": "new-member",
                GERMAN_INTRO: ENGLISH_INTRO,
            },
        )


@pytest.fixture
def translator():
    return TranslatorFactory()


@pytest.fixture
def reviewer():
    return ReviewerFactory()


def test_translated_pages_and_organisations_use_translation_review(news):
    english_page = news.get_target_instance()
    german_page = NewsPage.objects.get(
        translation_key=english_page.translation_key, locale=locale("de")
    )
    english_organisation = translate(OrganisationFactory(), {}).get_target_instance()
    german_organisation = OrganisationFactory()

    assert english_page.get_workflow().name == WORKFLOW
    assert german_page.get_workflow().name == "Communications review"
    assert english_organisation.get_workflow().name == WORKFLOW
    assert german_organisation.get_workflow().name == "Member profile review"


def test_german_organisations_keep_the_workflow_of_their_model():
    members = Workflow.objects.create(name="Mitgliedsprofile")
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Organisation),
        defaults={"workflow": members},
    )
    german = OrganisationFactory()
    english = translate(OrganisationFactory(), {}).get_target_instance()

    assert german.get_workflow() == members
    assert english.get_workflow().name == WORKFLOW

    Workflow.objects.filter(name=WORKFLOW).update(active=False)
    assert english.get_workflow() == members, "falls back while the workflow is inactive"


def test_translator_submits_and_reviewer_publishes_a_page(news, translator, reviewer):
    english = news.get_target_instance()
    translator_client, reviewer_client = logged_in(translator), logged_in(reviewer)
    translate_strings(news, {GERMAN_INTRO: REVISED_INTRO})

    response = translator_client.post(submit_url(news))

    assert response.status_code == 302
    assert response.url == edit_url(english)
    english.refresh_from_db()
    state = english.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW
    assert state.requested_by == translator
    assert english.intro == ENGLISH_INTRO, "nothing goes live before review"
    assert english.latest_revision.as_object().intro == REVISED_INTRO

    # The translator can neither publish nor approve.
    assert is_denied(translator_client.post(edit_url(english), {"action": "publish"}))
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[english.pk])
    assert is_denied(translator_client.post(unpublish))
    assert is_denied(translator_client.post(approve_url(english, state), {"comment": ""}))
    english.refresh_from_db()
    assert english.intro == ENGLISH_INTRO

    # The reviewer finds it on the dashboard and approves it, which publishes it.
    assert "New member" in reviewer_client.get(reverse("wagtailadmin_home")).text
    response = reviewer_client.post(approve_url(english, state), {"comment": "Looks good."})

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live
    assert english.intro == REVISED_INTRO
    assert not english.has_unpublished_changes
    assert english.current_workflow_state is None


def test_translator_cannot_edit_or_publish_german_pages(news, translator):
    english = news.get_target_instance()
    german = NewsPage.objects.exclude(pk=english.pk).get(translation_key=english.translation_key)
    client = logged_in(translator)

    assert is_denied(client.get(edit_url(german)))
    assert is_denied(client.post(edit_url(german), {"action-publish": "publish"}))
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[german.pk])
    assert is_denied(client.post(unpublish))
    assert client.get(edit_url(english)).status_code == 200


def test_a_rejected_translation_is_resubmitted_into_the_same_workflow(news, translator, reviewer):
    english = news.get_target_instance()
    submit_translation_for_review(news, user=translator)
    state = english.current_workflow_state
    reject = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[english.pk, "reject", state.current_task_state.pk],
    )
    logged_in(reviewer).post(reject, {"comment": "Please use British spelling."})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    panel = logged_in(translator).get(edit_url(english)).text
    assert "Please use British spelling." in panel
    assert 'action="' + submit_url(news) + '"' in panel

    resumed = submit_translation_for_review(news, user=translator)

    assert resumed.pk == state.pk
    assert resumed.status == WorkflowState.STATUS_IN_PROGRESS


def test_translator_submits_and_reviewer_publishes_an_organisation(
    translator, reviewer, django_capture_on_commit_callbacks
):
    german = OrganisationFactory(summary="Produziert Spezialchemikalien.")
    with django_capture_on_commit_callbacks(execute=True):
        translation = translate(german, {"Produziert Spezialchemikalien.": "Makes chemicals."})
    english = translation.get_target_instance()
    translate_strings(translation, {"Produziert Spezialchemikalien.": "Speciality chemicals."})

    logged_in(translator).post(submit_url(translation))

    english = Organisation.objects.get(pk=english.pk)
    state = english.current_workflow_state
    assert state.workflow.name == WORKFLOW
    assert english.live and english.summary == "Makes chemicals."
    assert is_denied(logged_in(translator).post(edit_url(english), {"action": "publish"}))

    logged_in(reviewer).post(approve_url(english, state), {"comment": ""})

    english = Organisation.objects.get(pk=english.pk)
    assert english.live
    assert english.summary == "Speciality chemicals."
    assert english.current_workflow_state is None


def test_submitting_twice_is_refused_without_a_new_revision(news, translator):
    submit_translation_for_review(news, user=translator)
    revisions = Revision.objects.count()

    response = logged_in(translator).post(submit_url(news), follow=True)

    assert "is already in review" in response.text
    assert Revision.objects.count() == revisions
    with pytest.raises(SubmissionError, match="already in review"):
        submit_translation_for_review(news, user=translator)


def test_a_translation_without_a_workflow_cannot_be_submitted(translator):
    translation = translate(TopicFactory(name="Kreislaufwirtschaft"), {})

    response = logged_in(translator).post(submit_url(translation), follow=True)

    assert response.status_code == 200
    assert "has no review workflow, so it cannot be submitted" in response.text


def test_submitting_needs_a_post_and_the_right_to_edit_the_translation(news):
    outsider = UserFactory()
    outsider.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )

    assert logged_in(TranslatorFactory()).get(submit_url(news)).status_code == 405
    assert is_denied(logged_in(outsider).post(submit_url(news)))
    assert not WorkflowState.objects.exists()


# The review panel above localize's editor


def test_the_editor_shows_status_and_a_submit_button(news, translator):
    english = news.get_target_instance()

    response = logged_in(translator).get(edit_url(english))

    templates = [template.name for template in response.templates]
    assert templates.count("wagtail_localize/admin/edit_translation.html") == 2, "ours and theirs"
    assert "hub/translation/review_panel.html" in templates
    assert 'id="translation-review-heading"' in response.text
    assert "Up to date" in response.text
    assert f'action="{submit_url(news)}"' in response.text
    assert ">Submit for review</button>" in response.text
    assert "Sync with the" not in response.text


def test_while_in_review_the_editor_says_so_and_offers_no_submit(news, translator):
    english = news.get_target_instance()
    submit_translation_for_review(news, user=translator)

    response = logged_in(translator).get(edit_url(english))

    assert "In review since" in response.text
    assert "In progress" in response.text
    assert "Submit for review" not in response.text


def test_an_outdated_translation_links_to_the_sync_view(news, translator, reviewer):
    german = NewsPage.objects.get(pk=news.source.get_source_instance().pk)
    german.save_revision().publish()
    english = news.get_target_instance()
    sync_url = reverse("wagtail_localize:update_translations", args=[news.source_id])

    translator_panel = logged_in(translator).get(edit_url(english)).text
    reviewer_panel = logged_in(reviewer).get(edit_url(english)).text

    assert "Outdated" in translator_panel
    assert f'href="{sync_url}"' in translator_panel
    assert "Sync with the German source" in translator_panel
    assert sync_url not in reviewer_panel, "reviewers may not sync"


# Localize's sync view cannot publish without review


def test_translators_sync_without_publishing(news, translator, django_capture_on_commit_callbacks):
    german = NewsPage.objects.get(pk=news.source.get_source_instance().pk)
    german.intro = "Die Harzer Chemiewerk GmbH ist seit März Mitglied."
    german.save_revision().publish()
    synced_before = news.source.last_updated_at
    sync_url = reverse("wagtail_localize:update_translations", args=[news.source_id])
    client = logged_in(translator)

    form = client.get(sync_url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url, {"publish_translations": "on"})

    assert 'name="publish_translations" id="id_publish_translations"' not in form.text
    assert response.status_code == 302
    news.source.refresh_from_db()
    assert news.source.last_updated_at > synced_before, "the source was synced"
    english = NewsPage.objects.get(pk=news.get_target_instance().pk)
    assert english.intro == ENGLISH_INTRO, "nothing was published"


def test_staff_who_may_publish_can_still_publish_when_syncing(
    news, staff_client, django_capture_on_commit_callbacks
):
    german = NewsPage.objects.get(pk=news.source.get_source_instance().pk)
    german.intro = "Die Harzer Chemiewerk GmbH ist seit März Mitglied."
    german.save_revision().publish()
    sync_url = reverse("wagtail_localize:update_translations", args=[news.source_id])

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(sync_url, {"publish_translations": "on"})

    english = NewsPage.objects.get(pk=news.get_target_instance().pk)
    assert english.intro == "Die Harzer Chemiewerk GmbH ist seit März Mitglied.", (
        "published with the German text until translated"
    )
