"""The publishing flow of a CKnews issue, end to end, in the admin of a real Chromium.

An editor writes the issue, sends a test of its email edition to herself and submits it to
"Communications review"; a reviewer sets a go-live time and approves. Once that time has
come, the hub's scheduler (the one ``manage.py run_worker`` runs) publishes the issue: it is
live in the API, the site's frontend has received a signed webhook from the task worker, and
the test mail sits in the SMTP server's mailbox. Every peer is real: aiosmtpd and an HTTP
receiver on loopback, django-tasks' database worker, Wagtail's ``publish_scheduled``.
"""

import datetime
import re
import threading

import pytest
import requests
from django.contrib.auth.models import Permission
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from api.webhooks.models import EventType, WebhookEndpoint
from hub.management.commands.run_worker import PublishScheduler
from pages.models import NewsletterIssuePage
from tests.api.webhooks.conftest import assert_signed_by
from tests.conftest import STAFF_PASSWORD
from tests.e2e.helpers import IssueForm, fill_date, fill_newsletter_issue
from tests.factories import (
    FrontendSettingsFactory,
    NewsletterSeriesPageFactory,
    SiteFactory,
)
from tests.pages.publishing import CommunicationsReviewerFactory, EditorFactory

HOSTNAME = "cluster-chemie-kunststoffe.localhost"
FRONTEND = "https://www.cluster-chemie-kunststoffe.example"
ISSUE_TITLE = "CKnews 4/2026 Wasserstoff"
THEME = "Wasserstoff"
HEADLINE = "Elektrolyse in Leuna"
TEASER = "Wie der Chemiestandort grünen Wasserstoff in seine Verbundnetze einspeist."
BODY = "In Leuna entsteht eine Elektrolyseanlage für die chemische Industrie."
EDITOR_EMAIL = "redaktion@cluster-chemie-kunststoffe.example"
TEST_SUBJECT = f"[Test] CKnews 4/2026 \N{EN DASH} {THEME}"
# The admin's date-time fields take minutes; the go-live is the first full minute at least
# this far ahead, so that the reviewer has time to approve before it.
SCHEDULE_LEAD = datetime.timedelta(seconds=40)


@pytest.fixture
def cknews(db):
    site = SiteFactory(hostname=HOSTNAME, site_name="Zukunftscluster Chemie/Kunststoffe")
    FrontendSettingsFactory(site=site, base_url=FRONTEND)
    return NewsletterSeriesPageFactory(
        parent=site.root_page, title="CKnews", slug="cknews", short_name="CKnews"
    )


def _english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    user.set_password(STAFF_PASSWORD)
    user.save()
    return user


@pytest.fixture
def editor(db):
    """An editor (Wagtail's "Editors") who may also send the email edition."""
    user = _english_admin(EditorFactory(email=EDITOR_EMAIL))
    user.user_permissions.add(Permission.objects.get(codename="send_newsletter"))
    return user


@pytest.fixture
def reviewer(db):
    return _english_admin(CommunicationsReviewerFactory())


@pytest.fixture
def frontend_webhook(cknews, http_receiver):
    return WebhookEndpoint.objects.create(
        site=cknews.get_site(),
        name="Frontend revalidation",
        url=http_receiver.url("/api/revalidate"),
        events=[EventType.PAGE_PUBLISHED],
    )


@pytest.fixture
def scheduler(task_worker):
    """Wagtail's publish_scheduled every second, as ``run_worker`` runs it every minute."""
    publishing = PublishScheduler(interval=1)
    publishing.start()
    yield publishing
    publishing.stop()


