"""Sending an issue: a test send to one address, then "send to subscribers" in batches.

Test send first
    An issue can be sent to subscribers only when it is live and a test send showed
    exactly what is live now: a test of the live revision (for instance of a draft that was
    then approved and published as it was), or a test whose German edition is identical to
    the live one (publishing from the editor saves a new revision of unchanged content).
    Any change to the issue after the test asks for a new test.

Send to subscribers
    ``start_mailing`` creates a Mailing and one MailingDelivery per confirmed subscriber of
    the series, skipping subscribers who already have a delivery of this issue (the
    database's unique constraint on issue and subscriber). The background task then sends
    ``NEWSLETTER_BATCH_SIZE`` deliveries per run over one SMTP connection, rendering the
    edition once per language, and queues the next batch until none is pending.

Never twice
    Each delivery is marked ``sending`` (committed, with its Message-ID) before it is handed
    to the SMTP server and ``sent`` or ``failed`` after the server's answer. Only
    ``pending`` deliveries are ever sent; "retry failed" turns ``failed`` ones back into
    ``pending``. A delivery still ``sending`` after a crash may or may not have left: it is
    reported as *unknown* and never sent again automatically; staff can look its Message-ID
    up in the mail server's log.
"""

import logging
import smtplib
from dataclasses import asdict, dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from wagtail.models import Locale

from hub.newsletter import mail
from hub.newsletter.models import (
    DeliveryStatus,
    Mailing,
    MailingDelivery,
    MailingStatus,
    Subscriber,
    SubscriberStatus,
    TestSend,
)
from hub.newsletter.rendering import EditionError, RenderedEdition, render_edition
from pages.models import NewsletterIssuePage
from pages.selectors import public_pages

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 100
# A delivery ``sending`` for longer than this was interrupted: its outcome is unknown.
UNKNOWN_AFTER = timedelta(minutes=10)
# SMTP and socket errors end one delivery (failed); the batch goes on.
SEND_ERRORS = (smtplib.SMTPException, OSError)


class SendRefused(Exception):
    """The issue cannot be sent now; the message tells the editor why."""


def batch_size() -> int:
    return max(1, getattr(settings, "NEWSLETTER_BATCH_SIZE", DEFAULT_BATCH_SIZE))


# Test sends


def send_test(*, issue: NewsletterIssuePage, address: str, locale: Locale, user) -> TestSend:
    """Send the latest revision of ``issue`` (drafts too) to ``address`` as readers in
    ``locale`` get it, and record it. SendRefused when the issue cannot be rendered;
    SMTP errors propagate and nothing is recorded."""
    try:
        edition = render_edition(issue, locale=locale, latest_revision=True)
    except EditionError as error:
        raise SendRefused(str(error)) from None
    unsubscribe = mail.unsubscribe_url(None)
    subject, html, text = edition.for_recipient(unsubscribe_url=unsubscribe, test=True)
    mail.build_message(
        to=address,
        subject=subject,
        text=text,
        html=html,
        message_id=mail.new_message_id(f"test-{issue.pk}"),
        unsubscribe=unsubscribe,
    ).send()
    return TestSend.objects.create(
        issue=issue,
        revision_id=edition.revision_id,
        locale=locale,
        address=address,
        sent_by=user,
        content_digest=edition.digest,
    )


# Whether "send to subscribers" is possible


@dataclass(frozen=True)
class Readiness:
    can_send: bool
    reason: str = ""
    edition: RenderedEdition | None = None


def send_readiness(issue: NewsletterIssuePage) -> Readiness:
    """Whether ``issue`` may be sent to subscribers now, and if not, why (see module doc)."""
    if issue.locale_id != Locale.get_default().pk:
        return Readiness(False, "Open the German issue: it is sent with its translations.")
    if not public_pages(NewsletterIssuePage.objects.filter(pk=issue.pk)).exists():
        return Readiness(
            False, "Only a live, public issue can be sent to subscribers: publish it first."
        )
    try:
        edition = render_edition(issue, locale=issue.locale)
    except EditionError as error:
        return Readiness(False, str(error))
    tested = Q(locale_id=issue.locale_id, content_digest=edition.digest)
    if issue.live_revision_id is not None:
        tested |= Q(revision_id=issue.live_revision_id)
    if not TestSend.objects.filter(tested, issue=issue).exists():
        return Readiness(
            False,
            "Send a test of the live version first (German). Tests of earlier versions do "
            "not count once the issue has changed.",
            edition,
        )
    return Readiness(True, "", edition)


# Send to subscribers


