"""Staff's decisions on member submissions: approve, request changes, cancel, publish.

Reviewers decide through the admin's real workflow views; webhooks reach the loopback HTTP
receiver and decision mails the loopback SMTP server.
"""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from hub.members.models import ProfileSubmission, SubmissionStatus
from hub.members.roles import APPROVAL_TASK, WORKFLOW
from hub.members.submissions import submit_profile_changes
from hub.translation.status import Status, translation_status
from snippets.models import Organisation
from tests.api.webhooks.conftest import assert_signed_by, make_endpoint
from tests.factories import FrontendSettingsFactory, SiteFactory
from tests.factories.forms import organisation_form_data
from tests.factories.members import member_of
from tests.factories.snippets import OrganisationFactory
from tests.factories.translations import translate
from tests.pages.publishing import CommunicationsReviewerFactory, logged_in

pytestmark = pytest.mark.django_db

SUMMARY = "Produziert Spezialchemikalien am Standort Goslar."
COMMENT = "Danke, die neue Adresse ist übernommen."
REJECTION = "Bad Harzburg ist nicht Ihr Sitz; bitte prüfen Sie die Adresse."
EDITOR_FIELDS = (
    "name",
    "slug",
    "kind",
    "legal_form",
    "summary",
    "website",
    "email",
    "phone",
    "street",
    "postal_code",
    "city",
    "region",
    "country",
    "latitude",
    "longitude",
    "employee_band",
)


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(name="Harzer Zinkoxide", summary=SUMMARY)
    organisation.save_revision().publish()
    return refreshed(organisation)


@pytest.fixture
def member(organisation):
    return member_of(organisation, email="kontakt@harzer-zinkoxide.example")


@pytest.fixture
def reviewer():
    return CommunicationsReviewerFactory(email="redaktion@cluster.example")


@pytest.fixture
def reviewer_client(reviewer):
    return logged_in(reviewer)


def refreshed(organisation) -> Organisation:
    return Organisation.objects.get(pk=organisation.pk)


def submit(organisation, user, **values) -> ProfileSubmission:
    return submit_profile_changes(organisation=organisation, user=user, values=values)


def action_url(organisation, action: str) -> str:
    state = refreshed(organisation).current_workflow_state
    return reverse(
        "wagtailsnippets_snippets_organisation:workflow_action",
        args=[organisation.pk, action, state.current_task_state_id],
    )


def approve(client, organisation, comment: str = ""):
    response = client.post(action_url(organisation, "approve"), {"comment": comment})
    assert response.status_code == 302
    return response


def reject(client, organisation, comment: str):
    response = client.post(action_url(organisation, "reject"), {"comment": comment})
    assert response.status_code == 302
    return response


def staff_publishes(organisation, user, *, from_draft: bool, **values) -> Organisation:
    """Staff change ``values`` and publish, starting from the latest draft (as the edit form
    does while a submission is pending) or from the live version."""
    current = refreshed(organisation)
    version = current.get_latest_revision_as_object() if from_draft else current
    for name, value in values.items():
        setattr(version, name, value)
    version.save_revision(user=user).publish(user=user)
    return refreshed(organisation)


def mails_to(smtp_server, address: str):
    return [message for message in smtp_server.messages if address in message.recipients]


# Approve


def test_approving_publishes_the_submitted_values(
    organisation, member, reviewer, reviewer_client, django_capture_on_commit_callbacks
):
    submission = submit(organisation, member, city="Bad Harzburg", phone="+49 5322 1234")
    assert refreshed(organisation).city == "Goslar"

    with django_capture_on_commit_callbacks(execute=True):
        approve(reviewer_client, organisation, COMMENT)

    organisation = refreshed(organisation)
    assert (organisation.city, organisation.phone) == ("Bad Harzburg", "+49 5322 1234")
    assert organisation.live_revision_id == submission.revision_id
    assert not organisation.has_unpublished_changes
    assert organisation.current_workflow_state is None
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.decided_by == reviewer
    assert submission.decided_at is not None
    assert submission.comment == COMMENT
    assert submission.conflicts == {}


