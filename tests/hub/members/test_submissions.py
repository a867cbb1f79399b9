"""Submitting profile changes: a draft revision under review, recorded, live untouched."""

import pytest

from hub.members.models import ProfileSubmission, SubmissionStatus
from hub.members.roles import WORKFLOW
from hub.members.submissions import submit_profile_changes
from snippets.models import Organisation
from tests.factories.members import member_of
from tests.factories.snippets import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    organisation = OrganisationFactory()
    organisation.save_revision().publish()
    return Organisation.objects.get(pk=organisation.pk)


def test_submission_saves_a_draft_and_starts_member_review(organisation):
    member = member_of(organisation)

    submission = submit_profile_changes(
        organisation=organisation, user=member, values={"city": "Bad Harzburg"}
    )

    organisation.refresh_from_db()
    assert organisation.city == "Goslar"
    assert organisation.has_unpublished_changes
    assert organisation.get_latest_revision_as_object().city == "Bad Harzburg"
    assert organisation.current_workflow_state.workflow.name == WORKFLOW
    assert submission.status == SubmissionStatus.PENDING
    assert submission.submitted_by == member
    assert submission.changes == {"city": {"live": "Goslar", "submitted": "Bad Harzburg"}}
    assert submission.revision == organisation.get_latest_revision()
    assert submission.base_live_revision == organisation.live_revision


def test_second_submission_replaces_the_pending_one_and_keeps_its_changes(organisation):
    member = member_of(organisation)
    first = submit_profile_changes(
        organisation=organisation, user=member, values={"city": "Bad Harzburg"}
    )

    second = submit_profile_changes(
        organisation=organisation, user=member, values={"phone": "+49 5321 1234"}
    )

    first.refresh_from_db()
    assert first.status == SubmissionStatus.SUPERSEDED
    assert second.status == SubmissionStatus.PENDING
    assert set(second.changes) == {"city", "phone"}
    assert second.base_live_revision_id == first.base_live_revision_id
    assert ProfileSubmission.objects.filter(status=SubmissionStatus.PENDING).count() == 1
    organisation.refresh_from_db()
    assert organisation.current_workflow_state.pk == second.workflow_state_id
