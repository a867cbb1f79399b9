"""Submitting changes to an organisation profile for review, and recording submissions.

Both ways in end here: the admin's "Submit for review" (Wagtail's edit view saves a
revision and starts the workflow) and ``POST /api/v1/members/organisations/{id}/submissions/``
(:func:`submit_profile_changes`). Wagtail's ``workflow_submitted`` signal records a
:class:`~hub.members.models.ProfileSubmission` for every workflow started on a German
organisation, whichever way it was started.

One submission per organisation is pending at a time. A new submission while one is
pending *replaces* it: the new changes are made on top of the pending draft (so nothing
submitted earlier is lost), the pending workflow is cancelled, the old submission is
marked ``superseded`` and the new one goes to review with both sets of changes.
"""

import contextvars
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Model

from hub.members.models import ProfileSubmission, SubmissionChannel, SubmissionStatus
from hub.members.roles import WORKFLOW, member_profile_workflow
from hub.translation.roles import is_source_locale

# What members may change, in the admin and the API. Name, slug, kind, legal form and
# memberships stay with staff.
MEMBER_EDITABLE_FIELDS = (
    "summary",
    "description",
    "sectors",
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
    "logo",
    "employee_band",
)


@dataclass(frozen=True)
class SubmissionContext:
    channel: str
    token_prefix: str = ""
    # The pending submission the new one replaces: its workflow is cancelled as
    # "superseded", not "withdrawn", and its bases carry over.
    replaces: ProfileSubmission | None = None


_context: contextvars.ContextVar[SubmissionContext | None] = contextvars.ContextVar(
    "member_submission_context", default=None
)


@contextmanager
def submission_context(**kwargs) -> Iterator[SubmissionContext]:
    """While active, workflows started on organisations are recorded with this context."""
    context = SubmissionContext(**kwargs)
    token = _context.set(context)
    try:
        yield context
    finally:
        _context.reset(token)


def current_context() -> SubmissionContext | None:
    return _context.get()


def field_value(obj: Model, name: str) -> Any:
    """A profile field's value as JSON: sector slugs sorted, logo as image id,
    coordinates as strings (``"51.905000"``)."""
    if name == "sectors":
        return sorted(topic.slug for topic in obj.sectors.all())
    if name == "logo":
        return obj.logo_id
    value = getattr(obj, name)
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.000001")))
    return value


def profile_changes(live: Model | None, draft: Model) -> dict[str, dict[str, Any]]:
    """``{field: {"live": ..., "submitted": ...}}`` for each member-editable field that differs."""
    changes = {}
    for name in MEMBER_EDITABLE_FIELDS:
        submitted = field_value(draft, name)
        current = field_value(live, name) if live is not None else None
        if submitted != current:
            changes[name] = {"live": current, "submitted": submitted}
    return changes


def pending_submission(organisation) -> ProfileSubmission | None:
    return (
        ProfileSubmission.objects.filter(organisation=organisation, status=SubmissionStatus.PENDING)
        .select_related("workflow_state")
        .first()
    )


class NoReviewWorkflow(Exception):
    """The "Member profile review" workflow is missing or disabled: nothing can be submitted."""


def submit_profile_changes(
    *,
    organisation,
    user,
    values: Mapping[str, Any],
    channel: str = SubmissionChannel.API,
    token_prefix: str = "",
) -> ProfileSubmission:
    """Save ``values`` (already validated; ``sectors`` as Topic instances, ``logo`` as an
    Image or None) as a draft revision of ``organisation`` and start the review.

    Runs in one transaction: on any error nothing is saved. Raises Django's
    ``ValidationError`` when the profile as a whole does not validate (``clean()``), and
    :class:`NoReviewWorkflow` when there is no workflow to submit to.
    """
    from snippets.models import Organisation

    workflow = member_profile_workflow()
    if workflow is None:
        raise NoReviewWorkflow(f"The “{WORKFLOW}” workflow is missing or disabled.")
    unknown = set(values) - set(MEMBER_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not member-editable: {sorted(unknown)}")

    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        draft = locked.get_latest_revision_as_object()
        for name, value in values.items():
            if name == "sectors":
                draft.sectors.set(value)
            else:
                setattr(draft, name, value)
        draft.full_clean()

        previous = pending_submission(locked)
        with submission_context(channel=channel, token_prefix=token_prefix, replaces=previous):
            if previous is not None and previous.workflow_state is not None:
                previous.workflow_state.cancel(user=user)
            draft.save_revision(user=user)
            workflow.start(draft, user)
        return ProfileSubmission.objects.get(organisation=locked, status=SubmissionStatus.PENDING)


def record_submission(sender, instance, user=None, **kwargs) -> None:
    """``workflow_submitted`` receiver: record the submission of a German organisation.

    A submission it replaces (:func:`submit_profile_changes`) is marked superseded.
    """
    from snippets.models import Organisation

    workflow_state = instance
    organisation = workflow_state.content_object
    if not isinstance(organisation, Organisation) or not is_source_locale(organisation):
        return
    context = current_context() or SubmissionContext(channel=SubmissionChannel.ADMIN)
    revision = (
        workflow_state.current_task_state.revision
        if workflow_state.current_task_state
        else organisation.get_latest_revision()
    )
    live = Organisation.objects.get(pk=organisation.pk) if organisation.live else None
    draft = revision.as_object()
    base_live_revision_id = organisation.live_revision_id
    base_latest_revision = (
        organisation.revisions.exclude(pk=revision.pk).order_by("-created_at", "-pk").first()
    )
    replaced = context.replaces
    if replaced is not None:
        # Its changes are part of this submission, so its bases are too: a rejection
        # returns to the draft from before either submission.
        base_live_revision_id = replaced.base_live_revision_id
        base_latest_revision = replaced.base_latest_revision
        ProfileSubmission.objects.filter(pk=replaced.pk).update(status=SubmissionStatus.SUPERSEDED)
    # Whatever is still pending (a workflow restarted in the admin) is replaced too.
    ProfileSubmission.objects.filter(
        organisation=organisation, status=SubmissionStatus.PENDING
    ).update(status=SubmissionStatus.SUPERSEDED)
    ProfileSubmission.objects.create(
        organisation_id=organisation.pk,
        submitted_by=user,
        channel=context.channel,
        token_prefix=context.token_prefix,
        revision=revision,
        base_live_revision_id=base_live_revision_id,
        base_latest_revision=base_latest_revision,
        workflow_state=workflow_state,
        changes=profile_changes(live, draft),
    )
