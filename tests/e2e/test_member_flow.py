"""A member company updates its own profile, end to end, in a real Chromium.

Staff invite the company's contact person; she follows the link in the invitation mail,
sets a password, edits her organisation's profile in the admin and submits it for review.
A communications reviewer compares the submission with the live profile and approves it.
The public API then shows the change, and the member's decision mail has arrived. Every
peer is real: aiosmtpd on loopback, the admin's own views, the public API over HTTP.
"""

import re

import pytest
import requests
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from hub.members.invitations import invite
from hub.members.models import ProfileSubmission, SubmissionStatus
from hub.members.roles import MemberRole
from snippets.models import Organisation
from tests.conftest import STAFF_PASSWORD
from tests.factories.snippets import OrganisationFactory
from tests.pages.publishing import CommunicationsReviewerFactory

MEMBER_EMAIL = "kontakt@harzer-chemiewerk.example"
MEMBER_PASSWORD = "Granit-Fluss-Kupfer-42"
NEW_CITY = "Bad Harzburg"
NEW_PHONE = "+49 5322 78900"


@pytest.fixture
def organisation(db):
    organisation = OrganisationFactory(name="Harzer Chemiewerk", city="Goslar")
    organisation.save_revision().publish()
    return Organisation.objects.get(pk=organisation.pk)


@pytest.fixture
def reviewer(db):
    user = CommunicationsReviewerFactory(email="redaktion@cluster-chemie-kunststoffe.example")
    user.set_password(STAFF_PASSWORD)
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def no_autosave(settings):
    """Wagtail's autosave would race the "Save draft" click (see test_newsletter_issue.py)."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


def _invitation_link(message) -> str:
    match = re.search(r"https?://\S+/members/invitations/[\w-]+/", message.text())
    assert match, message.text()
    return match.group(0)


def _public_city(live_server, organisation) -> str:
    response = requests.get(
        f"{live_server.url}/api/v1/organisations/{organisation.pk}/", timeout=10
    )
    assert response.status_code == 200, response.text
    return response.json()["address"]["city"]


def test_a_member_updates_her_profile_and_staff_approve_it(
    browser, live_server, admin_login, organisation, reviewer, smtp_server, no_autosave, settings
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    invite(
        email=MEMBER_EMAIL,
        organisation=organisation,
        role=MemberRole.EDITOR,
        invited_by=reviewer,
    )
    [invitation_mail] = smtp_server.wait_for(1)
    assert invitation_mail.recipients == [MEMBER_EMAIL]
    link = _invitation_link(invitation_mail)

    member_context = browser.new_context(
        base_url=live_server.url, locale="en-GB", timezone_id="Europe/Berlin"
    )
    reviewer_context = browser.new_context(
        base_url=live_server.url, locale="en-GB", timezone_id="Europe/Berlin"
    )
    member_page, reviewer_page = member_context.new_page(), reviewer_context.new_page()

    # The contact person follows the link, sets her password and lands in the admin.
    member_page.goto(link)
    expect(member_page.locator("body")).to_contain_text(organisation.name)
    member_page.locator("#id_password1").fill(MEMBER_PASSWORD)
    member_page.locator("#id_password2").fill(MEMBER_PASSWORD)
    member_page.locator("form button[type=submit]").click()
    expect(member_page).to_have_url(f"{live_server.url}/admin/")
    expect(member_page.locator("main")).to_contain_text(organisation.name)

    # She edits her profile and submits it for review. Her admin speaks German, the
    # default, so the footer's menu is found by its markup rather than its label.
    member_page.get_by_role("link", name=organisation.name).first.click()
    expect(member_page).to_have_url(
        re.compile(rf"/admin/snippets/snippets/organisation/edit/{organisation.pk}/$")
    )
    member_page.locator("#tab-label-contact_location").click()
    member_page.locator("#id_city").fill(NEW_CITY)
    member_page.locator("#id_phone").fill(NEW_PHONE)
    member_page.locator("footer .w-dropdown__toggle").click()
    member_page.locator("footer button[name='action-submit']").click()
    expect(member_page.locator(".messages li.success")).to_be_visible()

    submission = ProfileSubmission.objects.get(organisation=organisation)
    assert submission.status == SubmissionStatus.PENDING
    assert submission.changes["city"] == {"live": "Goslar", "submitted": NEW_CITY}
    assert _public_city(live_server, organisation) == "Goslar"

    # The reviewer finds it on the dashboard, compares it with the live profile, approves.
    admin_login(reviewer_page, live_server, reviewer.username, STAFF_PASSWORD)
    panel = reviewer_page.locator("section", has_text="Member updates awaiting review")
    expect(panel).to_contain_text(organisation.name)
    panel.get_by_role("link", name="Compare with live").first.click()
    expect(reviewer_page.locator("main")).to_contain_text(NEW_CITY)
    expect(reviewer_page.locator("main")).to_contain_text("Goslar")
    reviewer_page.goto(f"/admin/snippets/snippets/organisation/edit/{organisation.pk}/")
    reviewer_page.locator("footer").get_by_role("button", name="More actions").click()
    reviewer_page.locator("footer").get_by_role("button", name="Approve and Publish").click()
    expect(reviewer_page.locator(".messages li.success")).to_be_visible()

    # The public API shows the change; the member was told by mail.
    assert _public_city(live_server, organisation) == NEW_CITY
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.decided_by == reviewer
    decision = [m for m in smtp_server.wait_for(2) if m.recipients == [MEMBER_EMAIL]][-1]
    assert organisation.name in decision.text()

    member_context.close()
    reviewer_context.close()
