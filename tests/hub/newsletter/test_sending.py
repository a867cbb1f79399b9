"""Send to subscribers: batches over SMTP, per-recipient records, never a second copy."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hub.newsletter import subscriptions
from hub.newsletter.models import (
    DeliveryStatus,
    Mailing,
    MailingDelivery,
    MailingStatus,
    Subscriber,
    SubscriberStatus,
)
from hub.newsletter.sending import (
    SendRefused,
    mailing_progress,
    retry_failed,
    send_readiness,
    send_test,
    start_mailing,
)
from hub.newsletter.tasks import send_mailing_batch
from tests.factories import NewsletterSeriesPageFactory, locale
from tests.factories.pages import translate_page
from tests.hub.newsletter.conftest import add_subscribers, make_issue, publish
from tests.peers.worker import DATABASE_BACKEND


def after_test_send(issue, user):
    """``issue`` after a test send of its live version."""
    send_test(issue=issue, address="pruefung@example.org", locale=locale("de"), user=user)
    return issue


def received_by(smtp_server) -> Counter:
    return Counter(address for message in smtp_server.messages for address in message.recipients)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_mailing_is_sent_in_batches_by_the_worker(
    series, network_page, staff_user, smtp_server, settings, request
):
    settings.NEWSLETTER_BATCH_SIZE = 10
    issue = make_issue(series, network_page=network_page)
    translate_page(issue, "en", title="CKnews 2/2026 (English)", theme="Circular economy")
    german = add_subscribers(series, 13, language="de")
    english = add_subscribers(series, 12, language="en")
    after_test_send(issue, staff_user)
    smtp_server.clear()
    settings.TASKS = DATABASE_BACKEND
    mailing = start_mailing(issue=issue, user=staff_user)

    # The worker starts once everything is stored, and the test reads the database again
    # only after it has stopped: SQLite's shared in-memory test database refuses a second
    # thread while one holds a transaction.
    task_worker = request.getfixturevalue("task_worker")
    messages = smtp_server.wait_for(25, timeout=60)
    task_worker.stop()

    assert len(messages) == 25
    assert received_by(smtp_server) == Counter(s.email for s in german + english)
    subjects = {message.recipients[0]: message["Subject"] for message in messages}
    assert {subjects[s.email] for s in german} == {"CKnews 2/2026 \u2013 Kreislaufwirtschaft"}
    assert {subjects[s.email] for s in english} == {"CKnews 2/2026 \u2013 Circular economy"}

    mailing.refresh_from_db()
    assert mailing.status == MailingStatus.FINISHED
    assert (mailing.recipient_count, mailing.requested_by) == (25, staff_user)
    assert mailing.revision_id == issue.live_revision_id
    deliveries = MailingDelivery.objects.filter(mailing=mailing)
    assert {delivery.status for delivery in deliveries} == {DeliveryStatus.SENT}
    assert all(delivery.sent_at and delivery.attempts == 1 for delivery in deliveries)
    message_ids = {message["Message-ID"] for message in messages}
    assert {delivery.message_id for delivery in deliveries} == message_ids
    # Every mail has its own unsubscribe link.
    unsubscribe_links = {message["List-Unsubscribe"] for message in messages}
    assert len(unsubscribe_links) == 25
    # 25 deliveries in batches of 10: three runs of the task.
    batch_runs = DBTaskResult.objects.filter(task_path__endswith="send_mailing_batch")
    assert sorted(run.status for run in batch_runs) == ["SUCCESSFUL"] * 3


@pytest.mark.django_db
def test_a_retried_batch_sends_nobody_a_second_copy(
    issue, staff_user, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 4
    subscribers = add_subscribers(series := issue.get_parent().specific, 10)
    after_test_send(issue, staff_user)
    smtp_server.clear()
    smtp_server.fail_next(3)

    with django_capture_on_commit_callbacks(execute=True):
        mailing = start_mailing(issue=issue, user=staff_user)

    assert len(smtp_server.wait_for(7)) == 7
    failed = MailingDelivery.objects.filter(mailing=mailing, status=DeliveryStatus.FAILED)
    assert failed.count() == 3
    assert all("451" in delivery.error for delivery in failed)
    assert mailing_progress([mailing])[mailing.pk].sent == 7

    with django_capture_on_commit_callbacks(execute=True):
        assert retry_failed(mailing) == 3

    smtp_server.wait_for(10)
    assert received_by(smtp_server) == Counter(s.email for s in subscribers)
    assert set(received_by(smtp_server).values()) == {1}
    assert not MailingDelivery.objects.exclude(status=DeliveryStatus.SENT).exists()
    assert Subscriber.objects.filter(series=series).count() == 10


@pytest.mark.django_db
def test_sending_an_issue_twice_reaches_only_new_subscribers(
    issue, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    series = issue.get_parent().specific
    first = add_subscribers(series, 3)
    after_test_send(issue, staff_user)
    smtp_server.clear()
    with django_capture_on_commit_callbacks(execute=True):
        start_mailing(issue=issue, user=staff_user)
    smtp_server.wait_for(3)

    with pytest.raises(SendRefused, match="All 3 confirmed subscribers have received"):
        start_mailing(issue=issue, user=staff_user)
    assert Mailing.objects.count() == 1

    late = add_subscribers(series, 1, start=100)
    with django_capture_on_commit_callbacks(execute=True):
        second = start_mailing(issue=issue, user=staff_user)

    smtp_server.wait_for(4)
    assert (second.recipient_count, second.skipped_count) == (1, 3)
    assert received_by(smtp_server) == Counter(s.email for s in first + late)
    # Running the task again for either mailing sends nothing.
    for mailing in Mailing.objects.all():
        send_mailing_batch.enqueue(mailing.pk)
    assert len(smtp_server.messages) == 4


@pytest.mark.django_db
def test_the_database_refuses_a_second_delivery_of_an_issue(issue, staff_user):
    from django.db import IntegrityError, transaction

    (subscriber,) = add_subscribers(issue.get_parent().specific, 1)
    mailing = Mailing.objects.create(issue=issue, requested_by=staff_user)
    MailingDelivery.objects.create(
        mailing=mailing, issue=issue, subscriber=subscriber, locale=subscriber.locale
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        MailingDelivery.objects.create(
            mailing=Mailing.objects.create(issue=issue),
            issue=issue,
            subscriber=subscriber,
            locale=subscriber.locale,
        )


@pytest.mark.django_db
def test_unsubscribed_and_pending_readers_get_nothing(
    issue, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    series = issue.get_parent().specific
    stays, leaves = add_subscribers(series, 2)
    add_subscribers(series, 1, status=SubscriberStatus.PENDING, start=50)
    add_subscribers(series, 1, status=SubscriberStatus.UNSUBSCRIBED, start=60)
    after_test_send(issue, staff_user)
    smtp_server.clear()

    # Unsubscribed after the mailing was created, before the worker got to them.
    mailing = start_mailing(issue=issue, user=staff_user)
    subscriptions.unsubscribe(leaves)
    with django_capture_on_commit_callbacks(execute=True):
        send_mailing_batch.enqueue(mailing.pk)

    assert received_by(smtp_server) == Counter([stays.email])
    assert mailing.recipient_count == 2
    assert MailingDelivery.objects.get(subscriber=leaves).status == DeliveryStatus.SKIPPED


@pytest.mark.django_db
def test_a_delivery_left_sending_is_unknown_and_never_sent_again(
    issue, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    add_subscribers(issue.get_parent().specific, 3)
    after_test_send(issue, staff_user)
    smtp_server.clear()
    mailing = start_mailing(issue=issue, user=staff_user)
    # A worker died after handing this one to the SMTP server.
    crashed = mailing.deliveries.order_by("pk").first()
    MailingDelivery.objects.filter(pk=crashed.pk).update(
        status=DeliveryStatus.SENDING, updated_at=timezone.now() - timedelta(hours=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        send_mailing_batch.enqueue(mailing.pk)
    with django_capture_on_commit_callbacks(execute=True):
        retry_failed(mailing)

    assert crashed.subscriber.email not in received_by(smtp_server)
    assert len(smtp_server.messages) == 2
    progress = mailing_progress([Mailing.objects.get(pk=mailing.pk)])[mailing.pk]
    assert (progress.sent, progress.unknown, progress.failed, progress.pending) == (2, 1, 0, 0)


@pytest.mark.django_db
def test_an_unreachable_mail_server_fails_the_batch_until_retried(
    issue, staff_user, smtp_server, settings, django_capture_on_commit_callbacks
):
    subscribers = add_subscribers(issue.get_parent().specific, 3)
    after_test_send(issue, staff_user)
    smtp_server.clear()
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9  # nothing listens there

    with django_capture_on_commit_callbacks(execute=True):
        mailing = start_mailing(issue=issue, user=staff_user)

    failed = MailingDelivery.objects.filter(mailing=mailing, status=DeliveryStatus.FAILED)
    assert failed.count() == 3
    assert all("No connection to the mail server" in d.error for d in failed)
    assert Mailing.objects.get(pk=mailing.pk).status == MailingStatus.FINISHED

    settings.EMAIL_PORT = port
    with django_capture_on_commit_callbacks(execute=True):
        retry_failed(mailing)

    assert received_by(smtp_server) == Counter(s.email for s in subscribers)


@pytest.mark.django_db
class TestWhenAnIssueMayBeSent:
    def test_not_without_a_test_send(self, issue):
        readiness = send_readiness(issue)

        assert not readiness.can_send
        assert "test" in readiness.reason
        with pytest.raises(SendRefused):
            start_mailing(issue=issue, user=None)
        assert not Mailing.objects.exists()

    def test_not_when_it_is_not_live(self, series, network_page, staff_user, smtp_server):
        draft = make_issue(series, network_page=network_page, publish_it=False)
        draft.save_revision()
        send_test(issue=draft, address="a@example.org", locale=locale("de"), user=staff_user)

        assert "publish it first" in send_readiness(draft).reason

    def test_not_from_a_translation(self, issue, staff_user, smtp_server):
        english = translate_page(issue, "en")

        assert "German" in send_readiness(english).reason

    def test_a_test_of_the_draft_counts_once_the_same_draft_is_published(
        self, issue, staff_user, smtp_server
    ):
        issue.theme = "Wasserstoff"
        revision = issue.save_revision()
        after_test_send(issue, staff_user)
        assert not send_readiness(issue).can_send  # the draft is not live yet

        revision.publish()  # e.g. approved in a workflow: the tested revision goes live
        issue.refresh_from_db()

        assert send_readiness(issue).can_send

    def test_a_test_of_the_same_content_counts_after_publishing_from_the_editor(
        self, issue, staff_user, smtp_server
    ):
        issue.theme = "Wasserstoff"
        issue.save_revision()
        after_test_send(issue, staff_user)

        publish(issue)  # "Publish" in the editor saves a new revision of the same content

        assert send_readiness(issue).can_send

    def test_a_change_after_the_test_asks_for_a_new_test(self, issue, staff_user, smtp_server):
        after_test_send(issue, staff_user)
        assert send_readiness(issue).can_send

        issue.theme = "Wasserstoff"
        publish(issue)

        assert not send_readiness(issue).can_send

    def test_a_series_without_subscribers_has_nobody_to_send_to(
        self, issue, staff_user, smtp_server
    ):
        after_test_send(issue, staff_user)
        add_subscribers(NewsletterSeriesPageFactory(), 2)  # other series' readers do not count

        with pytest.raises(SendRefused, match="no confirmed subscribers"):
            start_mailing(issue=issue, user=staff_user)
