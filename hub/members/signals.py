"""Wagtail's workflow signals, connected to the recording of member submissions and to
staff's decisions on them (hub/members/review.py)."""

from wagtail.models import WorkflowState
from wagtail.signals import (
    published,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from hub.members.submissions import record_submission

# Wagtail's admin connects its "approved" and "changes requested" notifiers under these
# ids. Connecting ours under the same ids replaces them whichever app is ready first: a
# signal keeps the first receiver per id and sender, so a later connect of Wagtail's is
# ignored, and one already made is disconnected first.
WAGTAIL_NOTIFIER_IDS = {
    "approved": "workflow_state_approved_email_notification",
    "rejected": "workflow_state_rejected_email_notification",
}


def connect() -> None:
    from hub.members import notifications, review
    from snippets.models import Organisation

    workflow_submitted.connect(record_submission, dispatch_uid="hub.members.record_submission")
    workflow_rejected.connect(
        review.reject_submission, sender=WorkflowState, dispatch_uid="hub.members.reject"
    )
    workflow_cancelled.connect(
        review.review_cancelled, sender=WorkflowState, dispatch_uid="hub.members.cancelled"
    )
    published.connect(
        review.remember_publication,
        sender=Organisation,
        dispatch_uid="hub.members.remember_publication",
    )
    _replace_wagtail_notifier(
        workflow_approved,
        notifications.DecisionAwareApprovalNotifier(),
        WAGTAIL_NOTIFIER_IDS["approved"],
    )
    _replace_wagtail_notifier(
        workflow_rejected,
        notifications.DecisionAwareRejectionNotifier(),
        WAGTAIL_NOTIFIER_IDS["rejected"],
    )


def _replace_wagtail_notifier(signal, notifier, dispatch_uid: str) -> None:
    signal.disconnect(sender=WorkflowState, dispatch_uid=dispatch_uid)
    signal.connect(notifier, sender=WorkflowState, dispatch_uid=dispatch_uid, weak=False)
