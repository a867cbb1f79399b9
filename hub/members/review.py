"""Staff's decisions on member submissions: approve, request changes, and cancelled reviews.

Wagtail runs the review (the "Member profile approval" task of Communications reviewers);
this module turns its events into decisions on the
:class:`~hub.members.models.ProfileSubmission` and keeps the member's and staff's work:

- **Approve** (``WAGTAIL_FINISH_WORKFLOW_ACTION`` calls :func:`publish_approved`): the
  reviewed draft is published, with the corrections reviewers made during the review. If
  staff published the profile after the member submitted, the draft is not published as
  it is (that would undo staff's edit): the member's changes are applied to the live
  version instead, and fields both changed are recorded in ``conflicts``.
- **Request changes** (``workflow_rejected``, :func:`reject_submission`): the submission is
  rejected with the reviewer's comment, the workflow is cancelled (nothing stays in review)
  and the profile's draft goes back to what it was before the submission, so no later
  publish can put the rejected content live. The rejected revision stays in the history.
- **Cancelled** (``workflow_cancelled``, :func:`review_cancelled`): a newer submission
  replacing this one leaves it to :func:`~hub.members.submissions.record_submission` (it
  becomes "superseded"); cancelling by the member or staff withdraws it. Publishing the
  profile while a submission is pending also cancels the workflow (Wagtail's
  ``WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH``): if everything the member changed is in the
  published version, the submission counts as approved by the publisher; otherwise the
  rest of the member's changes are applied to the new live version and go back to review
  as the same, still pending, submission.

Where staff published in between, the member's changes come from comparing three
versions: the live version they were made against (``base_live_revision``), the member's
version as reviewed (:func:`reviewed_version`) and the live version now
(:func:`compare_with_live`).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.workflows import publish_workflow_state

from hub.members.models import ProfileSubmission, SubmissionStatus
from hub.members.notifications import notify_decision
from hub.members.roles import member_profile_workflow
from hub.members.submissions import MEMBER_EDITABLE_FIELDS, current_context, field_value

# The organisation (pk) and revision (pk) that were published last in this context. Wagtail
# publishes, sends ``published`` and then cancels the workflow in progress; the cancellation
# needs to know it was caused by that publish.
_last_published: contextvars.ContextVar[tuple[int, int] | None] = contextvars.ContextVar(
    "member_review_last_published", default=None
)


def _organisation_model():
    from snippets.models import Organisation

    return Organisation


@dataclass(frozen=True)
class Comparison:
    """The member's changes against the live version of now.

    ``outstanding``: fields whose member value is not live; ``conflicts``: those of them
    that staff changed too, ``{field: {"staff": live value, "submitted": member value}}``.
    """

    outstanding: tuple[str, ...]
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)


def base_values(submission: ProfileSubmission, member_version: Model) -> dict[str, Any]:
    """Each member-editable field's value in the live version the member worked on."""
    if submission.base_live_revision is not None:
        base = submission.base_live_revision.as_object()
        return {name: field_value(base, name) for name in MEMBER_EDITABLE_FIELDS}
    # The profile was not live when submitted: only the recorded changes are known to differ.
    values = {name: field_value(member_version, name) for name in MEMBER_EDITABLE_FIELDS}
    values.update({name: change["live"] for name, change in submission.changes.items()})
    return values


def compare_with_live(*, base: dict[str, Any], member_version: Model, live: Model) -> Comparison:
    outstanding, conflicts = [], {}
    for name in MEMBER_EDITABLE_FIELDS:
        submitted = field_value(member_version, name)
        if submitted == base[name]:
            continue
        current = field_value(live, name)
        if current == submitted:
            continue
        outstanding.append(name)
        if current != base[name]:
            conflicts[name] = {"staff": current, "submitted": submitted}
    return Comparison(tuple(outstanding), conflicts)


def copy_fields(source: Model, target: Model, names: Iterable[str]) -> None:
    """Set ``names`` on ``target`` (in memory) to their values in ``source``."""
    for name in names:
        if name == "sectors":
            target.sectors.set(list(source.sectors.all()))
        elif name == "logo":
            target.logo_id = source.logo_id
        else:
            setattr(target, name, getattr(source, name))


