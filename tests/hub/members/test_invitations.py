"""Invitations: the mail with its link (to a real SMTP server), the accept page for new and
existing accounts, and every way a link stops working."""

import json
import logging
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, ModelLogEntry
from wagtail.users.models import UserProfile

from hub.members.invitations import (
    ACCEPT_ACTION,
    GRANT_ACTION,
    MembershipRefused,
    hash_token,
    invite,
    issue_link_token,
    revoke_invitation,
)
from hub.members.models import MemberInvitation, OrganisationMember
from hub.members.roles import MEMBERS, MemberRole
from hub.members.tasks import send_invitation_mail
from snippets.models import Organisation
from tests.factories.members import MemberFactory, grant
from tests.factories.snippets import OrganisationFactory
from tests.factories.users import USER_PASSWORD
from tests.pages.publishing import CommunicationsReviewerFactory, EditorFactory, logged_in

pytestmark = pytest.mark.django_db

User = get_user_model()
GOOD_PASSWORD = "Harz-Chemie-2025-Goslar!"
INVALID_TITLE = "This invitation link is not valid any more"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limiter counts in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(name="Harzer Chemiewerk GmbH")
    organisation.save_revision().publish()
    return Organisation.objects.get(pk=organisation.pk)


@pytest.fixture
def inviter():
    return CommunicationsReviewerFactory(first_name="Sabine", last_name="Schreiber")


def link_for(invitation: MemberInvitation) -> str:
    """Mint the link as the mail task does (tests that are not about the mail)."""
    _, token = issue_link_token(invitation.pk)
    return reverse("members:accept_invitation", args=[token])


def invited(organisation, inviter, *, email="kontakt@harzer-chemiewerk.de", role="editor"):
    invitation = invite(email=email, organisation=organisation, role=role, invited_by=inviter)
    return invitation, link_for(invitation)


def password_form(password=GOOD_PASSWORD, repeated=None) -> dict:
    return {"password1": password, "password2": repeated or password}


# The mail


