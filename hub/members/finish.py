"""The action Wagtail runs when a workflow is approved (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports it while its models load, so this module imports nothing from the hub at
import time; the work is done in :func:`hub.members.review.publish_approved`.
"""


def publish_approved_workflow(workflow_state, user=None) -> None:
    from hub.members.review import publish_approved

    publish_approved(workflow_state, user=user)