def reviewed_version(organisation, submission: ProfileSubmission) -> Model:
    """The member's version as reviewed: the newest revision since the submission that is
    not the live one (a reviewer's correction, or the submitted revision itself)."""
    revisions = organisation.revisions.exclude(pk=organisation.live_revision_id)
    if submission.revision is not None:
        revisions = revisions.filter(
            created_at__gte=submission.revision.created_at, pk__gte=submission.revision_id
        )
    revision = revisions.order_by("-created_at", "-pk").first() or submission.revision
    return revision.as_object() if revision else organisation.get_latest_revision_as_object()


def _is_organisation_state(workflow_state: WorkflowState) -> bool:
    organisation_type = ContentType.objects.get_for_model(_organisation_model())
    return workflow_state.base_content_type_id == organisation_type.pk


def _pending_submission_for(workflow_state: WorkflowState) -> ProfileSubmission | None:
    if not _is_organisation_state(workflow_state):
        return None
    return (
        ProfileSubmission.objects.select_for_update(of=("self",))
        .filter(workflow_state_id=workflow_state.pk, status=SubmissionStatus.PENDING)
        .select_related("base_live_revision", "revision")
        .first()
    )


def _decide(submission: ProfileSubmission, status: str, *, user, comment: str = "") -> None:
    submission.status = status
    submission.decided_by = user if getattr(user, "pk", None) else None
    submission.decided_at = timezone.now()
    submission.comment = comment
    submission.save(update_fields=["status", "decided_by", "decided_at", "comment", "conflicts"])


def _task_comment(workflow_state: WorkflowState) -> str:
    """The comment of the task state that ended the review (Approve/Request changes)."""
    if workflow_state.current_task_state_id is None:
        return ""
    task_state = TaskState.objects.filter(pk=workflow_state.current_task_state_id).first()
    return task_state.comment if task_state else ""


def publish_approved(workflow_state: WorkflowState, user=None) -> None:
    """What approving a workflow publishes (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

    For a pending member submission see the module doc; anything else (pages, English
    organisations, other snippets) is published as Wagtail does.
    """
    with transaction.atomic():
        submission = _pending_submission_for(workflow_state)
        if submission is None:
            publish_workflow_state(workflow_state, user=user)
            return

        organisation = (
            _organisation_model().objects.select_for_update().get(pk=submission.organisation_id)
        )
        if organisation.live_revision_id == submission.base_live_revision_id:
            publish_workflow_state(workflow_state, user=user)
        else:
            member_version = reviewed_version(organisation, submission)
            comparison = compare_with_live(
                base=base_values(submission, member_version),
                member_version=member_version,
                live=organisation,
            )
            copy_fields(member_version, organisation, comparison.outstanding)
            revision = organisation.save_revision(user=user, clean=False)
            revision.publish(user=user)
            submission.conflicts = {**submission.conflicts, **comparison.conflicts}

        _decide(
            submission,
            SubmissionStatus.APPROVED,
            user=user,
            comment=_task_comment(workflow_state),
        )
        notify_decision(submission)


