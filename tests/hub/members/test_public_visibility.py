"""Nothing of a pending member submission is public: not in the API, not in the search.

After approval the submitted values are public everywhere; after a rejection never, not
even after staff publish the profile's draft from the editor.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient
from wagtail.search.backends import get_search_backend

from hub.members.models import SubmissionStatus
from hub.members.submissions import submit_profile_changes
from snippets.models import Organisation
from tests.factories import (
    DirectoryPageFactory,
    FrontendSettingsFactory,
    MembershipFactory,
    NetworkPageFactory,
    OrganisationFactory,
)
from tests.factories.forms import organisation_form_data
from tests.factories.members import member_of
from tests.pages.publishing import CommunicationsReviewerFactory, logged_in

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the search runs on PostgreSQL in CI"
    ),
]

HOSTNAME = "chemienetzwerk-harz.localhost"
# A word found nowhere else, in the submitted summary.
WORD = "Plasmaschmelzverfahren"
SUBMITTED_SUMMARY = f"Wir gewinnen Zink aus Stahlwerksstäuben im {WORD}."
SUBMITTED_CITY = "Langelsheim"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def network():
    site = FrontendSettingsFactory(site__hostname=HOSTNAME).site
    return NetworkPageFactory(parent=site.root_page, title="Das Netzwerk", slug="das-netzwerk")


@pytest.fixture
def directory(network):
    return DirectoryPageFactory(parent=network, title="Clusteratlas", slug="clusteratlas")


@pytest.fixture
def organisation(network, directory):
    organisation = OrganisationFactory(name="Harzer Zinkoxide", slug="harzer-zinkoxide")
    organisation.save_revision().publish()
    MembershipFactory(organisation=organisation, group=network)
    # The network page names the organisation that runs it, with its summary.
    network.organisation = organisation
    network.save_revision().publish()
    return Organisation.objects.get(pk=organisation.pk)


@pytest.fixture
def submission(organisation):
    member = member_of(organisation)
    return submit_profile_changes(
        organisation=organisation,
        user=member,
        values={"summary": SUBMITTED_SUMMARY, "city": SUBMITTED_CITY},
    )


@pytest.fixture
def reviewer_client():
    return logged_in(CommunicationsReviewerFactory())


def public_responses(organisation, network, directory) -> dict[str, str]:
    """Every public answer that shows the organisation, by URL."""
    client = APIClient()
    urls = [
        f"/api/v1/organisations/{organisation.pk}/",
        "/api/v1/organisations/",
        f"/api/v1/organisations/?group={directory.group_id}",
        f"/api/v1/organisations/?group={network.pk}&locale=en",
        f"/api/v1/pages/{network.pk}/",
        f"/api/v1/pages/{directory.pk}/",
        f"/api/v1/search/?q={WORD}&site={HOSTNAME}",
        f"/api/v1/search/?q={SUBMITTED_CITY}&site={HOSTNAME}&kind=organisation",
    ]
    answers = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        answers[url] = response.content.decode()
    return answers


def found_by_search(word: str) -> list[int]:
    """Live organisations that Wagtail's search backend finds for ``word``."""
    live = Organisation.objects.filter(live=True)
    return [hit.pk for hit in get_search_backend().search(word, live)]


def assert_nothing_public(organisation, network, directory) -> None:
    answers = public_responses(organisation, network, directory)
    for url, body in answers.items():
        assert WORD not in body, url
        assert SUBMITTED_CITY not in body, url
    # The live profile is there, unchanged.
    assert "Goslar" in answers[f"/api/v1/organisations/{organisation.pk}/"]
    assert found_by_search(WORD) == []
    assert found_by_search(SUBMITTED_CITY) == []
    assert found_by_search("Goslar") == [organisation.pk]


def action_url(organisation, action: str) -> str:
    state = Organisation.objects.get(pk=organisation.pk).current_workflow_state
    return reverse(
        "wagtailsnippets_snippets_organisation:workflow_action",
        args=[organisation.pk, action, state.current_task_state_id],
    )


def test_a_pending_submission_is_in_no_public_answer(organisation, network, directory, submission):
    assert Organisation.objects.get(pk=organisation.pk).get_latest_revision_as_object().summary == (
        SUBMITTED_SUMMARY
    ), "the draft holds the submission"

    assert_nothing_public(organisation, network, directory)


def test_after_approval_every_answer_shows_the_submission(
    organisation, network, directory, submission, reviewer_client
):
    reviewer_client.post(action_url(organisation, "approve"), {"comment": ""})

    answers = public_responses(organisation, network, directory)
    for url in (
        f"/api/v1/organisations/{organisation.pk}/",
        "/api/v1/organisations/",
        f"/api/v1/organisations/?group={directory.group_id}",
        f"/api/v1/organisations/?group={network.pk}&locale=en",
        f"/api/v1/pages/{network.pk}/",
        f"/api/v1/search/?q={WORD}&site={HOSTNAME}",
    ):
        assert WORD in answers[url], url
    assert SUBMITTED_CITY in answers[f"/api/v1/organisations/{organisation.pk}/"]
    assert f'"id":{organisation.pk}' in answers[
        f"/api/v1/search/?q={SUBMITTED_CITY}&site={HOSTNAME}&kind=organisation"
    ].replace(" ", "")
    assert found_by_search(WORD) == [organisation.pk]
    assert found_by_search(SUBMITTED_CITY) == [organisation.pk]


def test_after_rejection_nothing_is_ever_public(
    organisation, network, directory, submission, reviewer_client, staff_client
):
    reviewer_client.post(action_url(organisation, "reject"), {"comment": "Bitte nicht."})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.REJECTED

    assert_nothing_public(organisation, network, directory)

    # Staff open the editor (the latest draft) and publish it as it is.
    edit_url = reverse("wagtailsnippets_snippets_organisation:edit", args=[organisation.pk])
    form = staff_client.get(edit_url).context["form"]
    assert form["summary"].value() != SUBMITTED_SUMMARY
    assert form["city"].value() == "Goslar"
    response = staff_client.post(
        edit_url,
        organisation_form_data(
            name=form["name"].value(),
            slug=form["slug"].value(),
            summary=form["summary"].value(),
            street=form["street"].value(),
            postal_code=form["postal_code"].value(),
            city=form["city"].value(),
            **{"action-publish": "action-publish"},
        ),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert Organisation.objects.get(pk=organisation.pk).live_revision_id != (
        organisation.live_revision_id
    ), "published anew"

    assert_nothing_public(organisation, network, directory)
