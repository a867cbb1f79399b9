"""Field validators and shared checks for the snippet models."""

from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import RegexValidator

LATITUDE_RANGE = (Decimal(-90), Decimal(90))
LONGITUDE_RANGE = (Decimal(-180), Decimal(180))

# Generous bounding box around Germany: catches swapped or mistyped coordinates
# without rejecting places right at the border.
GERMANY_LATITUDE = (Decimal("47.2"), Decimal("55.1"))
GERMANY_LONGITUDE = (Decimal("5.8"), Decimal("15.1"))


def _within(value, bounds) -> bool:
    low, high = bounds
    return low <= value <= high


def validate_latitude(value) -> None:
    if value is not None and not _within(value, LATITUDE_RANGE):
        raise ValidationError(
            "Latitude must be between -90 and 90 degrees, got %(value)s.",
            code="latitude_out_of_range",
            params={"value": value},
        )


def validate_longitude(value) -> None:
    if value is not None and not _within(value, LONGITUDE_RANGE):
        raise ValidationError(
            "Longitude must be between -180 and 180 degrees, got %(value)s.",
            code="longitude_out_of_range",
            params={"value": value},
        )


validate_country_code = RegexValidator(
    r"^[A-Z]{2}\Z",
    message="Enter a two-letter ISO 3166 country code in capitals, e.g. DE.",
    code="invalid_country_code",
)

validate_currency_code = RegexValidator(
    r"^[A-Z]{3}\Z",
    message="Enter a three-letter ISO 4217 currency code in capitals, e.g. EUR.",
    code="invalid_currency_code",
)


def germany_coordinate_errors(latitude, longitude) -> dict[str, str]:
    """Field errors for a coordinate pair that cannot lie in Germany.

    Values outside the valid ranges are left to the field validators, so each problem
    is reported once.
    """
    if latitude is None or longitude is None:
        return {}
    if not (_within(latitude, LATITUDE_RANGE) and _within(longitude, LONGITUDE_RANGE)):
        return {}
    if _within(latitude, GERMANY_LATITUDE) and _within(longitude, GERMANY_LONGITUDE):
        return {}
    if _within(longitude, GERMANY_LATITUDE) and _within(latitude, GERMANY_LONGITUDE):
        message = "Latitude and longitude look swapped: Goslar, for example, is 51.9 / 10.4."
        return {"latitude": message, "longitude": message}
    message = "These coordinates lie outside Germany."
    return {"latitude": message, "longitude": message}


def slug_taken_in_locale(instance) -> bool:
    """Whether another object of the instance's model uses its slug in the same locale.

    The unique constraint on (slug, locale) cannot be checked by the admin form because
    the locale is not one of its fields; this gives ``clean()`` a field-keyed error instead
    of a database error.
    """
    if not instance.slug:
        return False
    locale_id = instance.locale_id
    if locale_id is None:
        try:
            locale_id = instance.get_default_locale().pk
        except ObjectDoesNotExist:
            return False
    others = type(instance)._default_manager.filter(slug=instance.slug, locale_id=locale_id)
    if instance.pk is not None:
        others = others.exclude(pk=instance.pk)
    return others.exists()