def reject_submission(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """``workflow_rejected`` receiver: "Request changes" rejects a member submission."""
    with transaction.atomic():
        submission = _pending_submission_for(instance)
        if submission is None:
            return
        _decide(submission, SubmissionStatus.REJECTED, user=user, comment=_task_comment(instance))
        # Nothing stays in review; the member submits anew if they want to.
        instance.cancel(user=user)
        restore_draft(submission, user=user)
        notify_decision(submission)


def restore_draft(submission: ProfileSubmission, *, user=None) -> Revision:
    """Make the profile's draft what it was before ``submission`` again, as a new revision
    (a revert: the rejected revision stays in the history)."""
    organisation = (
        _organisation_model().objects.select_for_update().get(pk=submission.organisation_id)
    )
    target = submission.base_latest_revision or organisation.live_revision
    if target is not None:
        restored = target.as_object()
        revision = restored.save_revision(
            user=user, clean=False, log_action=True, previous_revision=target
        )
    else:
        # No revision before the submission: the database row is the profile as it was.
        revision = organisation.save_revision(user=user, clean=False)
    if organisation.live and (target is None or target.pk == organisation.live_revision_id):
        # The draft is the live version again: nothing waits to be published.
        type(organisation).objects.filter(pk=organisation.pk).update(has_unpublished_changes=False)
    return revision


def remember_publication(sender, instance, revision=None, **kwargs) -> None:
    """``published`` receiver (organisations): see :func:`review_cancelled`."""
    if revision is not None:
        _last_published.set((instance.pk, revision.pk))


def _cancelled_by_publishing(organisation, submission: ProfileSubmission) -> bool:
    """Whether the workflow is being cancelled because ``organisation`` was just published
    (a new live version since the submission)."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH", True):
        return False
    published = _last_published.get()
    _last_published.set(None)
    return (
        published == (organisation.pk, organisation.live_revision_id)
        and organisation.live_revision_id != submission.base_live_revision_id
    )


def review_cancelled(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """``workflow_cancelled`` receiver: replaced, withdrawn, or overtaken by a publish."""
    with transaction.atomic():
        submission = _pending_submission_for(instance)
        if submission is None:
            return
        context = current_context()
        if context is not None and getattr(context.replaces, "pk", None) == submission.pk:
            return  # record_submission marks it superseded
        organisation = (
            _organisation_model().objects.select_for_update().get(pk=submission.organisation_id)
        )
        if _cancelled_by_publishing(organisation, submission):
            keep_changes_after_publish(submission, organisation, workflow_state=instance, user=user)
        else:
            _decide(submission, SubmissionStatus.WITHDRAWN, user=user)


def keep_changes_after_publish(
    submission: ProfileSubmission, organisation, *, workflow_state: WorkflowState, user=None
) -> None:
    """Staff published ``organisation`` while ``submission`` was pending.

    If everything the member changed is live now, the publisher approved it. Otherwise the
    rest is applied to the new live version and the same submission goes back to review.
    """
    member_version = reviewed_version(organisation, submission)
    comparison = compare_with_live(
        base=base_values(submission, member_version),
        member_version=member_version,
        live=organisation,
    )
    submission.conflicts = {**submission.conflicts, **comparison.conflicts}
    if not comparison.outstanding:
        _decide(submission, SubmissionStatus.APPROVED, user=user)
        notify_decision(submission)
        return

    workflow = workflow_state.workflow if workflow_state.workflow.active else None
    workflow = workflow or member_profile_workflow()
    copy_fields(member_version, organisation, comparison.outstanding)
    # Each value was validated when it was submitted; whether it still fits staff's newer
    # values is for the reviewer to judge, not a reason to fail staff's publish.
    revision = organisation.save_revision(user=submission.submitted_by, clean=False)
    if workflow is None:
        # Nothing to review it in: the changes stay as a draft for staff to publish.
        _decide(submission, SubmissionStatus.WITHDRAWN, user=user)
        return
    state = restart_review(workflow, organisation, requested_by=submission.submitted_by)
    submission.revision = revision
    submission.workflow_state = state
    submission.base_live_revision_id = organisation.live_revision_id
    submission.base_latest_revision_id = organisation.live_revision_id
    submission.save(
        update_fields=[
            "revision",
            "workflow_state",
            "base_live_revision",
            "base_latest_revision",
            "conflicts",
        ]
    )


def restart_review(workflow, organisation, *, requested_by) -> WorkflowState:
    """Start ``workflow`` on ``organisation`` for a submission that exists already.

    ``Workflow.start`` would send ``workflow_submitted``, which records a new submission;
    this does the same steps without it. The reviewers are notified by the task as usual.
    """
    state = WorkflowState(
        content_type=organisation.get_content_type(),
        base_content_type=organisation.get_base_content_type(),
        object_id=str(organisation.pk),
        workflow=workflow,
        status=WorkflowState.STATUS_IN_PROGRESS,
        requested_by=requested_by,
    )
    state.save()
    state.update(user=requested_by)
    task_state = state.current_task_state
    log(
        instance=organisation,
        action="wagtail.workflow.start",
        data={
            "workflow": {
                "id": workflow.pk,
                "title": workflow.name,
                "status": state.status,
                "next": (
                    {"id": task_state.task_id, "title": task_state.task.name}
                    if task_state
                    else None
                ),
                "task_state_id": task_state.pk if task_state else None,
            }
        },
        revision=organisation.get_latest_revision(),
        user=requested_by,
    )
    return state
