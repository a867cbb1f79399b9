"""An editor creates a CKnews issue in the Wagtail admin, as the first issue's acceptance test.

The tests switch the editor's admin language to English through the user profile, so texts
such as "draft" or "created" do not depend on the browser's German locale. Form fields are
found by their ids and names, which no translation changes.
"""

import datetime
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from pages.models import NewsletterIssuePage
from tests.conftest import STAFF_PASSWORD
from tests.e2e.helpers import IssueForm, fill_newsletter_issue
from tests.factories import NewsletterIssuePageFactory, NewsletterSeriesPageFactory, SiteFactory

ISSUE_TITLE = "CKnews 2/2025 Kreislaufwirtschaft"
THEME = "Kreislaufwirtschaft"
HEADLINE = "Rohstoffregion Harz"
TEASER = "Wie kleine und mittlere Unternehmen Sekundärrohstoffe erschließen."
BODY = "Der Harz gilt seit jeher als Rohstoffregion."


@pytest.fixture
def editor(staff_user):
    """The staff superuser, with the admin in English whatever the browser asks for."""
    profile = UserProfile.get_for_user(staff_user)
    profile.preferred_language = "en"
    profile.save()
    return staff_user


@pytest.fixture
def cknews():
    """The CKnews series under the home page of a site."""
    site = SiteFactory()
    return NewsletterSeriesPageFactory(parent=site.root_page, title="CKnews", short_name="CKnews")


@pytest.fixture
def no_autosave(settings):
    """Turn off Wagtail 8's autosave, which races the "Save draft" click.

    With autosave on, the create form posts itself in the background once it has been
    changed and has stayed unchanged for a moment (about 1.5 s), and the first such post
    creates the page. Whether "Save draft" then creates the page ("created") or updates the
    autosaved one ("has been updated", two revisions) depends on how fast the test types.
    A click while that first post is still being answered even fails: the form posts to
    the create view again and gets "slug already in use" or a server error.
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def _login(page, live_server, admin_login, user):
    admin_login(page, live_server, user.username, STAFF_PASSWORD)


def test_editor_creates_a_draft_issue_of_cknews(
    page, live_server, admin_login, editor, cknews, no_autosave
):
    _login(page, live_server, admin_login, editor)

    # From the series in the page explorer to the form: the series only allows issues, so
    # "Add child page" leads straight to the issue form.
    page.goto(f"/admin/pages/{cknews.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    expect(page).to_have_url(
        re.compile(rf"/admin/pages/add/pages/newsletterissuepage/{cknews.pk}/$")
    )

    fill_newsletter_issue(
        page,
        IssueForm(
            title=ISSUE_TITLE,
            theme=THEME,
            headline=HEADLINE,
            teaser=TEASER,
            body=BODY,
            issue_number=2,
            year=2025,
            quarter=2,
            publication_date="2025-05-15",
        ),
    )

    page.locator("footer button.action-save").click()

    # Saving a new page leads to its edit form with the success message.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator(".messages li.success")).to_contain_text(f"'{ISSUE_TITLE}' created")
    edit_path = urlparse(page.url).path

    # The series' listing in the page explorer shows the new issue as a draft.
    page.goto(f"/admin/pages/{cknews.pk}/")
    row = page.locator("main table tbody tr").filter(has=page.locator(f"a[href='{edit_path}']"))
    expect(row).to_have_count(1)
    expect(row.locator("td.title")).to_contain_text(ISSUE_TITLE)
    expect(row.locator(".w-status")).to_contain_text("draft")
    expect(row.locator("[data-page-status]")).to_have_attribute("data-page-status", "draft")

    # The database holds the draft under the series, with what the editor typed.
    issue = NewsletterIssuePage.objects.child_of(cknews).get()
    assert f"/admin/pages/{issue.pk}/edit/" == edit_path
    assert issue.title == ISSUE_TITLE
    assert issue.live is False
    assert issue.has_unpublished_changes is True
    assert issue.revisions.count() == 1
    assert (issue.issue_number, issue.year, issue.quarter) == (2, 2025, 2)
    assert issue.theme == THEME
    assert issue.publication_date == datetime.date(2025, 5, 15)
    [article] = issue.articles
    assert article.block_type == "article"
    assert article.value["headline"] == HEADLINE
    assert article.value["teaser"] == TEASER
    assert BODY in article.value["body"].source
    draft = issue.latest_revision.as_object()
    assert (draft.issue_number, draft.theme) == (2, THEME)
    assert draft.articles[0].value["headline"] == HEADLINE


def test_series_lists_its_issues_and_only_allows_issues_below_it(
    page, live_server, admin_login, editor, cknews
):
    for title, number, year in [("CKnews 4/2024", 4, 2024), ("CKnews 1/2025", 1, 2025)]:
        NewsletterIssuePageFactory(parent=cknews, title=title, issue_number=number, year=year)
    home_pk = cknews.get_parent().pk
    _login(page, live_server, admin_login, editor)

    # The page explorer lists the series' issues.
    page.goto(f"/admin/pages/{cknews.pk}/")
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="CKnews 4/2024")).to_have_count(1)
    expect(rows.filter(has_text="CKnews 1/2025")).to_have_count(1)

    # The series allows issues only, so its "Add child page" chooser has a single choice,
    # which Wagtail skips: it leads straight to the issue form.
    page.goto(f"/admin/pages/{cknews.pk}/add_subpage/")
    expect(page).to_have_url(
        re.compile(rf"/admin/pages/add/pages/newsletterissuepage/{cknews.pk}/$")
    )
    expect(page.get_by_role("heading", name="New: Newsletter issue")).to_be_attached()

    # The home page's chooser offers the series, but not issues, which belong in a series.
    page.goto(f"/admin/pages/{home_pk}/add_subpage/")
    choices = page.locator("main ul.listing")
    expect(choices.locator("a[href*='/add/pages/newsletterseriespage/']")).to_contain_text(
        "Newsletter series"
    )
    expect(choices.locator("a[href*='/add/pages/newsletterissuepage/']")).to_have_count(0)