def test_reviewer_corrections_during_review_are_published_too(
    organisation, member, reviewer, reviewer_client
):
    submission = submit(organisation, member, city="Bad Harzburg")
    draft = refreshed(organisation).get_latest_revision_as_object()
    draft.postal_code = "38667"
    draft.save_revision(user=reviewer)

    approve(reviewer_client, organisation)

    organisation = refreshed(organisation)
    assert (organisation.city, organisation.postal_code) == ("Bad Harzburg", "38667")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED


def test_approval_fires_a_signed_webhook(
    organisation, member, reviewer_client, http_receiver, django_capture_on_commit_callbacks
):
    site = FrontendSettingsFactory(site=SiteFactory(hostname="chemienetzwerk-harz.localhost")).site
    endpoint = make_endpoint(site, http_receiver.url("/hook"))
    submit(organisation, member, city="Bad Harzburg")
    assert http_receiver.requests == [], "submitting publishes nothing"

    with django_capture_on_commit_callbacks(execute=True):
        approve(reviewer_client, organisation)

    [request] = http_receiver.requests
    assert_signed_by(request, endpoint)
    event = request.json()
    assert event["type"] == "snippet.published"
    assert event["object"]["type"] == "organisation"
    assert event["object"]["id"] == organisation.pk


def test_approval_makes_the_english_translation_outdated(
    organisation, member, reviewer_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translation = translate(organisation, {SUMMARY: "Makes speciality chemicals in Goslar."})
    assert translation_status(translation).status is Status.UP_TO_DATE

    submit(organisation, member, summary="Produziert Zinkoxid in Goslar.")
    assert translation_status(translation).status is Status.UP_TO_DATE, "pending: not yet"

    approve(reviewer_client, organisation)

    assert translation_status(translation).status is Status.OUTDATED


# Request changes


def test_rejecting_publishes_nothing_and_restores_the_draft(
    organisation, member, reviewer, reviewer_client
):
    live_revision_id = organisation.live_revision_id
    submission = submit(organisation, member, city="Bad Harzburg")

    reject(reviewer_client, organisation, REJECTION)

    organisation = refreshed(organisation)
    assert organisation.city == "Goslar"
    assert organisation.live_revision_id == live_revision_id
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.REJECTED
    assert submission.comment == REJECTION
    assert submission.decided_by == reviewer
    # Nothing stays in review, and the draft is the live version again.
    assert organisation.current_workflow_state is None
    assert WorkflowState.objects.get(pk=submission.workflow_state_id).status == "cancelled"
    assert not organisation.has_unpublished_changes
    assert organisation.latest_revision_id not in (submission.revision_id, live_revision_id)
    assert organisation.get_latest_revision().as_object().city == "Goslar"
    assert organisation.get_latest_revision_as_object().city == "Goslar"
    # The rejected revision stays in the history.
    assert organisation.revisions.filter(pk=submission.revision_id).exists()

    # A later publish of the latest draft cannot put the rejected content live.
    organisation.get_latest_revision().publish()
    assert refreshed(organisation).city == "Goslar"


def test_rejecting_returns_to_the_staff_draft_from_before_the_submission(
    organisation, member, reviewer, reviewer_client
):
    staff_draft = refreshed(organisation)
    staff_draft.phone = "+49 5321 7070"
    staff_revision = staff_draft.save_revision(user=reviewer)
    submission = submit(organisation, member, city="Bad Harzburg")
    assert submission.base_latest_revision_id == staff_revision.pk

    reject(reviewer_client, organisation, REJECTION)

    organisation = refreshed(organisation)
    assert organisation.has_unpublished_changes
    draft = organisation.get_latest_revision_as_object()
    assert (draft.city, draft.phone) == ("Goslar", "+49 5321 7070")
    assert (organisation.city, organisation.phone) == ("Goslar", "")


# Cancelled: withdrawn, replaced, or overtaken by staff publishing


def test_cancelling_the_workflow_withdraws_the_submission(organisation, member):
    submission = submit(organisation, member, city="Bad Harzburg")

    refreshed(organisation).current_workflow_state.cancel(user=member)

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.WITHDRAWN
    assert submission.decided_by == member
    assert refreshed(organisation).city == "Goslar"


def test_a_replaced_submission_is_superseded_not_withdrawn(organisation, member):
    first = submit(organisation, member, city="Bad Harzburg")

    second = submit(organisation, member, phone="+49 5322 1234")

    first.refresh_from_db()
    assert first.status == SubmissionStatus.SUPERSEDED
    assert first.decided_by is None
    assert second.status == SubmissionStatus.PENDING


def test_staff_publishing_every_submitted_value_approves_the_submission(
    organisation, member, staff_user
):
    submission = submit(organisation, member, city="Bad Harzburg")

    # Staff open the edit form (the member's draft), add a phone number and publish.
    organisation = staff_publishes(organisation, staff_user, from_draft=True, phone="+49 1")

    assert (organisation.city, organisation.phone) == ("Bad Harzburg", "+49 1")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.decided_by == staff_user
    assert organisation.current_workflow_state is None
    assert ProfileSubmission.objects.count() == 1


def editor_form(client, organisation, **changes) -> dict:
    """What the organisation editor posts: the fields as it shows them, with ``changes``."""
    url = reverse("wagtailsnippets_snippets_organisation:edit", args=[organisation.pk])
    form = client.get(url).context["form"]
    shown = {
        name: "" if form[name].value() is None else str(form[name].value())
        for name in EDITOR_FIELDS
    }
    return organisation_form_data(**(shown | changes))


def test_publishing_from_the_editor_approves_the_member_draft_it_shows(
    organisation, member, staff_user, staff_client, smtp_server, django_capture_on_commit_callbacks
):
    submission = submit(organisation, member, city="Bad Harzburg")
    url = reverse("wagtailsnippets_snippets_organisation:edit", args=[organisation.pk])
    form = editor_form(staff_client, organisation, phone="+49 5321 9")
    assert form["city"] == "Bad Harzburg", "the editor shows the member's draft"

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, form | {"action-publish": "action-publish"})

    assert response.status_code == 302
    organisation = refreshed(organisation)
    assert (organisation.city, organisation.phone) == ("Bad Harzburg", "+49 5321 9")
    assert organisation.current_workflow_state is None
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.decided_by == staff_user
    [mail] = mails_to(smtp_server, member.email)
    assert "approved" in mail["Subject"]