def test_the_invitation_mail_arrives_with_a_working_link(
    smtp_server, organisation, inviter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(
            email=" Kontakt@Harzer-Chemiewerk.DE ",
            organisation=organisation,
            role=MemberRole.EDITOR,
            invited_by=inviter,
        )

    [mail] = smtp_server.wait_for(1)
    assert mail.recipients == ["kontakt@harzer-chemiewerk.de"]
    assert "Harzer Chemiewerk GmbH" in mail["Subject"]
    text = mail.text()
    expires = timezone.localtime(invitation.expires_at)
    for expected in (
        "Guten Tag",  # German first …
        "Hello",  # … then English
        "Harzer Chemiewerk GmbH",
        "Sabine Schreiber",
        "Bearbeitung",
        "Editor",
        expires.strftime("%H:%M"),
        str(expires.year),
    ):
        assert expected in text, expected
    assert text.index("Guten Tag") < text.index("Hello")
    [url] = set(re.findall(r"http://testserver/members/invitations/[^/\s]+/", text))
    assert url in mail.html()

    token = url.rstrip("/").rsplit("/", 1)[1]
    invitation.refresh_from_db()
    assert invitation.token_hash == hash_token(token)
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    # The token itself is stored nowhere.
    row = MemberInvitation.objects.filter(pk=invitation.pk).values().get()
    assert all(token not in str(value) for value in row.values())

    page = logged_in(inviter).get(url.removeprefix("http://testserver"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "kontakt@harzer-chemiewerk.de" in content
    assert "Harzer Chemiewerk GmbH" in content
    assert 'name="password1"' in content


@pytest.mark.django_db(transaction=True)
def test_the_worker_mails_the_link_and_the_task_queue_never_holds_the_token(
    task_worker, smtp_server, organisation, inviter
):
    invitation = invite(
        email="kontakt@harzer-chemiewerk.de",
        organisation=organisation,
        role=MemberRole.EDITOR,
        invited_by=inviter,
    )

    [mail] = smtp_server.wait_for(1, timeout=30)
    task_worker.wait_until_idle()
    token = re.search(r"/members/invitations/([^/\s]+)/", mail.text()).group(1)
    [task] = DBTaskResult.objects.filter(task_path__endswith="send_invitation_mail")
    assert task.args_kwargs == {"args": [invitation.pk], "kwargs": {}}
    assert task.return_value == "sent"
    assert token not in json.dumps(list(DBTaskResult.objects.values()), default=str)
    invitation.refresh_from_db()
    assert invitation.token_hash == hash_token(token)
    assert Client().get(f"/members/invitations/{token}/").status_code == 200


def test_the_lifetime_follows_the_setting(settings, organisation, inviter):
    settings.MEMBER_INVITATION_MAX_AGE_DAYS = 3

    invitation, _ = invited(organisation, inviter)

    assert invitation.expires_at - invitation.created_at == timedelta(days=3)


def test_a_new_invitation_to_the_same_address_revokes_the_earlier_link(organisation, inviter):
    first, first_link = invited(organisation, inviter)
    second, second_link = invited(organisation, inviter, role=MemberRole.VIEWER)

    first.refresh_from_db()
    assert first.revoked_at is not None
    assert second.is_usable
    assert logged_in(inviter).get(first_link).status_code == 410
    assert logged_in(inviter).get(second_link).status_code == 200


def test_the_mail_task_sends_nothing_for_a_revoked_invitation(smtp_server, organisation, inviter):
    invitation = invite(
        email="kontakt@harzer-chemiewerk.de",
        organisation=organisation,
        role=MemberRole.EDITOR,
        invited_by=inviter,
    )
    revoke_invitation(invitation, user=inviter)

    result = send_invitation_mail.enqueue(invitation.pk)

    assert result.return_value == "not usable"
    assert smtp_server.messages == []


def test_english_organisations_cannot_be_invited_to(organisation, inviter):
    english = organisation.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save()

    with pytest.raises(MembershipRefused, match="German"):
        invite(email="a@example.com", organisation=english, role="editor", invited_by=inviter)
    assert not MemberInvitation.objects.exists()


# Accepting as a new account


def test_accepting_sets_the_password_and_creates_the_member_with_access(
    client, organisation, inviter
):
    invitation, link = invited(organisation, inviter, email="Kontakt@Harzer-Chemiewerk.de")

    response = client.post(link, password_form())

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    user = User.objects.get(username="kontakt@harzer-chemiewerk.de")
    assert user.email == "kontakt@harzer-chemiewerk.de"
    assert user.is_active and not user.is_staff and not user.is_superuser
    assert user.check_password(GOOD_PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [MEMBERS]
    profile = UserProfile.get_for_user(user)
    assert profile.approved_notifications is False
    assert profile.rejected_notifications is False
    access = OrganisationMember.objects.get(user=user)
    assert (access.organisation, access.role, access.granted_by) == (
        organisation,
        MemberRole.EDITOR,
        inviter,
    )
    assert access.revoked_at is None
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert invitation.accepted_at is not None
    # Signed in: the admin dashboard opens.
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    actions = set(ModelLogEntry.objects.filter(user=user).values_list("action", flat=True))
    assert actions == {ACCEPT_ACTION, GRANT_ACTION}


def test_a_viewer_invitation_grants_the_viewer_role(client, organisation, inviter):
    _, link = invited(organisation, inviter, role=MemberRole.VIEWER)

    client.post(link, password_form())

    assert OrganisationMember.objects.get().role == MemberRole.VIEWER


def test_showing_the_page_does_not_use_the_link(client, organisation, inviter):
    invitation, link = invited(organisation, inviter)

    for _ in range(3):
        assert client.get(link).status_code == 200
    assert client.head(link).status_code == 200

    invitation.refresh_from_db()
    assert invitation.is_usable
    assert not User.objects.filter(username=invitation.email).exists()


@pytest.mark.parametrize(
    ("password", "repeated", "error"),
    [
        ("kurz", None, "password2"),  # too short
        ("12345678901", None, "password2"),  # only digits
        ("password123", None, "password2"),  # a common password
        ("chemiewerk1", None, "password2"),  # too similar to the address
        (GOOD_PASSWORD, GOOD_PASSWORD + "x", "password2"),  # not repeated the same
        ("", None, "password1"),
    ],
)
def test_a_weak_or_mistyped_password_is_a_form_error_and_creates_nothing(
    client, organisation, inviter, password, repeated, error
):
    invitation, link = invited(organisation, inviter)

    response = client.post(link, password_form(password, repeated))

    assert response.status_code == 200
    assert response.context["form"].errors[error]
    assert 'class="errorlist' in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()
    assert not OrganisationMember.objects.exists()
    invitation.refresh_from_db()
    assert invitation.is_usable


# Links that do not work


def test_a_link_works_once(client, organisation, inviter):
    _, link = invited(organisation, inviter)
    client.post(link, password_form())
    users, access = User.objects.count(), OrganisationMember.objects.count()

    again = logged_in(inviter).post(link, password_form("Another-Password-2025!"))

    assert again.status_code == 410
    assert INVALID_TITLE in again.content.decode()
    assert (User.objects.count(), OrganisationMember.objects.count()) == (users, access)
    assert User.objects.get(username="kontakt@harzer-chemiewerk.de").check_password(GOOD_PASSWORD)
    assert logged_in(inviter).get(link).status_code == 410


def test_an_expired_link_is_refused(client, organisation, inviter):
    invitation, link = invited(organisation, inviter)
    MemberInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    shown = client.get(link)
    posted = client.post(link, password_form())

    assert (shown.status_code, posted.status_code) == (410, 410)
    assert INVALID_TITLE in posted.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_a_revoked_link_is_refused(client, organisation, inviter):
    invitation, link = invited(organisation, inviter)
    assert revoke_invitation(invitation, user=inviter) is True

    posted = client.post(link, password_form())

    assert posted.status_code == 410
    assert INVALID_TITLE in posted.content.decode()
    assert not OrganisationMember.objects.exists()
    assert revoke_invitation(invitation, user=inviter) is False


@pytest.mark.parametrize("token", ["not-a-token", "x" * 43, "x" * 500])
def test_an_unknown_link_gets_the_same_page(client, organisation, inviter, token):
    invited(organisation, inviter)

    for response in (
        client.get(f"/members/invitations/{token}/"),
        client.post(f"/members/invitations/{token}/", password_form()),
    ):
        assert response.status_code == 404
        assert INVALID_TITLE in response.content.decode()
    assert not User.objects.filter(groups__name=MEMBERS).exists()


def test_invalid_links_are_logged_without_their_token(client, organisation, inviter, caplog):
    invitation, link = invited(organisation, inviter)
    revoke_invitation(invitation, user=inviter)
    token = link.rstrip("/").rsplit("/", 1)[1]

    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(link).status_code == 410
        assert client.get("/members/invitations/guessed-token/").status_code == 404

    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert all("/members/invitations/<token>/" in message for message in messages)
    assert not any(token in message or "guessed-token" in message for message in messages)


def test_posts_are_rate_limited_per_client(settings, client, organisation, inviter):
    settings.MEMBER_INVITATION_POSTS_PER_IP_PER_HOUR = 2
    invitation, link = invited(organisation, inviter)

    answers = [client.post(link, password_form("kurz")).status_code for _ in range(3)]

    assert answers == [200, 200, 429]
    blocked = client.post(link, password_form())
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    assert not User.objects.filter(email=invitation.email).exists()
    # Showing the page is not limited.
    assert client.get(link).status_code == 200


# Addresses with an account already


def test_a_member_account_signs_in_and_accepts_the_new_organisation(client, organisation, inviter):
    other = OrganisationFactory(name="Recyclinghof Harz GmbH")
    member = MemberFactory(username="kontakt@harzer-chemiewerk.de")
    grant(member, other, MemberRole.VIEWER)
    invitation, link = invited(organisation, inviter, email="KONTAKT@harzer-chemiewerk.de")

    signed_out = client.get(link)
    assert signed_out.status_code == 200
    login_url = reverse("wagtailadmin_login") + "?next=" + link.replace("/", "%2F")
    assert login_url in signed_out.content.decode().replace("&amp;", "&")
    assert 'name="password1"' not in signed_out.content.decode()
    # Posting without signing in changes nothing.
    assert client.post(link, password_form()).status_code == 200
    assert not OrganisationMember.objects.filter(organisation=organisation).exists()

    client.force_login(member)
    assert "Annehmen" in client.get(link).content.decode()
    response = client.post(link)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    access = OrganisationMember.objects.get(organisation=organisation)
    assert (access.user, access.role, access.granted_by) == (member, MemberRole.EDITOR, inviter)
    assert OrganisationMember.objects.filter(user=member).count() == 2
    member.refresh_from_db()
    assert member.check_password(USER_PASSWORD)
    invitation.refresh_from_db()
    assert invitation.accepted_by == member
    assert client.post(link).status_code == 410


def test_signed_in_as_another_account_the_page_asks_to_switch(organisation, inviter):
    MemberFactory(username="kontakt@harzer-chemiewerk.de")
    someone_else = MemberFactory()
    invitation, link = invited(organisation, inviter)

    response = logged_in(someone_else).post(link)

    assert response.status_code == 200
    assert someone_else.username in response.content.decode()
    assert not OrganisationMember.objects.exists()
    invitation.refresh_from_db()
    assert invitation.is_usable


def test_a_second_invitation_for_the_same_organisation_updates_the_role(organisation, inviter):
    member = MemberFactory(username="kontakt@harzer-chemiewerk.de")
    grant(member, organisation, MemberRole.VIEWER)
    _, link = invited(organisation, inviter, role=MemberRole.EDITOR)

    logged_in(member).post(link)

    access = OrganisationMember.objects.get(user=member)
    assert access.role == MemberRole.EDITOR


@pytest.mark.parametrize(
    "make_account",
    [
        pytest.param(
            lambda: EditorFactory(email="kontakt@harzer-chemiewerk.de"), id="staff in Editors"
        ),
        pytest.param(
            lambda: User.objects.create_superuser(
                "boss", "kontakt@harzer-chemiewerk.de", USER_PASSWORD
            ),
            id="superuser",
        ),
        pytest.param(
            lambda: MemberFactory(username="kontakt@harzer-chemiewerk.de", is_staff=True),
            id="member group but is_staff",
        ),
    ],
)
def test_a_staff_address_is_refused(client, organisation, inviter, make_account):
    account = make_account()
    invitation, link = invited(organisation, inviter)

    for response in (client.get(link), client.post(link, password_form())):
        assert response.status_code == 403
        assert "staff account" in response.content.decode()
    client.force_login(account)
    assert client.post(link).status_code == 403
    assert not OrganisationMember.objects.exists()
    invitation.refresh_from_db()
    assert invitation.is_usable


def test_a_deactivated_member_account_is_refused(client, organisation, inviter):
    MemberFactory(username="kontakt@harzer-chemiewerk.de", is_active=False)
    _, link = invited(organisation, inviter)

    response = client.post(link, password_form())

    assert response.status_code == 403
    assert "deactivated" in response.content.decode()
    assert not OrganisationMember.objects.exists()
