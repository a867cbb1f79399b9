"""Background tasks of the newsletter (django-tasks; ``manage.py db_worker`` runs them).

Arguments are ids, not objects: they are stored as JSON until a worker picks the task up.
"""

from django_tasks import task

from hub.newsletter.models import Subscriber
from hub.newsletter.sending import send_batch
from hub.newsletter.subscriptions import subscription_mail


@task()
def send_subscription_mail(subscriber_id: int) -> str:
    """Answer a subscription request by mail (confirmation link or "already subscribed");
    returns the subscriber's status, or "gone" when the subscriber was deleted meanwhile."""
    subscriber = Subscriber.objects.select_related("series", "locale").filter(pk=subscriber_id)
    subscriber = subscriber.first()
    if subscriber is None:
        return "gone"
    subscription_mail(subscriber).send()
    return subscriber.status


@task()
def send_mailing_batch(mailing_id: int) -> dict:
    """Send one batch of a mailing and queue the next (hub.newsletter.sending.send_batch)."""
    return send_batch(mailing_id).as_dict()
