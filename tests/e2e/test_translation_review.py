"""A translator translates a CKnews issue in wagtail-localize's editor; a reviewer publishes it.

The German site, its English home and series exist already (translated through localize, as
``load_demo`` does it); the English issue is the draft that localize created for translation.
Both users see the admin in English, so labels do not depend on the browser's German.
"""

import pytest
from django.db import transaction
from playwright.sync_api import expect
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.operations import TranslationCreator

from pages.models import NewsletterIssuePage
from tests.factories import NewsletterIssuePageFactory, NewsletterSeriesPageFactory, SiteFactory
from tests.factories.snippets import locale
from tests.factories.translations import start_translation, translate_strings
from tests.factories.users import USER_PASSWORD, ReviewerFactory, TranslatorFactory

GERMAN_TITLE = "CKnews 3/2025 Wasserstoff"
ENGLISH_TITLE = "CKnews 3/2025 Hydrogen"


def _english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def translator():
    return _english_admin(TranslatorFactory())


@pytest.fixture
def reviewer():
    return _english_admin(ReviewerFactory())


@pytest.fixture
def english_issue():
    """The English draft of a German CKnews issue, opened for translation in localize."""
    english = locale("en")
    with transaction.atomic():
        site = SiteFactory()
        series = NewsletterSeriesPageFactory(
            parent=site.root_page, title="CKnews", short_name="CKnews"
        )
        issue = NewsletterIssuePageFactory(parent=series, title=GERMAN_TITLE)
        for page, texts in ((site.root_page, {}), (series, {"CKnews": "CKnews"})):
            translate_strings(start_translation(page.specific), texts)
            start_translation(page.specific).save_target(publish=True)
    # New German pages get their English draft through the same creator the hub uses.
    TranslationCreator(user=None, target_locales=[english]).create_translations(issue)
    return issue.get_translation(english)


def test_translator_submits_and_reviewer_publishes_the_english_issue(
    browser, live_server, admin_login, translator, reviewer, english_issue
):
    assert not english_issue.live

    # The translator opens the English issue; localize's editor takes the place of the form.
    translator_context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = translator_context.new_page()
    admin_login(page, live_server, translator.username, USER_PASSWORD)
    page.goto(f"/admin/pages/{english_issue.pk}/edit/")
    expect(page.locator(".js-translation-editor")).to_be_visible()
    expect(page.get_by_role("heading", name="Translation review")).to_be_visible()

    # Translate the title segment and save it.
    title_segment = page.locator("li", has_text=GERMAN_TITLE).filter(
        has=page.get_by_role("button", name="Translate")
    )
    title_segment.first.get_by_role("button", name="Translate").click()
    page.locator(".js-translation-editor textarea").fill(ENGLISH_TITLE)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".js-translation-editor")).to_contain_text(ENGLISH_TITLE)
    expect(page.get_by_text("Saving...")).to_have_count(0)

    # No publishing for translators, only submitting for review.
    expect(page.get_by_role("button", name="Publish in English")).to_have_count(0)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("In review since")).to_be_visible()
    translator_context.close()

    english_issue.refresh_from_db()
    assert not english_issue.live
    assert english_issue.title != ENGLISH_TITLE
    assert english_issue.workflow_in_progress

    # The reviewer approves it from the dashboard, which publishes the submitted revision.
    reviewer_context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = reviewer_context.new_page()
    admin_login(page, live_server, reviewer.username, USER_PASSWORD)
    row = page.locator("table.listing--dashboard tr", has_text=ENGLISH_TITLE)
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator("table.listing--dashboard tr", has_text=ENGLISH_TITLE)).to_have_count(0)
    reviewer_context.close()

    published = Page.objects.get(pk=english_issue.pk).specific
    assert isinstance(published, NewsletterIssuePage)
    assert published.live
    assert published.title == ENGLISH_TITLE
    assert not published.workflow_in_progress
    assert published.url.endswith("/en/cknews/" + published.slug + "/")
