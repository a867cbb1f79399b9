"""Subscribers of a newsletter series, the mailings of its issues and their deliveries.

A subscriber belongs to the German (source) series page, whichever translation of the
series they subscribed through, and reads in one language (``locale``). An issue reaches a
subscriber at most once: ``MailingDelivery`` is unique per issue and subscriber, so sending
an issue again, or retrying a failed batch, cannot produce a second copy.

No IP addresses are kept; the consent a subscriber gave is kept as the text they were shown,
its version, and the time they confirmed it.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", "Pending confirmation"
    CONFIRMED = "confirmed", "Confirmed"
    UNSUBSCRIBED = "unsubscribed", "Unsubscribed"


class Subscriber(models.Model):
    # Subscribers are not "uses" of their series page in Wagtail's reference index.
    wagtail_reference_index_ignore = True

    series = models.ForeignKey(
        "pages.NewsletterSeriesPage",
        on_delete=models.CASCADE,
        related_name="newsletter_subscribers",
        help_text="The series in the source language (German).",
    )
    email = models.EmailField(max_length=254, help_text="As given, with the domain in lower case.")
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The language the subscriber reads the newsletter in.",
    )
    status = models.CharField(
        max_length=20, choices=SubscriberStatus.choices, default=SubscriberStatus.PENDING
    )
    requested_at = models.DateTimeField(
        default=timezone.now, help_text="When the subscription was last asked for."
    )
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the subscriber confirmed, i.e. gave consent."
    )
    consent_text = models.TextField(help_text="The consent text the subscriber was shown.")
    consent_version = models.CharField(max_length=40)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "newsletter subscriber"
        ordering = ["email"]
        constraints = [
            # Addresses that differ in case only are one mailbox in practice.
            models.UniqueConstraint(
                models.F("series"), Lower("email"), name="newsletter_subscriber_unique_email"
            ),
        ]
        indexes = [models.Index(fields=["series", "status"], name="newsletter_sub_series_status")]

    def __str__(self) -> str:
        return self.email


class MailingStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    FINISHED = "finished", "Finished"


class Mailing(models.Model):
    """One "send to subscribers" of an issue: a delivery for every confirmed subscriber of
    the series who has not received the issue yet."""

    wagtail_reference_index_ignore = True

    issue = models.ForeignKey(
        "pages.NewsletterIssuePage", on_delete=models.CASCADE, related_name="mailings"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The issue's live revision when the mailing was requested.",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        max_length=20, choices=MailingStatus.choices, default=MailingStatus.QUEUED
    )
    recipient_count = models.PositiveIntegerField(
        default=0, help_text="Deliveries this mailing created."
    )
    skipped_count = models.PositiveIntegerField(
        default=0, help_text="Confirmed subscribers who had received the issue already."
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        permissions = [("send_newsletter", "Can send newsletter issues to subscribers")]

    def __str__(self) -> str:
        return f"Mailing of {self.issue_id} requested {self.requested_at:%Y-%m-%d %H:%M}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    # Handed to the SMTP server, no answer recorded yet; after a crash it stays so (unknown).
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    # The subscriber unsubscribed after the mailing was requested, before their turn.
    SKIPPED = "skipped", "Skipped"


class MailingDelivery(models.Model):
    wagtail_reference_index_ignore = True

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    # Repeated from the mailing so the database itself refuses a second copy of an issue.
    issue = models.ForeignKey(
        "pages.NewsletterIssuePage", on_delete=models.CASCADE, related_name="+"
    )
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    message_id = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "mailing deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_delivery_once_per_subscriber"
            ),
        ]
        indexes = [
            models.Index(fields=["mailing", "status"], name="newsletter_delivery_progress"),
        ]

    def __str__(self) -> str:
        return f"Delivery {self.pk} ({self.status})"


class TestSend(models.Model):
    """An issue sent to one address for checking, from its latest revision (drafts too)."""

    # Not a test case, whatever pytest makes of the name.
    __test__ = False
    wagtail_reference_index_ignore = True

    issue = models.ForeignKey(
        "pages.NewsletterIssuePage", on_delete=models.CASCADE, related_name="test_sends"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The language of the edition that was sent.",
    )
    address = models.EmailField(max_length=254)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    content_digest = models.CharField(
        max_length=64, help_text="SHA-256 of the edition as sent (without personal links)."
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"Test send of {self.issue_id} to {self.address}"
