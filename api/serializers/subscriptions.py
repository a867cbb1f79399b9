"""The body and answer of a newsletter subscription request."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.params import LocaleField
from hub.newsletter.subscriptions import normalise_email

ACCEPTED_STATUS = "pending-confirmation"
ACCEPTED_DETAIL = (
    "If the address can receive the newsletter, a message is on its way to it. "
    "A subscription starts only when the link in that message is confirmed."
)


class StrictBooleanField(serializers.BooleanField):
    """A JSON ``true`` or ``false``; strings and numbers ("yes", 1) are refused."""

    default_error_messages = {"invalid": _("Must be true or false.")}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class SubscriptionSerializer(serializers.Serializer):
    """What a frontend posts to subscribe a reader::

        {"email": "anna.beispiel@example.org", "locale": "en", "consent": true}

    Fields other than these three are refused, so a misspelt field never goes unnoticed.
    """

    email = serializers.EmailField(
        max_length=254, help_text="The reader's address; the confirmation mail goes there."
    )
    locale = LocaleField(help_text="Language the reader wants the newsletter in, e.g. en.")
    consent = StrictBooleanField(
        help_text="The reader agreed to receive the newsletter: must be true. The hub "
        "records the consent text in the reader's language and the time of confirmation."
    )

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: [str(_("Unknown field."))] for name in unknown}
                )
        return super().to_internal_value(data)

    def validate_email(self, value: str) -> str:
        return normalise_email(value)

    def validate_consent(self, value: bool) -> bool:
        if value is not True:
            raise serializers.ValidationError(_("Consent is required to subscribe."))
        return value


class SubscriptionAcceptedSerializer(serializers.Serializer):
    """The answer to every valid subscription request, whatever the address's state::

    {"status": "pending-confirmation",
     "detail": "If the address can receive the newsletter, a message is on its way ..."}
    """

    status = serializers.ChoiceField(
        choices=[ACCEPTED_STATUS], help_text="Always pending-confirmation."
    )
    detail = serializers.CharField(help_text="What happens next, in plain words (English).")
