"""The signed links of the newsletter's mails: confirm a subscription, unsubscribe.

A token is ``django.core.signing`` output over the subscriber's id and a keyed digest of
their email address, with a salt per purpose: a confirmation token cannot unsubscribe and
the other way round, and a token stops working when the subscriber's address changes. The
address itself is not in the token (it would show up in server logs as plain text), and
nothing secret is stored: the key is Django's SECRET_KEY (with SECRET_KEY_FALLBACKS
honoured when it is rotated).

Confirmation tokens expire after ``NEWSLETTER_CONFIRMATION_MAX_AGE`` seconds (7 days);
unsubscribe tokens do not expire, since an issue from last year must still unsubscribe.
"""

from enum import Enum

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from hub.newsletter.models import Subscriber

DEFAULT_CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60
# What test sends put where a subscriber's unsubscribe token would be.
TEST_SEND_TOKEN = "test"


class Purpose(Enum):
    CONFIRM = "hub.newsletter.confirm"
    UNSUBSCRIBE = "hub.newsletter.unsubscribe"


class InvalidToken(Exception):
    """A token that is malformed, tampered with, expired or no longer matches."""


def confirmation_max_age() -> int:
    return getattr(settings, "NEWSLETTER_CONFIRMATION_MAX_AGE", DEFAULT_CONFIRMATION_MAX_AGE)


def _email_digest(email: str) -> str:
    return salted_hmac("hub.newsletter.token-email", email.lower()).hexdigest()[:20]


def make_token(subscriber: Subscriber, purpose: Purpose) -> str:
    return signing.dumps([subscriber.pk, _email_digest(subscriber.email)], salt=purpose.value)


def subscriber_for_token(token: str, purpose: Purpose) -> Subscriber:
    """The subscriber ``token`` was made for; InvalidToken when it does not hold."""
    max_age = confirmation_max_age() if purpose is Purpose.CONFIRM else None
    try:
        subscriber_id, digest = signing.loads(token, salt=purpose.value, max_age=max_age)
    except (signing.BadSignature, TypeError, ValueError) as error:
        # SignatureExpired is a BadSignature; TypeError/ValueError: a payload of another shape.
        raise InvalidToken(str(error)) from None
    subscriber = (
        Subscriber.objects.select_related("series", "locale").filter(pk=subscriber_id).first()
        if isinstance(subscriber_id, int)
        else None
    )
    if subscriber is None or not constant_time_compare(
        str(digest), _email_digest(subscriber.email)
    ):
        raise InvalidToken("The token matches no subscriber.")
    return subscriber
