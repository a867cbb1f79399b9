"""Wagtail's workflow signals, connected to the recording of member submissions."""

from wagtail.signals import workflow_submitted

from hub.members.submissions import record_submission


def connect() -> None:
    workflow_submitted.connect(record_submission, dispatch_uid="hub.members.record_submission")
