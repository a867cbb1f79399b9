"""The admin's "Member access": who may use it, the list and its filters, and the actions
(invite, change role, revoke access, deactivate an account, revoke or resend invitations),
each logged with who did it."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.menu import settings_menu
from wagtail.models import Locale, ModelLogEntry
from wagtail.permissions import policy_registry

from api.members.models import OrganisationToken
from hub.members import invitations
from hub.members.access import can_submit_profile
from hub.members.models import MemberInvitation, OrganisationMember
from hub.members.roles import MemberRole
from tests.factories.members import MemberFactory, grant, member_of, token_for
from tests.factories.members import published_organisation as published
from tests.factories.snippets import OrganisationFactory
from tests.factories.users import TranslatorFactory, UserFactory, is_denied
from tests.pages.publishing import CommunicationsReviewerFactory, EditorFactory, logged_in

pytestmark = pytest.mark.django_db

INDEX = "/admin/member-access/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def org_a():
    return published(name="Harzer Chemiewerk GmbH")


@pytest.fixture
def org_b():
    return published(name="Recyclinghof Nordharz GmbH")


@pytest.fixture
def manager():
    """Staff with hub.manage_members (Communications reviewers hold it)."""
    user = CommunicationsReviewerFactory(first_name="Sabine", last_name="Schreiber")
    assert user.has_perm("hub.manage_members")
    return user


@pytest.fixture
def people(org_a, org_b, manager):
    """Everyone in the authorisation matrix, by name."""
    revoked = member_of(org_a)
    OrganisationMember.objects.filter(user=revoked).update(revoked_at="2025-01-01T00:00Z")
    editor = EditorFactory()
    assert not editor.has_perm("hub.manage_members")
    return {
        "editor A": member_of(org_a, MemberRole.EDITOR),
        "editor B": member_of(org_b, MemberRole.EDITOR),
        "viewer A": member_of(org_a, MemberRole.VIEWER),
        "revoked member A": revoked,
        "staff without manage_members": editor,
        "staff with manage_members": manager,
        "superuser": UserFactory(is_superuser=True),
        "translator": TranslatorFactory(),
    }


@pytest.fixture
def targets(people, org_a, manager):
    """An access row and a pending invitation for the per-object views."""
    access = OrganisationMember.objects.get(user=people["editor A"])
    invitation = invitations.invite(
        email="neu@harzer-chemiewerk.de", organisation=org_a, role="viewer", invited_by=manager
    )
    return {"access": access.pk, "invitation": invitation.pk}


VIEWS = {
    "index": lambda t: INDEX,
    "index results (filtering)": lambda t: f"{INDEX}results/?role=editor",
    "invitations": lambda t: f"{INDEX}invitations/",
    "invitation results": lambda t: f"{INDEX}invitations/results/",
    "invite": lambda t: f"{INDEX}invite/",
    "change role": lambda t: f"{INDEX}role/{t['access']}/",
    "revoke access": lambda t: f"{INDEX}revoke/{t['access']}/",
    "deactivate": lambda t: f"{INDEX}deactivate/{t['access']}/",
    "history": lambda t: f"{INDEX}history/{t['access']}/",
    "revoke invitation": lambda t: f"{INDEX}invitations/{t['invitation']}/revoke/",
    "resend invitation": lambda t: f"{INDEX}invitations/{t['invitation']}/resend/",
}

# Who gets what on every view above (GET and POST alike).
MATRIX = {
    "anonymous": "login",
    "editor A": "denied",
    "editor B": "denied",
    "viewer A": "denied",
    "revoked member A": "denied",
    "staff without manage_members": "denied",
    "translator": "denied",
    "staff with manage_members": "ok",
    "superuser": "ok",
}


def answer(response) -> str:
    if response.status_code == 200:
        return "ok"
    if response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login")):
        return "login"
    if is_denied(response):
        return "denied"
    return f"unexpected {response.status_code}"


@pytest.mark.parametrize("who", list(MATRIX))
@pytest.mark.parametrize("view", list(VIEWS))
def test_authorisation_matrix(people, targets, who, view):
    client = Client() if who == "anonymous" else logged_in(people[who])
    url = VIEWS[view](targets)

    assert answer(client.get(url)) == MATRIX[who]
    if MATRIX[who] != "ok":
        # Posting changes nothing either.
        posted = client.post(url, {"role": "viewer", "email": "x@example.com"})
        assert answer(posted) == MATRIX[who]
        assert OrganisationMember.objects.active().filter(user=people["editor A"]).exists()
        assert people["editor A"].__class__.objects.get(pk=people["editor A"].pk).is_active
        assert MemberInvitation.objects.get(pk=targets["invitation"]).is_usable
        assert MemberInvitation.objects.count() == 1


def test_unknown_ids_are_404_for_managers_and_denied_for_others(people, manager):
    for url in (f"{INDEX}role/999999/", f"{INDEX}invitations/999999/revoke/"):
        assert logged_in(manager).get(url).status_code == 404
        assert is_denied(logged_in(people["editor A"]).get(url))


def test_the_menu_item_is_shown_to_managers_only(people):
    for who, expected in MATRIX.items():
        if who == "anonymous":
            continue
        request = RequestFactory().get("/admin/")
        request.user = people[who]
        names = {item.name for item in settings_menu.menu_items_for_request(request)}
        assert ("member-access" in names) == (expected == "ok"), who


# The list


def test_the_list_shows_member_organisation_role_status_and_last_login(people, org_a, manager):
    member = people["editor A"]
    member.last_login = "2025-03-01T09:30Z"
    member.save()

    response = logged_in(manager).get(INDEX)

    content = response.content.decode()
    rows = response.context["object_list"]
    assert {access.user for access in rows} == {
        people["editor A"],
        people["editor B"],
        people["viewer A"],
        people["revoked member A"],
    }
    assert member.email in content
    assert "Harzer Chemiewerk GmbH" in content
    assert "Editor (may submit changes)" in content
    assert "revoked" in content
    assert "active" in content
    assert f"{INDEX}revoke/" in content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("role=viewer", {"viewer A"}),
        ("active=no", {"revoked member A"}),
        ("active=yes", {"editor A", "editor B", "viewer A"}),
        ("organisation={org_b}", {"editor B"}),
        ("organisation={org_a}&role=editor&active=yes", {"editor A"}),
    ],
)
def test_the_list_filters(people, org_a, org_b, manager, query, expected):
    url = INDEX + "?" + query.format(org_a=org_a.pk, org_b=org_b.pk)

    rows = logged_in(manager).get(url).context["object_list"]

    names = {who for who, user in people.items() if any(row.user == user for row in rows)}
    assert names == expected


def test_the_list_costs_the_same_queries_for_more_rows(org_a, org_b, manager):
    client = logged_in(manager)
    member_of(org_a)
    client.get(INDEX)  # warm caches (content types, site settings)
    with CaptureQueriesContext(connection) as few:
        assert client.get(INDEX).status_code == 200
    for _ in range(5):
        member_of(org_b, MemberRole.VIEWER)
    with CaptureQueriesContext(connection) as many:
        assert client.get(INDEX).status_code == 200

    assert len(many) == len(few)


# Invite


def test_inviting_creates_the_invitation_and_mails_the_link(
    smtp_server, org_a, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(manager).post(
            f"{INDEX}invite/",
            {"email": "Kontakt@Harzer-Chemiewerk.de", "organisation": org_a.pk, "role": "editor"},
        )

    assert response.status_code == 302
    assert response.url == f"{INDEX}invitations/"
    invitation = MemberInvitation.objects.get()
    assert (invitation.email, invitation.organisation, invitation.role, invitation.invited_by) == (
        "kontakt@harzer-chemiewerk.de",
        org_a,
        "editor",
        manager,
    )
    [mail] = smtp_server.wait_for(1)
    assert mail.recipients == ["kontakt@harzer-chemiewerk.de"]
    assert "/members/invitations/" in mail.text()
    entry = ModelLogEntry.objects.get(action=invitations.INVITE_ACTION)
    assert (entry.user, entry.object_id) == (manager, str(invitation.pk))

    listing = logged_in(manager).get(f"{INDEX}invitations/")
    assert "kontakt@harzer-chemiewerk.de" in listing.content.decode()


@pytest.mark.parametrize(
    ("email", "field", "error"),
    [
        ("staff@example.org", "email", "staff account"),
        ("Member-A@example.com", "__all__", "has access to"),
        ("not-an-address", "email", ""),  # Django's message, in the admin's language
    ],
)
def test_inviting_refuses_staff_addresses_existing_access_and_bad_input(
    org_a, manager, email, field, error
):
    UserFactory(username="boss", email="staff@example.org", is_superuser=True)
    member_of(org_a, username="member-a@example.com")

    response = logged_in(manager).post(
        f"{INDEX}invite/", {"email": email, "organisation": org_a.pk, "role": "editor"}
    )

    assert response.status_code == 200
    assert error in str(response.context["form"].errors[field])
    assert not MemberInvitation.objects.exists()


def test_only_german_organisations_can_be_chosen(org_a, manager):
    english = org_a.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save()

    form = logged_in(manager).get(f"{INDEX}invite/").context["form"]
    response = logged_in(manager).post(
        f"{INDEX}invite/", {"email": "a@example.com", "organisation": english.pk, "role": "editor"}
    )

    assert english not in form.fields["organisation"].queryset
    assert org_a in form.fields["organisation"].queryset
    assert "organisation" in response.context["form"].errors
    assert not MemberInvitation.objects.exists()


def test_an_unknown_role_is_a_form_error(org_a, manager):
    response = logged_in(manager).post(
        f"{INDEX}invite/", {"email": "a@example.com", "organisation": org_a.pk, "role": "owner"}
    )

    assert "role" in response.context["form"].errors
    assert not MemberInvitation.objects.exists()


# Actions on access


def test_changing_the_role_takes_effect_and_is_logged(org_a, manager):
    member = member_of(org_a, MemberRole.VIEWER)
    access = OrganisationMember.objects.get(user=member)

    response = logged_in(manager).post(f"{INDEX}role/{access.pk}/", {"role": "editor"})

    assert response.status_code == 302
    access.refresh_from_db()
    assert access.role == MemberRole.EDITOR
    member.refresh_from_db()
    assert can_submit_profile(member, org_a)
    entry = ModelLogEntry.objects.get(action=invitations.CHANGE_ROLE_ACTION)
    assert entry.user == manager
    assert entry.data == {"from": "viewer", "to": "editor"}


def test_revoking_access_revokes_the_members_tokens_for_that_organisation(org_a, org_b, manager):
    member = member_of(org_a)
    grant(member, org_b)
    token_for(member, org_a)
    token_for(member, org_b)
    access = OrganisationMember.objects.get(user=member, organisation=org_a)

    assert logged_in(manager).get(f"{INDEX}revoke/{access.pk}/").status_code == 200
    response = logged_in(manager).post(f"{INDEX}revoke/{access.pk}/")

    assert response.status_code == 302
    access.refresh_from_db()
    assert access.revoked_at is not None
    assert access.revoked_by == manager
    token_a = OrganisationToken.objects.get(organisation=org_a)
    assert token_a.revoked_at is not None
    assert token_a.revoked_by == manager
    assert OrganisationToken.objects.get(organisation=org_b).revoked_at is None
    member = member.__class__.objects.get(pk=member.pk)
    assert not can_submit_profile(member, org_a)
    assert can_submit_profile(member, org_b)
    entry = ModelLogEntry.objects.get(action=invitations.REVOKE_ACCESS_ACTION)
    assert (entry.user, entry.data) == (manager, {"tokens_revoked": 1})
    # The row stays, without the actions for current access.
    listing = logged_in(manager).get(INDEX).content.decode()
    assert f"{INDEX}revoke/{access.pk}/" not in listing
    assert is_redirect_with_error(logged_in(manager).get(f"{INDEX}role/{access.pk}/"))


def is_redirect_with_error(response) -> bool:
    return response.status_code == 302 and response.url == INDEX


def test_deactivating_an_account_ends_its_session_at_once(org_a, manager):
    member = member_of(org_a)
    member_client = logged_in(member)
    assert member_client.get(reverse("wagtailadmin_home")).status_code == 200
    access = OrganisationMember.objects.get(user=member)

    response = logged_in(manager).post(f"{INDEX}deactivate/{access.pk}/")

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.is_active is False
    after = member_client.get(reverse("wagtailadmin_home"))
    assert after.status_code == 302
    assert after.url.startswith(reverse("wagtailadmin_login"))
    entry = ModelLogEntry.objects.get(action=invitations.DEACTIVATE_ACTION)
    assert (entry.user, entry.object_id) == (manager, str(member.pk))


def test_staff_accounts_are_not_deactivated_here(org_a, manager):
    staff = EditorFactory()
    access = grant(staff, org_a)

    logged_in(manager).post(f"{INDEX}deactivate/{access.pk}/")

    staff.refresh_from_db()
    assert staff.is_active
    assert not ModelLogEntry.objects.filter(action=invitations.DEACTIVATE_ACTION).exists()


def test_the_history_shows_who_did_what(org_a, manager):
    member = member_of(org_a, MemberRole.VIEWER)
    access = OrganisationMember.objects.get(user=member)
    client = logged_in(manager)
    client.post(f"{INDEX}role/{access.pk}/", {"role": "editor"})
    client.post(f"{INDEX}revoke/{access.pk}/")

    response = client.get(f"{INDEX}history/{access.pk}/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Member role changed" in content
    assert "Member access revoked" in content
    assert "Sabine Schreiber" in content


# Invitations


def test_revoking_an_invitation_stops_its_link(org_a, manager):
    invitation = invitations.invite(
        email="neu@harzer-chemiewerk.de", organisation=org_a, role="editor", invited_by=manager
    )
    _, token = invitations.issue_link_token(invitation.pk)

    response = logged_in(manager).post(f"{INDEX}invitations/{invitation.pk}/revoke/")

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert Client().get(f"/members/invitations/{token}/").status_code == 410
    entry = ModelLogEntry.objects.get(action=invitations.REVOKE_INVITATION_ACTION)
    assert entry.user == manager
    # Revoked invitations leave the list of pending ones.
    listing = logged_in(manager).get(f"{INDEX}invitations/")
    assert list(listing.context["object_list"]) == []


def test_resending_makes_a_new_invitation_and_only_its_link_works(
    smtp_server, org_a, manager, django_capture_on_commit_callbacks
):
    old = invitations.invite(
        email="neu@harzer-chemiewerk.de", organisation=org_a, role="viewer", invited_by=manager
    )
    _, old_token = invitations.issue_link_token(old.pk)
    resender = CommunicationsReviewerFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(resender).post(f"{INDEX}invitations/{old.pk}/resend/")

    assert response.status_code == 302
    old.refresh_from_db()
    assert old.revoked_at is not None
    new = MemberInvitation.objects.exclude(pk=old.pk).get()
    assert (new.email, new.organisation, new.role, new.invited_by) == (
        old.email,
        org_a,
        "viewer",
        resender,
    )
    assert new.is_usable
    [mail] = smtp_server.wait_for(1)
    link = mail.text().split("http://testserver", 1)[1].split()[0]
    assert Client().get(link).status_code == 200
    assert Client().get(f"/members/invitations/{old_token}/").status_code == 410


def test_expired_invitations_are_listed_for_resending(org_a, manager):
    invitation = invitations.invite(
        email="neu@harzer-chemiewerk.de", organisation=org_a, role="editor", invited_by=manager
    )
    MemberInvitation.objects.filter(pk=invitation.pk).update(expires_at="2020-01-01T00:00Z")

    listing = logged_in(manager).get(f"{INDEX}invitations/")

    content = listing.content.decode()
    assert "expired" in content
    assert f"{INDEX}invitations/{invitation.pk}/resend/" in content
    assert f"{INDEX}invitations/{invitation.pk}/revoke/" not in content


def test_manage_members_is_offered_in_the_group_editor(manager):
    from wagtail import hooks

    registered = set()
    for hook in hooks.get_hooks("register_permissions"):
        registered |= set(hook())
    assert Permission.objects.get(codename="manage_members") in registered


def test_member_accounts_never_reach_member_access_even_with_the_permission(org_a):
    member = MemberFactory()
    grant(member, org_a)
    member.user_permissions.add(Permission.objects.get(codename="manage_members"))
    member = member.__class__.objects.get(pk=member.pk)
    assert member.has_perm("hub.manage_members")

    assert answer(logged_in(member).get(INDEX)) == "denied"


def test_the_permission_policy_names_the_same_users_as_the_views(people):
    policy = policy_registry.get_by_type(OrganisationMember)
    member_with_permission = member_of(OrganisationFactory())
    member_with_permission.user_permissions.add(Permission.objects.get(codename="manage_members"))

    allowed = set(policy.users_with_any_permission(["view", "change"]))

    assert allowed == {people[who] for who, expected in MATRIX.items() if expected == "ok"}
    assert member_with_permission not in allowed
    assert not policy.users_with_any_permission(["delete"]).exists()
    assert not policy.user_has_permission(people["superuser"], "delete")
