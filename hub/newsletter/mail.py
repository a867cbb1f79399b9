"""What every newsletter mail shares: sender, Message-ID, the hub's links and the
unsubscribe headers of RFC 2369 and RFC 8058 (one-click)."""

from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from hub.newsletter.models import Subscriber
from hub.newsletter.tokens import TEST_SEND_TOKEN, Purpose, make_token


def from_address() -> str:
    return getattr(settings, "NEWSLETTER_FROM_EMAIL", "") or settings.DEFAULT_FROM_EMAIL


def new_message_id(idstring: str) -> str:
    """A unique Message-ID in the sender's domain, e.g. ``<…delivery-12…@cluster.example>``."""
    domain = parseaddr(from_address())[1].rpartition("@")[2] or "localhost"
    return make_msgid(idstring=idstring, domain=domain)


def hub_url(path: str) -> str:
    """``path`` on the hub's public address (the mails' links to hub-hosted pages)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirmation_url(subscriber: Subscriber) -> str:
    token = make_token(subscriber, Purpose.CONFIRM)
    return hub_url(reverse("newsletter:confirm", args=[token]))


def unsubscribe_url(subscriber: Subscriber | None) -> str:
    """The subscriber's unsubscribe link; a harmless one for test sends (None)."""
    token = TEST_SEND_TOKEN if subscriber is None else make_token(subscriber, Purpose.UNSUBSCRIBE)
    return hub_url(reverse("newsletter:unsubscribe", args=[token]))


def build_message(
    *,
    to: str,
    subject: str,
    text: str,
    html: str,
    message_id: str,
    unsubscribe: str | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    """A plain-text mail with an HTML alternative; with ``unsubscribe`` (a URL) it carries
    List-Unsubscribe and List-Unsubscribe-Post, so mail programs offer one-click removal."""
    headers = {"Message-ID": message_id}
    if unsubscribe:
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=from_address(),
        to=[to],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message