def start_mailing(*, issue: NewsletterIssuePage, user) -> Mailing:
    """Create the mailing of ``issue`` to every confirmed subscriber who has not received it
    and queue its first batch; SendRefused (nothing created) when it cannot be sent."""
    readiness = send_readiness(issue)
    if not readiness.can_send:
        raise SendRefused(readiness.reason)
    series_id = issue.get_parent().pk

    with transaction.atomic():
        mailing = Mailing.objects.create(
            issue=issue, revision_id=issue.live_revision_id, requested_by=user
        )
        subscribers = list(
            Subscriber.objects.filter(
                series_id=series_id, status=SubscriberStatus.CONFIRMED
            ).values_list("pk", "locale_id")
        )
        MailingDelivery.objects.bulk_create(
            [
                MailingDelivery(
                    mailing=mailing, issue=issue, subscriber_id=subscriber_id, locale_id=locale_id
                )
                for subscriber_id, locale_id in subscribers
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
        created = mailing.deliveries.count()
        if created == 0:
            # Raised inside the transaction: the empty mailing is rolled back.
            raise SendRefused(
                f"All {len(subscribers)} confirmed subscribers have received this issue already."
                if subscribers
                else "The series has no confirmed subscribers yet."
            )
        mailing.recipient_count = created
        mailing.skipped_count = len(subscribers) - created
        mailing.save(update_fields=["recipient_count", "skipped_count"])
    _queue_batch(mailing.pk)
    return mailing


def retry_failed(mailing: Mailing) -> int:
    """Send the failed deliveries of ``mailing`` again (and any still pending); returns how
    many failed ones were queued. Sent and unknown deliveries are left alone."""
    if not NewsletterIssuePage.objects.filter(pk=mailing.issue_id, live=True).exists():
        raise SendRefused("The issue is no longer live: publish it again before retrying.")
    with transaction.atomic():
        count = mailing.deliveries.filter(status=DeliveryStatus.FAILED).update(
            status=DeliveryStatus.PENDING, updated_at=timezone.now()
        )
        Mailing.objects.filter(pk=mailing.pk).update(status=MailingStatus.SENDING, finished_at=None)
    _queue_batch(mailing.pk)
    return count


def _queue_batch(mailing_id: int) -> None:
    from hub.newsletter.tasks import send_mailing_batch

    transaction.on_commit(partial(send_mailing_batch.enqueue, mailing_id))


@dataclass
class BatchResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    # Deliveries another run claimed first (two runs of the same mailing at once).
    claimed_elsewhere: int = 0
    more: bool = False

    def as_dict(self) -> dict:
        return asdict(self)


def send_batch(mailing_id: int) -> BatchResult:
    """Send the next batch of ``mailing_id``'s pending deliveries; queue the next batch
    while pending ones remain. Safe to run twice at the same time (see module doc)."""
    result = BatchResult()
    mailing = Mailing.objects.select_related("issue").filter(pk=mailing_id).first()
    if mailing is None:
        return result
    batch = list(
        mailing.deliveries.filter(status=DeliveryStatus.PENDING)
        .select_related("subscriber", "locale")
        .order_by("pk")[: batch_size()]
    )
    if not batch:
        _finish(mailing)
        return result
    Mailing.objects.filter(pk=mailing.pk, status=MailingStatus.QUEUED).update(
        status=MailingStatus.SENDING
    )

    unsubscribed = [d.pk for d in batch if d.subscriber.status != SubscriberStatus.CONFIRMED]
    if unsubscribed:
        result.skipped = MailingDelivery.objects.filter(
            pk__in=unsubscribed, status=DeliveryStatus.PENDING
        ).update(status=DeliveryStatus.SKIPPED, updated_at=timezone.now())
    deliveries = [d for d in batch if d.subscriber.status == SubscriberStatus.CONFIRMED]

    editions, problem = _editions(mailing.issue, {d.locale_id: d.locale for d in deliveries})
    if problem:
        _fail(deliveries, problem, result)
    else:
        _send_all(deliveries, editions, result)

    if result.sent or result.failed or result.skipped:
        result.more = mailing.deliveries.filter(status=DeliveryStatus.PENDING).exists()
        if result.more:
            _queue_batch(mailing.pk)
        else:
            _finish(mailing)
    return result


def _editions(issue, locales: dict[int, Locale]) -> tuple[dict[int, RenderedEdition], str]:
    """The edition per locale id, or the reason why the issue cannot be sent now."""
    if not issue.live:
        return {}, "The issue was unpublished before this delivery."
    try:
        return {pk: render_edition(issue, locale=locale) for pk, locale in locales.items()}, ""
    except EditionError as error:
        return {}, str(error)


def _fail(deliveries: list[MailingDelivery], error: str, result: BatchResult) -> None:
    result.failed += MailingDelivery.objects.filter(
        pk__in=[d.pk for d in deliveries], status=DeliveryStatus.PENDING
    ).update(
        status=DeliveryStatus.FAILED,
        error=error,
        attempts=F("attempts") + 1,
        updated_at=timezone.now(),
    )


def _send_all(deliveries, editions: dict[int, RenderedEdition], result: BatchResult) -> None:
    connection = get_connection()
    try:
        connection.open()
    except SEND_ERRORS as error:
        _fail(deliveries, f"No connection to the mail server: {error}", result)
        return
    try:
        for delivery in deliveries:
            outcome = _send_one(delivery, editions[delivery.locale_id], connection)
            if outcome is None:
                result.claimed_elsewhere += 1
            elif outcome:
                result.failed += 1
                # A broken connection fails every later message too: start a new one.
                connection.close()
                try:
                    connection.open()
                except SEND_ERRORS as error:
                    remaining = deliveries[deliveries.index(delivery) + 1 :]
                    _fail(remaining, f"No connection to the mail server: {error}", result)
                    return
            else:
                result.sent += 1
    finally:
        connection.close()


def _send_one(delivery: MailingDelivery, edition: RenderedEdition, connection) -> str | None:
    """Send one delivery: "" when the server accepted it, the error when it did not, None
    when another run had claimed it."""
    message_id = mail.new_message_id(f"delivery-{delivery.pk}")
    claimed = MailingDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SENDING,
        message_id=message_id,
        attempts=F("attempts") + 1,
        updated_at=timezone.now(),
    )
    if not claimed:
        return None
    unsubscribe = mail.unsubscribe_url(delivery.subscriber)
    subject, html, text = edition.for_recipient(unsubscribe_url=unsubscribe)
    message = mail.build_message(
        to=delivery.subscriber.email,
        subject=subject,
        text=text,
        html=html,
        message_id=message_id,
        unsubscribe=unsubscribe,
        connection=connection,
    )
    try:
        connection.send_messages([message])
    except SEND_ERRORS as error:
        error_text = f"{type(error).__name__}: {error}"[:1000]
        MailingDelivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.FAILED, error=error_text, updated_at=timezone.now()
        )
        # The server's message may quote the address: it stays with the delivery, not in logs.
        logger.warning(
            "Newsletter delivery %s failed: %s %s",
            delivery.pk,
            type(error).__name__,
            getattr(error, "smtp_code", ""),
        )
        return error_text
    now = timezone.now()
    MailingDelivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.SENT, sent_at=now, error="", updated_at=now
    )
    return ""