def test_staff_publishing_without_the_submitted_values_sends_them_to_review_again(
    organisation, member, staff_user, reviewer_client
):
    submission = submit(organisation, member, city="Bad Harzburg", summary="Zinkoxid.")
    first_state_id = submission.workflow_state_id

    # Staff change the live version (not the member's draft) and publish it.
    organisation = staff_publishes(organisation, staff_user, from_draft=False, phone="+49 2")

    assert (organisation.city, organisation.phone) == ("Goslar", "+49 2")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING
    assert submission.workflow_state_id != first_state_id
    assert WorkflowState.objects.get(pk=first_state_id).status == "cancelled"
    state = organisation.current_workflow_state
    assert state.pk == submission.workflow_state_id
    assert state.workflow.name == WORKFLOW
    assert state.current_task_state.task.name == APPROVAL_TASK
    assert state.requested_by == member
    assert submission.base_live_revision_id == organisation.live_revision_id
    assert submission.revision_id == organisation.latest_revision_id
    assert submission.conflicts == {}
    draft = organisation.get_latest_revision_as_object()
    assert (draft.city, draft.summary, draft.phone) == ("Bad Harzburg", "Zinkoxid.", "+49 2")
    assert ProfileSubmission.objects.count() == 1, "the same submission, not a new one"

    approve(reviewer_client, organisation)

    organisation = refreshed(organisation)
    assert (organisation.city, organisation.summary) == ("Bad Harzburg", "Zinkoxid.")
    assert organisation.phone == "+49 2", "staff's edit is kept"
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED


