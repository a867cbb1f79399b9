"""The mail that tells a member how staff decided on their submission, in German and English.

It goes to the member account that submitted, and to nobody else, once the decision is
committed (a django-tasks task, so a slow mail server never holds up the reviewer). Staff
who submit changes themselves get no such mail: they decide in the same admin. Wagtail's
own "approved"/"rejected" notification is not sent for member submissions
(:class:`DecisionAwareApprovalNotifier`), so the member gets one mail, not two.
"""

from email.utils import make_msgid, parseaddr
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task
from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)

from hub.members.access import is_member_account
from hub.members.models import ProfileSubmission, SubmissionStatus

DECIDED = (SubmissionStatus.APPROVED, SubmissionStatus.REJECTED)

# What members call the fields they may change: (German, English).
FIELD_LABELS = {
    "summary": ("Kurzbeschreibung", "Summary"),
    "description": ("Beschreibung", "Description"),
    "sectors": ("Branchen", "Sectors"),
    "website": ("Website", "Website"),
    "email": ("E-Mail", "Email"),
    "phone": ("Telefon", "Phone"),
    "street": ("Straße und Hausnummer", "Street and number"),
    "postal_code": ("Postleitzahl", "Postal code"),
    "city": ("Ort", "City"),
    "region": ("Bundesland", "Federal state"),
    "country": ("Land", "Country"),
    "latitude": ("Breitengrad", "Latitude"),
    "longitude": ("Längengrad", "Longitude"),
    "logo": ("Logo", "Logo"),
    "employee_band": ("Beschäftigte", "Employees"),
}


def field_labels(names, *, language: str) -> list[str]:
    """The labels of ``names`` in ``language`` ("de" or "en"), in the order given."""
    index = 0 if language == "de" else 1
    return [FIELD_LABELS[name][index] if name in FIELD_LABELS else name for name in names]


def sends_decision_mail(submission: ProfileSubmission) -> bool:
    """Whether the submitter gets a decision mail: active member accounts with an address,
    not staff."""
    user = submission.submitted_by
    return user is not None and bool(user.email) and is_member_account(user)


def notify_decision(submission: ProfileSubmission) -> None:
    """Queue the decision mail for when the current transaction commits."""
    if submission.status in DECIDED and sends_decision_mail(submission):
        transaction.on_commit(partial(send_decision_mail.enqueue, submission.pk))


@task()
def send_decision_mail(submission_id: int) -> str:
    """Send the decision mail of a submission; returns "sent", or "skipped" when the
    submission is gone, undecided, or its submitter no longer gets mail."""
    submission = (
        ProfileSubmission.objects.select_related("organisation", "submitted_by")
        .filter(pk=submission_id, status__in=DECIDED)
        .first()
    )
    if submission is None or not sends_decision_mail(submission):
        return "skipped"
    decision_mail(submission).send()
    return "sent"


def admin_edit_url(organisation) -> str:
    path = reverse("wagtailsnippets_snippets_organisation:edit", args=[organisation.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def decision_mail(submission: ProfileSubmission) -> EmailMultiAlternatives:
    """The decision mail, ready to send."""
    organisation = submission.organisation
    approved = submission.status == SubmissionStatus.APPROVED
    if approved:
        subject = f"Profiländerung freigegeben / Profile update approved: {organisation.name}"
    else:
        subject = (
            f"Profiländerung nicht übernommen / Profile update not accepted: {organisation.name}"
        )
    changed = list(submission.changes)
    context = {
        "subject": subject,
        "approved": approved,
        "organisation_name": organisation.name,
        "comment": submission.comment,
        "fields_de": field_labels(changed, language="de"),
        "fields_en": field_labels(changed, language="en"),
        "submitted_at": submission.submitted_at,
        "edit_url": admin_edit_url(organisation),
    }
    sender = settings.DEFAULT_FROM_EMAIL
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("members/review/decision_mail.txt", context),
        from_email=sender,
        to=[submission.submitted_by.email],
        headers={"Message-ID": make_msgid(idstring=f"submission-{submission.pk}", domain=domain)},
    )
    message.attach_alternative(
        render_to_string("members/review/decision_mail.html", context), "text/html"
    )
    return message


def _receives_decision_mail(workflow_state) -> bool:
    return any(
        sends_decision_mail(submission)
        for submission in ProfileSubmission.objects.filter(
            workflow_state_id=workflow_state.pk
        ).select_related("submitted_by")
    )


class DecisionAwareApprovalNotifier(WorkflowStateApprovalEmailNotifier):
    """Wagtail's "approved" mail, except to members, who get the decision mail instead."""

    def get_recipient_users(self, workflow_state, **kwargs):
        recipients = super().get_recipient_users(workflow_state, **kwargs)
        return set() if recipients and _receives_decision_mail(workflow_state) else recipients


class DecisionAwareRejectionNotifier(WorkflowStateRejectionEmailNotifier):
    """Wagtail's "changes requested" mail, except to members, who get the decision mail."""

    def get_recipient_users(self, workflow_state, **kwargs):
        recipients = super().get_recipient_users(workflow_state, **kwargs)
        return set() if recipients and _receives_decision_mail(workflow_state) else recipients
