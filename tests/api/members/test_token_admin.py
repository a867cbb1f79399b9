"""Organisation API tokens in the admin: who sees which tokens, creating one (shown once,
stored as a digest), revoking, and the menu items."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import admin_menu, settings_menu
from wagtail.models import Locale, ModelLogEntry
from wagtail.permissions import policy_registry

from api.members.admin import CREATE_ACTION, MENU_NAME, REVOKE_ACTION
from api.members.models import OrganisationToken
from api.members.tokens import find_token, hash_token
from hub.members.models import OrganisationMember
from hub.members.roles import MemberRole
from tests.factories.members import MemberFactory, grant, member_of, token_for
from tests.factories.members import published_organisation as published
from tests.factories.users import TranslatorFactory, UserFactory, is_denied
from tests.pages.publishing import CommunicationsReviewerFactory, EditorFactory, logged_in

pytestmark = pytest.mark.django_db

INDEX = "/admin/member-api-tokens/"
ADD = f"{INDEX}new/"


def revoke_url(token) -> str:
    return f"{INDEX}revoke/{token.pk}/"


@pytest.fixture
def org_a():
    return published(name="Harzer Chemiewerk GmbH")


@pytest.fixture
def org_b():
    return published(name="Recyclinghof Nordharz GmbH")


def profile_staff_without_manage_members():
    """An editor who may also change organisations: profile staff, no hub.manage_members."""
    user = EditorFactory()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="snippets", codename="change_organisation")
    )
    return user


@pytest.fixture
def people(org_a, org_b):
    revoked = member_of(org_a)
    OrganisationMember.objects.filter(user=revoked).update(revoked_at=timezone.now())
    deactivated = member_of(org_a, is_active=False)
    comms = CommunicationsReviewerFactory()
    assert comms.has_perm("hub.manage_members")
    return {
        "editor A": member_of(org_a, MemberRole.EDITOR),
        "editor B": member_of(org_b, MemberRole.EDITOR),
        "viewer A": member_of(org_a, MemberRole.VIEWER),
        "revoked member A": revoked,
        "deactivated member A": deactivated,
        "staff with manage_members": comms,
        "profile staff without manage_members": profile_staff_without_manage_members(),
        "staff who may not edit organisations": EditorFactory(),
        "superuser": UserFactory(is_superuser=True),
        "translator": TranslatorFactory(),
    }


@pytest.fixture
def tokens(people, org_a, org_b):
    return {
        "A": OrganisationToken.objects.get(
            prefix=token_for(people["editor A"], org_a, name="Portal A")[:12]
        ),
        "B": OrganisationToken.objects.get(
            prefix=token_for(people["editor B"], org_b, name="CRM B")[:12]
        ),
    }


# Who gets what: the list (which tokens), the form, revoking A's and B's tokens, and a
# token id that does not exist. "login": sent to the admin's sign-in.
MATRIX = {
    "anonymous": ("login", "login", "login", "login", "login"),
    "editor A": ({"A"}, "ok", "ok", 404, 404),
    "editor B": ({"B"}, "ok", 404, "ok", 404),
    "viewer A": ("denied", "denied", "denied", "denied", "denied"),
    "revoked member A": ("denied", "denied", "denied", "denied", "denied"),
    "deactivated member A": ("login", "login", "login", "login", "login"),
    "staff with manage_members": ({"A", "B"}, "ok", "ok", "ok", 404),
    "profile staff without manage_members": ({"A", "B"}, "ok", "ok", "ok", 404),
    "staff who may not edit organisations": ("denied",) * 5,
    "superuser": ({"A", "B"}, "ok", "ok", "ok", 404),
    "translator": ("denied",) * 5,
}


def answer(response):
    if response.status_code == 200:
        return "ok"
    if response.status_code == 404:
        return 404
    if response.status_code == 302 and response.url.startswith(reverse("wagtailadmin_login")):
        return "login"
    if is_denied(response):
        return "denied"
    return f"unexpected {response.status_code}"


def client_for(people, who) -> Client:
    """A client signed in as ``who``; a deactivated account keeps its old session, which
    no longer signs it in."""
    client = Client()
    if who != "anonymous":
        client.force_login(people[who])
    return client


@pytest.mark.parametrize("who", list(MATRIX))
def test_authorisation_matrix(people, tokens, who):
    client = client_for(people, who)
    listed, form, revoke_a, revoke_b, unknown = MATRIX[who]

    for index in (client.get(INDEX), client.get(f"{INDEX}results/?status=usable")):
        if isinstance(listed, set):
            assert index.status_code == 200
            shown = {token.prefix for token in index.context["object_list"]}
            assert shown == {tokens[name].prefix for name in listed}
            content = index.content.decode()
            for name in {"A", "B"} - listed:
                assert tokens[name].name not in content
                assert tokens[name].prefix not in content
        else:
            assert answer(index) == listed
    assert answer(client.get(ADD)) == form
    assert answer(client.get(revoke_url(tokens["A"]))) == revoke_a
    assert answer(client.get(revoke_url(tokens["B"]))) == revoke_b
    assert answer(client.get(f"{INDEX}revoke/999999/")) == unknown


@pytest.mark.parametrize("who", list(MATRIX))
def test_revoking_needs_the_same_rights(people, tokens, who):
    client = client_for(people, who)
    expected = MATRIX[who][2]

    response = client.post(revoke_url(tokens["A"]))

    tokens["A"].refresh_from_db()
    if expected == "ok":
        assert response.status_code == 302
        assert tokens["A"].revoked_at is not None
        assert tokens["A"].revoked_by == people[who]
    else:
        assert answer(response) == expected
        assert tokens["A"].revoked_at is None


@pytest.mark.parametrize("who", [who for who in MATRIX if who != "anonymous"])
def test_menu_items(people, who):
    request = RequestFactory().get("/admin/")
    request.user = people[who]
    main = {item.name for item in admin_menu.menu_items_for_request(request)}
    settings = {item.name for item in settings_menu.menu_items_for_request(request)}
    may_manage = isinstance(MATRIX[who][0], set) and people[who].is_active
    is_member = who.startswith(("editor", "viewer", "revoked", "deactivated"))

    # Members have no Settings menu: their item is in the main menu; staff's under Settings.
    assert (MENU_NAME in main) == (may_manage and is_member)
    assert (MENU_NAME in settings) == (may_manage and not is_member)


# Creating


def plaintext_on_page(response) -> str:
    html = response.content.decode()
    [plaintext] = re.findall(r"<code data-api-token[^>]*>([^<]+)</code>", html)
    return plaintext


def test_a_member_editor_creates_a_token_shown_once(people, org_a):
    editor = people["editor A"]
    client = logged_in(editor)

    response = client.post(
        ADD, {"name": "Member portal", "organisation": org_a.pk, "expires_in_days": 30}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    plaintext = plaintext_on_page(response)
    token = OrganisationToken.objects.get()
    assert plaintext.startswith("chm_")
    assert token.key_hash == hash_token(plaintext)
    assert token.prefix == plaintext[:12]
    assert (token.organisation, token.user, token.created_by, token.name) == (
        org_a,
        editor,
        editor,
        "Member portal",
    )
    assert abs(token.expires_at - (timezone.now() + timedelta(days=30))) < timedelta(minutes=1)
    assert find_token(plaintext) == token
    # Nothing stored is the plaintext or contains it.
    row = OrganisationToken.objects.filter(pk=token.pk).values().get()
    assert all(plaintext not in str(value) for value in row.values())
    assert not any(
        plaintext in str(entry.data) for entry in ModelLogEntry.objects.filter(action=CREATE_ACTION)
    )
    assert ModelLogEntry.objects.get(action=CREATE_ACTION).user == editor
    # Never shown again: the list shows the prefix only.
    listing = client.get(INDEX).content.decode()
    assert token.prefix in listing
    assert plaintext not in listing
    assert plaintext not in client.get(revoke_url(token)).content.decode()


def test_a_member_with_one_organisation_finds_it_preselected(people, org_a):
    form = logged_in(people["editor A"]).get(ADD).context["form"]

    assert list(form.fields["organisation"].queryset) == [org_a]
    assert form.fields["organisation"].initial == org_a.pk
    assert form.fields["expires_in_days"].initial == 90


def test_a_member_chooses_among_their_editor_organisations_only(people, org_a, org_b):
    third = published(name="Kunststoffwerk Wernigerode GmbH")
    editor = people["editor A"]
    grant(editor, third, MemberRole.EDITOR)
    grant(editor, org_b, MemberRole.VIEWER)

    form = logged_in(editor).get(ADD).context["form"]

    assert set(form.fields["organisation"].queryset) == {org_a, third}
    assert form.fields["organisation"].initial is None


def test_staff_choose_among_all_german_organisations(people, org_a, org_b):
    english = org_a.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save()

    form = logged_in(people["staff with manage_members"]).get(ADD).context["form"]

    assert set(form.fields["organisation"].queryset) == {org_a, org_b}


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"organisation": "B"}, "organisation"),  # not theirs
        ({"expires_in_days": 0}, "expires_in_days"),
        ({"expires_in_days": 366}, "expires_in_days"),
        ({"expires_in_days": "soon"}, "expires_in_days"),
        ({"name": ""}, "name"),
        ({"name": "x" * 101}, "name"),
    ],
)
def test_bad_input_is_a_form_error_and_creates_nothing(people, org_a, org_b, fields, error):
    data = {"name": "Member portal", "organisation": org_a.pk, "expires_in_days": 90}
    data.update(fields)
    if data["organisation"] == "B":
        data["organisation"] = org_b.pk

    response = logged_in(people["editor A"]).post(ADD, data)

    assert response.status_code == 200
    assert error in response.context["form"].errors
    assert not OrganisationToken.objects.exists()


def test_a_role_revoked_while_the_form_was_open_creates_nothing(people, org_a):
    editor = people["editor A"]
    client = logged_in(editor)
    assert client.get(ADD).status_code == 200
    OrganisationMember.objects.filter(user=editor).update(role=MemberRole.VIEWER)

    response = client.post(ADD, {"name": "Portal", "organisation": org_a.pk, "expires_in_days": 9})

    assert is_denied(response)
    assert not OrganisationToken.objects.exists()


def test_staff_tokens_act_for_the_staff_member(people, org_b):
    staff = people["profile staff without manage_members"]

    response = logged_in(staff).post(
        ADD, {"name": "CRM sync", "organisation": org_b.pk, "expires_in_days": 365}
    )

    token = OrganisationToken.objects.get()
    assert find_token(plaintext_on_page(response)) == token
    assert (token.user, token.created_by, token.organisation) == (staff, staff, org_b)


# Revoking


def test_revoking_keeps_the_row_and_the_list_shows_it_revoked(people, tokens):
    editor = people["editor A"]
    client = logged_in(editor)

    assert client.post(revoke_url(tokens["A"])).status_code == 302

    token = OrganisationToken.objects.get(pk=tokens["A"].pk)
    assert token.revoked_at is not None
    assert token.revoked_by == editor
    assert not token.is_usable
    assert ModelLogEntry.objects.get(action=REVOKE_ACTION).user == editor
    listing = client.get(INDEX)
    assert token in listing.context["object_list"]
    assert "revoked" in listing.content.decode()
    assert revoke_url(token) not in listing.content.decode()
    # A second revocation changes nothing.
    first = token.revoked_at
    client.post(revoke_url(token))
    token.refresh_from_db()
    assert token.revoked_at == first


def test_the_list_costs_the_same_queries_for_more_tokens(people, org_a):
    client = logged_in(people["superuser"])
    token_for(people["editor A"], org_a)
    client.get(INDEX)  # warm caches (content types, site settings)
    with CaptureQueriesContext(connection) as few:
        assert client.get(INDEX).status_code == 200
    for _ in range(5):
        token_for(MemberFactory(), org_a)
    with CaptureQueriesContext(connection) as many:
        assert client.get(INDEX).status_code == 200

    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_permission_policy_names_the_same_users_as_the_views(people, tokens):
    policy = policy_registry.get_by_type(OrganisationToken)

    allowed = set(policy.users_with_any_permission(["add"]))

    assert allowed == {
        people[who] for who, row in MATRIX.items() if who != "anonymous" and row[1] == "ok"
    }
    assert not policy.users_with_any_permission(["delete"]).exists()
    assert policy.user_has_permission_for_instance(people["editor A"], "change", tokens["A"])
    assert not policy.user_has_permission_for_instance(people["editor B"], "change", tokens["A"])
    assert not policy.user_has_permission_for_instance(people["viewer A"], "view", tokens["A"])
    assert set(policy.instances_user_has_any_permission_for(people["editor B"], ["view"])) == {
        tokens["B"]
    }
