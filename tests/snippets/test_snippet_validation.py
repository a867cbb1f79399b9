"""Field and cross-field rules of the snippets, in ``full_clean()`` and in the database."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import (
    FundingFactory,
    OrganisationFactory,
    PersonFactory,
    QuoteFactory,
    SiteOfferFactory,
    TopicFactory,
    locale,
)
from tests.factories.validation import invalid_fields, rule_cases, validation_errors

pytestmark = pytest.mark.django_db

GOSLAR = {"latitude": Decimal("51.905"), "longitude": Decimal("10.429")}
PARIS = {"latitude": Decimal("48.857"), "longitude": Decimal("2.352")}
SWAPPED = {"latitude": Decimal("10.429"), "longitude": Decimal("51.905")}
START = datetime.date(2020, 9, 1)
ONE_DAY = datetime.timedelta(days=1)
NEXT_YEAR = datetime.date.today().year + 1


def an_hour_from_now() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=1)


SNIPPET_RULES = {
    OrganisationFactory: {
        "in-goslar": (GOSLAR, set()),
        "without-coordinates": ({"latitude": None, "longitude": None}, set()),
        "latitude-only": ({"latitude": Decimal("51.9"), "longitude": None}, {"longitude"}),
        "longitude-only": ({"latitude": None, "longitude": Decimal("10.4")}, {"latitude"}),
        "latitude-out-of-range": (
            {"latitude": Decimal("91"), "longitude": Decimal("10")},
            {"latitude"},
        ),
        "longitude-out-of-range": (
            {"latitude": Decimal("51"), "longitude": Decimal("-181")},
            {"longitude"},
        ),
        "in-paris": (PARIS, {"latitude", "longitude"}),
        "coordinates-swapped": (SWAPPED, {"latitude", "longitude"}),
        "in-paris-france": ({**PARIS, "country": "FR"}, set()),
        "country-in-lower-case": ({"country": "de"}, {"country"}),
        "founded-next-year": ({"founded_year": NEXT_YEAR}, {"founded_year"}),
    },
    SiteOfferFactory: {
        "in-goslar": (GOSLAR, set()),
        "in-paris": (PARIS, {"latitude", "longitude"}),
        "latitude-out-of-range": ({"latitude": Decimal("-91")}, {"latitude"}),
        "without-latitude": ({"latitude": None}, {"latitude"}),
        "plot-with-plot-area": ({"kind": "plot", "plot_area_m2": 4000}, {"plot_area_m2"}),
        "hall-with-plot-area": ({"kind": "hall", "plot_area_m2": 4000}, set()),
    },
    FundingFactory: {
        "ends-before-start": ({"start_date": START, "end_date": START - ONE_DAY}, {"end_date"}),
        "of-one-day": ({"start_date": START, "end_date": START}, set()),
        "open-ended": ({"start_date": START, "end_date": None}, set()),
        "negative-amount": ({"amount": Decimal("-0.01")}, {"amount"}),
        "negative-own-contribution": ({"own_contribution": Decimal("-5")}, {"own_contribution"}),
        "zero-amounts": ({"amount": Decimal("0"), "own_contribution": Decimal("0")}, set()),
        "currency-in-lower-case": ({"currency": "eur"}, {"currency"}),
    },
    PersonFactory: {
        "consent-without-date": (
            {"contact_consent": True, "consent_given_at": None},
            {"consent_given_at"},
        ),
        "no-consent": ({"contact_consent": False, "consent_given_at": None}, set()),
        "consent-in-the-future": (
            {"contact_consent": True, "consent_given_at": an_hour_from_now()},
            {"consent_given_at"},
        ),
    },
    QuoteFactory: {
        "without-author": ({"person": None, "author_name": ""}, {"author_name"}),
        "with-blank-author": ({"person": None, "author_name": "   "}, {"author_name"}),
        "with-author-name": ({"person": None, "author_name": "Dr. Christoph Mühlhaus"}, set()),
    },
}


@pytest.mark.parametrize(
    ("instance_factory", "changes", "expected"),
    rule_cases(SNIPPET_RULES, make=lambda snippet_factory: snippet_factory.build),
)
def test_snippet_clean_rules(instance_factory, changes, expected):
    assert invalid_fields(instance_factory, **changes) == expected


def test_coordinates_that_look_swapped_say_so():
    errors = validation_errors(OrganisationFactory.build(**SWAPPED))

    assert "swapped" in errors["latitude"][0]


def test_person_consent_with_a_date_is_valid_and_publishes_contact_details():
    person = PersonFactory.build(consenting=True, email="c.m@example.org")
    withheld = PersonFactory.build(email="c.m@example.org")

    assert validation_errors(person) == {}
    assert person.public_email == "c.m@example.org"
    assert withheld.public_email == withheld.public_phone == ""


def test_quote_from_a_known_person_needs_no_author_name():
    quote = QuoteFactory.build(person=PersonFactory(), author_name="")

    assert validation_errors(quote) == {}
    assert quote.attribution == quote.person.full_name


@pytest.mark.parametrize("snippet_factory", [TopicFactory, OrganisationFactory])
class TestSlugPerLocale:
    def test_a_slug_is_unique_within_a_locale(self, snippet_factory):
        snippet_factory(slug="kunststoffe")

        errors = validation_errors(snippet_factory.build(slug="kunststoffe"))

        assert set(errors) == {"slug"}

    def test_the_same_slug_is_allowed_in_another_locale(self, snippet_factory):
        snippet_factory(slug="kunststoffe")

        english = snippet_factory.build(slug="kunststoffe", locale=locale("en"))

        assert validation_errors(english) == {}

    def test_an_object_keeps_its_own_slug_when_edited(self, snippet_factory):
        existing = snippet_factory(slug="kunststoffe")

        assert validation_errors(existing) == {}

    def test_the_database_refuses_a_second_slug_in_a_locale(self, snippet_factory):
        snippet_factory(slug="kunststoffe")

        with pytest.raises(IntegrityError), transaction.atomic():
            snippet_factory(slug="kunststoffe")


@pytest.mark.parametrize(
    ("snippet_factory", "values"),
    [
        pytest.param(
            FundingFactory, {"start_date": START, "end_date": START - ONE_DAY}, id="funding-period"
        ),
        pytest.param(FundingFactory, {"amount": Decimal("-1")}, id="funding-amount"),
        pytest.param(
            FundingFactory, {"own_contribution": Decimal("-1")}, id="funding-own-contribution"
        ),
        pytest.param(
            OrganisationFactory,
            {"latitude": Decimal("51.9"), "longitude": None},
            id="organisation-coordinates",
        ),
    ],
)
def test_the_database_refuses_what_clean_refuses(snippet_factory, values):
    with pytest.raises(IntegrityError), transaction.atomic():
        snippet_factory(**values)