def test_staff_edit_of_a_submitted_field_is_recorded_as_a_conflict(
    organisation, member, staff_user, reviewer_client
):
    submission = submit(organisation, member, city="Bad Harzburg")

    staff_publishes(organisation, staff_user, from_draft=False, city="Oker", phone="+49 3")

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING
    assert submission.conflicts == {"city": {"staff": "Oker", "submitted": "Bad Harzburg"}}

    approve(reviewer_client, organisation)

    organisation = refreshed(organisation)
    assert (organisation.city, organisation.phone) == ("Bad Harzburg", "+49 3")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.conflicts == {"city": {"staff": "Oker", "submitted": "Bad Harzburg"}}


def test_approval_after_a_staff_publish_applies_the_changes_to_the_live_version(
    organisation, member, staff_user, reviewer, reviewer_client, settings
):
    """Where publishing leaves the review running, approval must not undo staff's edit."""
    settings.WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = False
    submission = submit(organisation, member, city="Bad Harzburg", summary="Zinkoxid.")
    staff_publishes(organisation, staff_user, from_draft=False, summary="Staff.", phone="+49 4")
    assert refreshed(organisation).current_workflow_state.pk == submission.workflow_state_id

    approve(reviewer_client, organisation, COMMENT)

    organisation = refreshed(organisation)
    assert (organisation.city, organisation.summary) == ("Bad Harzburg", "Zinkoxid.")
    assert organisation.phone == "+49 4", "staff's other field is kept"
    assert organisation.live_revision_id != submission.revision_id
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.decided_by == reviewer
    assert submission.conflicts == {"summary": {"staff": "Staff.", "submitted": "Zinkoxid."}}


# Decision mails


def test_the_member_gets_one_mail_with_the_decision_after_commit(
    organisation, member, reviewer_client, smtp_server, django_capture_on_commit_callbacks
):
    submit(organisation, member, city="Bad Harzburg", phone="+49 5322 1234")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        approve(reviewer_client, organisation, COMMENT)
    assert mails_to(smtp_server, member.email) == [], "nothing before the commit"
    for callback in callbacks:
        callback()

    [mail] = mails_to(smtp_server, member.email)
    assert mail.recipients == [member.email]
    assert "Harzer Zinkoxide" in mail["Subject"]
    assert "freigegeben" in mail["Subject"] and "approved" in mail["Subject"]
    text = mail.text()
    assert COMMENT in text
    assert "Ort, Telefon" in text and "City, Phone" in text
    assert f"http://testserver/admin/snippets/snippets/organisation/edit/{organisation.pk}/" in text
    assert COMMENT in mail.html()


def test_a_rejection_mail_carries_the_comment(
    organisation, member, reviewer, reviewer_client, smtp_server, django_capture_on_commit_callbacks
):
    submit(organisation, member, city="Bad Harzburg")
    smtp_server.clear()  # Wagtail told the reviewers about the submission

    with django_capture_on_commit_callbacks(execute=True):
        reject(reviewer_client, organisation, REJECTION)

    [mail] = mails_to(smtp_server, member.email)
    assert "nicht übernommen" in mail["Subject"] and "not accepted" in mail["Subject"]
    assert REJECTION in mail.text()
    assert len(smtp_server.messages) == 1, "the decision goes to the member only"


def test_staff_submissions_send_no_decision_mail(
    organisation, staff_user, reviewer_client, smtp_server, django_capture_on_commit_callbacks
):
    submission = submit(organisation, staff_user, city="Bad Harzburg")

    with django_capture_on_commit_callbacks(execute=True):
        approve(reviewer_client, organisation, COMMENT)

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert not [mail for mail in smtp_server.messages if "Profile update" in mail["Subject"]]


def test_withdrawing_sends_no_mail(
    organisation, member, smtp_server, django_capture_on_commit_callbacks
):
    submit(organisation, member, city="Bad Harzburg")

    with django_capture_on_commit_callbacks(execute=True):
        refreshed(organisation).current_workflow_state.cancel(user=member)

    assert mails_to(smtp_server, member.email) == []