def _finish(mailing: Mailing) -> None:
    Mailing.objects.filter(
        pk=mailing.pk, status__in=[MailingStatus.QUEUED, MailingStatus.SENDING]
    ).update(status=MailingStatus.FINISHED, finished_at=timezone.now())


# Progress, for the admin


@dataclass(frozen=True)
class Progress:
    sent: int = 0
    failed: int = 0
    pending: int = 0
    sending: int = 0
    unknown: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return sum(asdict(self).values())


def mailing_progress(mailings: list[Mailing]) -> dict[int, Progress]:
    """The deliveries of each of ``mailings`` by outcome, in one query. Deliveries left
    ``sending`` by an interrupted run count as unknown (see module doc)."""
    cutoff = timezone.now() - UNKNOWN_AFTER
    sending = Q(status=DeliveryStatus.SENDING)
    rows = (
        MailingDelivery.objects.filter(mailing__in=[m.pk for m in mailings])
        .values("mailing_id")
        .annotate(
            sent=Count("pk", filter=Q(status=DeliveryStatus.SENT)),
            failed=Count("pk", filter=Q(status=DeliveryStatus.FAILED)),
            pending=Count("pk", filter=Q(status=DeliveryStatus.PENDING)),
            skipped=Count("pk", filter=Q(status=DeliveryStatus.SKIPPED)),
            sending=Count("pk", filter=sending & Q(updated_at__gte=cutoff)),
            unknown=Count("pk", filter=sending & Q(updated_at__lt=cutoff)),
        )
        .order_by()
    )
    finished = {m.pk for m in mailings if m.status == MailingStatus.FINISHED}
    progress = {}
    for row in rows:
        mailing_id = row.pop("mailing_id")
        if mailing_id in finished:
            row["unknown"] += row["sending"]
            row["sending"] = 0
        progress[mailing_id] = Progress(**row)
    return progress
