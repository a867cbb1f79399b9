"""Background tasks of member accounts (django-tasks; ``manage.py db_worker`` runs them).

Arguments are ids, never tokens: they are stored in the database until a worker runs them.
"""

from django_tasks import task

from hub.members.invitation_mail import invitation_mail
from hub.members.invitations import issue_link_token


@task()
def send_invitation_mail(invitation_id: int) -> str:
    """Mint the invitation's link and mail it; returns "sent", or "not usable" when the
    invitation was revoked, accepted, expired or deleted before the task ran. Running it
    again mails a new link, and the earlier one stops working."""
    issued = issue_link_token(invitation_id)
    if issued is None:
        return "not usable"
    invitation, token = issued
    invitation_mail(invitation, token).send()
    return "sent"
