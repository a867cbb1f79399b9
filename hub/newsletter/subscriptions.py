"""Subscribing (double opt-in), confirming and unsubscribing.

Asking for a subscription does the same work for every valid address: one lookup, one
write, one queued mail. What the mail says depends on the address's state, which the
caller never learns:

- new, pending or unsubscribed: a confirmation mail with a link to the hub's confirm page;
  the request records the locale and the consent text shown, and the subscription starts
  only when the link's page is confirmed (POST);
- already confirmed: a short "you are subscribed already" mail with the unsubscribe link;
  the subscription itself is left as it is (only ``requested_at`` is updated).
"""

import functools

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Locale

from hub.newsletter import mail
from hub.newsletter.models import Subscriber, SubscriberStatus
from hub.newsletter.texts import CONSENT_VERSION, consent_text, mail_language, texts_for
from hub.newsletter.tokens import confirmation_max_age
from pages.models import NewsletterSeriesPage


def normalise_email(address: str) -> str:
    """``address`` without surrounding space and with its domain in lower case.

    The local part is kept as typed: mail servers may distinguish its case (almost none
    do, so addresses that differ in case only still count as one subscriber).
    """
    local, _at, domain = address.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def source_series(series: NewsletterSeriesPage) -> NewsletterSeriesPage:
    """The series in the default (source) locale that subscribers belong to; ``series``
    itself when it has no such translation."""
    default_locale = Locale.get_default()
    if series.locale_id == default_locale.pk:
        return series
    source = (
        NewsletterSeriesPage.objects.filter(
            translation_key=series.translation_key, locale_id=default_locale.pk
        )
        .select_related("locale")
        .first()
    )
    return source or series


def series_name(series: NewsletterSeriesPage, *, locale: Locale) -> str:
    """What mails call the series in ``locale``: its short name (CKnews), else its title
    (the live translation's, where there is one)."""
    translated = (
        NewsletterSeriesPage.objects.filter(
            translation_key=series.translation_key,
            locale_id=locale.pk,
            live=True,
            alias_of__isnull=True,
        )
        .only("title", "short_name")
        .first()
    )
    shown = translated or series
    return shown.short_name or shown.title


def find_subscriber(*, series: NewsletterSeriesPage, email: str, lock: bool = False):
    queryset = Subscriber.objects.alias(email_lower=Lower("email")).filter(
        series=series, email_lower=email.lower()
    )
    if lock:
        queryset = queryset.select_for_update()
    return queryset.first()


def request_subscription(*, series: NewsletterSeriesPage, email: str, locale: Locale) -> None:
    """Record a request to subscribe ``email`` to ``series`` and queue the mail that
    answers it (see the module doc). ``series`` is the source series; ``email`` is
    normalised."""
    for _attempt in range(2):
        try:
            subscriber = _record_request(series=series, email=email, locale=locale)
            break
        except IntegrityError:
            # The same address was asked for twice at the same moment; the second request
            # finds the first one's row.
            continue
    else:
        raise RuntimeError("Could not record the subscription request.")

    from hub.newsletter.tasks import send_subscription_mail

    transaction.on_commit(functools.partial(send_subscription_mail.enqueue, subscriber.pk))


def _record_request(*, series, email: str, locale: Locale) -> Subscriber:
    now = timezone.now()
    # Worked out for every address, so that all of them cost the same queries.
    consent = consent_text(
        language_code=locale.language_code, series_name=series_name(series, locale=locale)
    )
    with transaction.atomic():
        subscriber = find_subscriber(series=series, email=email, lock=True)
        if subscriber is None:
            return Subscriber.objects.create(
                series=series,
                email=email,
                locale=locale,
                requested_at=now,
                consent_text=consent,
                consent_version=CONSENT_VERSION,
            )
        if subscriber.status == SubscriberStatus.CONFIRMED:
            # An anonymous request must not change a confirmed subscription.
            fields = {"requested_at": now}
        else:
            fields = {
                "locale": locale,
                "requested_at": now,
                "consent_text": consent,
                "consent_version": CONSENT_VERSION,
            }
        Subscriber.objects.filter(pk=subscriber.pk).update(**fields)
        for name, value in fields.items():
            setattr(subscriber, name, value)
        return subscriber


def confirm(subscriber: Subscriber) -> None:
    """Start the subscription: the subscriber gave consent now. Confirming twice keeps the
    first consent time."""
    if subscriber.status == SubscriberStatus.CONFIRMED:
        return
    subscriber.status = SubscriberStatus.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])


def unsubscribe(subscriber: Subscriber) -> None:
    """End the subscription; mailings in progress skip the subscriber from now on."""
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return
    subscriber.status = SubscriberStatus.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])


def subscription_mail(subscriber: Subscriber):
    """The mail that answers a subscription request (see the module doc), ready to send."""
    name = series_name(subscriber.series, locale=subscriber.locale)
    language_code = subscriber.locale.language_code
    texts = texts_for(language_code, series=name, days=confirmation_max_age() // (24 * 60 * 60))
    unsubscribe = None
    if subscriber.status == SubscriberStatus.CONFIRMED:
        template = "newsletter/email/already_subscribed"
        subject = texts["already_subject"]
        unsubscribe = mail.unsubscribe_url(subscriber)
        context = {"unsubscribe_url": unsubscribe}
    else:
        template = "newsletter/email/confirmation"
        subject = texts["confirm_subject"]
        context = {"confirm_url": mail.confirmation_url(subscriber)}
    context |= {"t": texts, "language": mail_language(language_code), "subject": subject}
    return mail.build_message(
        to=subscriber.email,
        subject=subject,
        text=render_to_string(f"{template}.txt", context),
        html=render_to_string(f"{template}.html", context),
        message_id=mail.new_message_id(f"subscription-{subscriber.pk}"),
        unsubscribe=unsubscribe,
    )