@pytest.fixture
def no_autosave(settings):
    """Wagtail's autosave would race the "Save draft" click (see test_newsletter_issue.py)."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def _go_live_time() -> datetime.datetime:
    earliest = timezone.localtime() + SCHEDULE_LEAD
    return (earliest + datetime.timedelta(minutes=1)).replace(second=0, microsecond=0)


def _write_issue(page, cknews) -> NewsletterIssuePage:
    page.goto(f"/admin/pages/add/pages/newsletterissuepage/{cknews.pk}/")
    fill_newsletter_issue(
        page,
        IssueForm(
            title=ISSUE_TITLE,
            theme=THEME,
            headline=HEADLINE,
            teaser=TEASER,
            body=BODY,
            issue_number=4,
            year=2026,
            quarter=4,
            publication_date="2026-11-20",
        ),
    )
    page.locator("footer button.action-save").click()
    expect(page.locator(".messages li.success")).to_contain_text(f"'{ISSUE_TITLE}' created")
    return NewsletterIssuePage.objects.child_of(cknews).get()


def _send_test(page, issue) -> None:
    # "Email edition" is in the page header's actions menu of a German issue.
    page.locator("header").get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Email edition").click()
    expect(page).to_have_url(re.compile(rf"/admin/newsletter/issues/{issue.pk}/email/$"))
    page.locator("#id_address").fill(EDITOR_EMAIL)
    page.get_by_role("button", name="Send test").click()
    expect(page.locator(".messages li.success")).to_be_visible()


def _submit_for_review(page, issue) -> None:
    page.goto(f"/admin/pages/{issue.pk}/edit/")
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.locator("footer button[name='action-submit']").click()
    expect(page.locator(".messages li.success")).to_contain_text("submitted")


def _approve_with_schedule(page, issue, go_live: datetime.datetime) -> None:
    page.goto(f"/admin/pages/{issue.pk}/edit/")
    page.locator("[data-side-panel-toggle='status']").click()
    page.get_by_role("button", name=re.compile("^(Set schedule|Schedule)")).click()
    dialog = page.locator("#schedule-publishing-dialog")
    fill_date(page, dialog.locator("input[name='go_live_at']"), go_live.strftime("%Y-%m-%d %H:%M"))
    # "Save schedule" saves the page with its schedule; approving then publishes that
    # revision, and a go-live in the future makes the publish a scheduled one.
    dialog.get_by_role("button", name="Save schedule").click()
    expect(page.locator(".messages li.success")).to_be_visible()
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.locator("footer").get_by_role("button", name="Approve and Publish").click()
    expect(page.locator(".messages li.success")).to_be_visible()


def _wait_for_live_issue(live_server, path: str, *, until: datetime.datetime) -> dict:
    """Poll the API's resolve endpoint as a frontend would, until the issue answers."""
    url = f"{live_server.url}/api/v1/pages/resolve/"
    while True:
        response = requests.get(url, params={"site": HOSTNAME, "path": path}, timeout=10)
        if response.status_code == 200:
            return response.json()
        assert response.status_code == 404, response.text
        assert timezone.now() < until, f"{path} was not live by {until:%H:%M:%S}"
        threading.Event().wait(1)


def test_an_issue_goes_from_editor_through_review_to_api_webhook_and_mailbox(
    browser,
    live_server,
    admin_login,
    cknews,
    editor,
    reviewer,
    frontend_webhook,
    http_receiver,
    smtp_server,
    scheduler,
    no_autosave,
):
    editor_context = browser.new_context(base_url=live_server.url, timezone_id="Europe/Berlin")
    reviewer_context = browser.new_context(base_url=live_server.url, timezone_id="Europe/Berlin")
    editor_page, reviewer_page = editor_context.new_page(), reviewer_context.new_page()

    # The editor writes the issue, checks its email edition in her inbox, submits it.
    admin_login(editor_page, live_server, editor.username, STAFF_PASSWORD)
    issue = _write_issue(editor_page, cknews)
    _send_test(editor_page, issue)
    [test_mail] = smtp_server.wait_for(1)
    assert test_mail.recipients == [EDITOR_EMAIL]
    assert test_mail["Subject"] == TEST_SUBJECT
    assert HEADLINE in test_mail.html()
    assert BODY in test_mail.text() and BODY in test_mail.html()
    _submit_for_review(editor_page, issue)
    assert WorkflowState.objects.active().for_instance(issue).get().workflow.name == (
        "Communications review"
    )

    # The reviewer sets the go-live time and approves: scheduled, not yet live.
    admin_login(reviewer_page, live_server, reviewer.username, STAFF_PASSWORD)
    go_live = _go_live_time()
    _approve_with_schedule(reviewer_page, issue, go_live)
    issue.refresh_from_db()
    assert not issue.live
    assert issue.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == go_live
    path = f"/cknews/{issue.slug}/"
    not_yet = requests.get(
        f"{live_server.url}/api/v1/pages/resolve/",
        params={"site": HOSTNAME, "path": path},
        timeout=10,
    )
    assert not_yet.status_code == 404
    assert http_receiver.requests == []

    # After the go-live time the scheduler publishes it; the frontend hears of it.
    resolved = _wait_for_live_issue(
        live_server, path, until=go_live + datetime.timedelta(seconds=60)
    )
    assert resolved["kind"] == "page"
    assert resolved["page"]["title"] == ISSUE_TITLE
    assert resolved["page"]["articles"][0]["value"]["headline"] == HEADLINE

    [webhook] = http_receiver.wait_for(1, timeout=30)
    assert_signed_by(webhook, frontend_webhook)
    event = webhook.json()
    assert event["type"] == "page.published"
    assert event["object"]["id"] == issue.pk
    assert event["object"]["new_path"] == path
    assert "/cknews/" in event["affected_paths"]
    assert webhook.received_at >= go_live.timestamp()

    # Besides Wagtail's notices of the review (to the reviewer on submission, to the editor
    # on approval), the test send is the only mail: publishing sends the issue to nobody.
    mails = [(message.recipients, message["Subject"]) for message in smtp_server.messages]
    assert mails == [
        ([EDITOR_EMAIL], TEST_SUBJECT),
        (
            [reviewer.email],
            f'The page "{ISSUE_TITLE}" has been submitted for approval in moderation stage '
            '"Communications approval"',
        ),
        ([EDITOR_EMAIL], f'The page "{ISSUE_TITLE}" has been approved in "Communications review".'),
    ]

    editor_context.close()
    reviewer_context.close()
