"""Who gets what from the member API: the authorisation matrix of every endpoint.

Each actor calls the four operations on organisation A's URLs: the profile (GET), the list of
submissions (GET), one submission of A (GET) and a new submission (POST).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.members.models import OrganisationToken
from api.members.tokens import create_token
from hub.members.models import OrganisationMember, ProfileSubmission
from hub.members.roles import MemberRole
from hub.members.submissions import submit_profile_changes
from tests.factories.members import member_of, token_for
from tests.factories.members import published_organisation as published
from tests.factories.snippets import locale
from tests.factories.users import TranslatorFactory
from tests.pages.publishing import CommunicationsReviewerFactory, EditorFactory

pytestmark = pytest.mark.django_db

NO_SUCH_ORGANISATION = 999_999


@pytest.fixture
def org_a():
    return published(name="Harzer Chemiewerk")


@pytest.fixture
def org_b():
    return published(name="Recyclinghof Oker")


@pytest.fixture
def submission_of_a(org_a):
    return submit_profile_changes(
        organisation=org_a, user=member_of(org_a), values={"phone": "+49 5321 1111"}
    )


def bearer(plaintext: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


# Actors: each returns the request headers it sends for organisation A -------------------


def anonymous(org_a, org_b):
    return {}


def malformed_header(org_a, org_b):
    return {"HTTP_AUTHORIZATION": "Token " + token_for(member_of(org_a), org_a)}


def unknown_token(org_a, org_b):
    return bearer("chm_" + "x" * 43)


def editor_of_a(org_a, org_b):
    return bearer(token_for(member_of(org_a), org_a))


def viewer_of_a(org_a, org_b):
    return bearer(token_for(member_of(org_a, MemberRole.VIEWER), org_a))


def editor_of_b(org_a, org_b):
    return bearer(token_for(member_of(org_b), org_b))


def revoked_member_of_a(org_a, org_b):
    member = member_of(org_a)
    plaintext = token_for(member, org_a)
    OrganisationMember.objects.filter(user=member).update(revoked_at=timezone.now())
    return bearer(plaintext)


def deactivated_member_of_a(org_a, org_b):
    member = member_of(org_a)
    plaintext = token_for(member, org_a)
    member.is_active = False
    member.save()
    return bearer(plaintext)


def expired_token(org_a, org_b):
    return bearer(token_for(member_of(org_a), org_a, expires_in=-timedelta(minutes=1)))


def revoked_token(org_a, org_b):
    plaintext = token_for(member_of(org_a), org_a)
    OrganisationToken.objects.update(revoked_at=timezone.now())
    return bearer(plaintext)


def staff_token(user, organisation) -> str:
    _, plaintext = create_token(organisation=organisation, user=user, name="CMS", created_by=user)
    return plaintext


def staff_reviewer(org_a, org_b):
    """Communications reviewers edit and approve German organisation profiles."""
    return bearer(staff_token(CommunicationsReviewerFactory(), org_a))


def staff_who_lost_rights(org_a, org_b):
    reviewer = CommunicationsReviewerFactory()
    plaintext = staff_token(reviewer, org_a)
    reviewer.groups.clear()
    return bearer(plaintext)


def page_editor(org_a, org_b):
    """Staff of the "Editors" group write pages; organisation profiles are not theirs."""
    return bearer(staff_token(EditorFactory(), org_a))


def translator(org_a, org_b):
    return bearer(staff_token(TranslatorFactory(), org_a))


# Expected statuses: profile GET, submissions GET, submission GET, submissions POST.
MATRIX = {
    anonymous: (401, 401, 401, 401),
    malformed_header: (401, 401, 401, 401),
    unknown_token: (401, 401, 401, 401),
    editor_of_a: (200, 200, 200, 202),
    viewer_of_a: (200, 200, 200, 403),
    editor_of_b: (404, 404, 404, 404),
    revoked_member_of_a: (403, 403, 403, 403),
    deactivated_member_of_a: (401, 401, 401, 401),
    expired_token: (401, 401, 401, 401),
    revoked_token: (401, 401, 401, 401),
    staff_reviewer: (200, 200, 200, 202),
    staff_who_lost_rights: (403, 403, 403, 403),
    page_editor: (403, 403, 403, 403),
    translator: (403, 403, 403, 403),
}


def operations(organisation, submission) -> list[tuple[str, str, dict]]:
    base = f"/api/v1/members/organisations/{organisation.pk}/"
    return [
        ("get", base, {}),
        ("get", f"{base}submissions/", {}),
        ("get", f"{base}submissions/{submission.public_id}/", {}),
        ("post", f"{base}submissions/", {"data": {"city": "Bad Harzburg"}, "format": "json"}),
    ]


@pytest.mark.parametrize(
    ("actor", "expected"), list(MATRIX.items()), ids=[actor.__name__ for actor in MATRIX]
)
def test_authorisation_matrix(api_client, org_a, org_b, submission_of_a, actor, expected):
    headers = actor(org_a, org_b)

    statuses = []
    for method, url, kwargs in operations(org_a, submission_of_a):
        response = getattr(api_client, method)(url, **kwargs, **headers)
        statuses.append(response.status_code)
        assert response["Cache-Control"] == "no-store"
        if response.status_code >= 400:
            assert response["Content-Type"] == "application/problem+json"
            assert response.json()["status"] == response.status_code
        if response.status_code == 401:
            assert response["WWW-Authenticate"].startswith("Bearer")

    assert tuple(statuses) == expected


def test_refused_submissions_save_nothing(api_client, org_a, org_b, submission_of_a):
    refused = [actor for actor, expected in MATRIX.items() if expected[3] != 202]
    revisions = org_a.revisions.count()

    for actor in refused:
        url = f"/api/v1/members/organisations/{org_a.pk}/submissions/"
        api_client.post(url, {"city": "Bad Harzburg"}, format="json", **actor(org_a, org_b))

    assert org_a.revisions.count() == revisions
    assert list(ProfileSubmission.objects.values_list("pk", flat=True)) == [submission_of_a.pk]


def test_another_organisation_looks_exactly_like_one_that_does_not_exist(api_client, org_a, org_b):
    headers = editor_of_b(org_a, org_b)
    english_a = org_a.copy_for_translation(locale("en"))
    english_a.save()

    answers = {
        url: api_client.get(url, **headers)
        for url in (
            f"/api/v1/members/organisations/{org_a.pk}/",
            f"/api/v1/members/organisations/{english_a.pk}/",
            f"/api/v1/members/organisations/{NO_SUCH_ORGANISATION}/",
        )
    }

    assert {response.status_code for response in answers.values()} == {404}
    assert len({response.content for response in answers.values()}) == 1


def test_a_submission_of_another_organisation_is_not_found(api_client, org_a, org_b):
    other = submit_profile_changes(
        organisation=org_b, user=member_of(org_b), values={"city": "Oker"}
    )
    headers = editor_of_a(org_a, org_b)
    base = f"/api/v1/members/organisations/{org_a.pk}/submissions/"

    foreign = api_client.get(f"{base}{other.public_id}/", **headers)
    unknown = api_client.get(f"{base}00000000-0000-0000-0000-000000000000/", **headers)

    assert foreign.status_code == unknown.status_code == 404
    assert foreign.content == unknown.content


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer chm_a chm_b",
        "Basic dXNlcjpwYXNzd29yZA==",
        "Bearer not-a-member-token",
        "Bearer chm_" + "ä" * 10,
    ],
)
def test_malformed_authorization_headers_are_401(api_client, org_a, header):
    response = api_client.get(
        f"/api/v1/members/organisations/{org_a.pk}/", HTTP_AUTHORIZATION=header
    )

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="member-api"'
    assert response.json()["title"] == "Authentication required"


def test_an_expired_token_says_it_expired(api_client, org_a, org_b):
    response = api_client.get(
        f"/api/v1/members/organisations/{org_a.pk}/", **expired_token(org_a, org_b)
    )

    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_a_missing_header_asks_for_a_bearer_token(api_client, org_a):
    response = api_client.get(f"/api/v1/members/organisations/{org_a.pk}/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="member-api"'


def test_a_session_does_not_authenticate(client, staff_user, org_a):
    client.force_login(staff_user)

    response = client.get(f"/api/v1/members/organisations/{org_a.pk}/")

    assert response.status_code == 401


def test_last_used_is_recorded_at_most_once_a_minute(api_client, org_a):
    member = member_of(org_a)
    headers = bearer(token_for(member, org_a))
    token = OrganisationToken.objects.get(user=member)
    url = f"/api/v1/members/organisations/{org_a.pk}/"
    assert token.last_used_at is None

    api_client.get(url, **headers)
    token.refresh_from_db()
    first_use = token.last_used_at
    api_client.get(url, **headers)
    token.refresh_from_db()
    second_use = token.last_used_at
    OrganisationToken.objects.update(last_used_at=first_use - timedelta(minutes=2))
    api_client.get(url, **headers)
    token.refresh_from_db()

    assert first_use is not None
    assert second_use == first_use
    assert token.last_used_at > first_use - timedelta(minutes=1)
