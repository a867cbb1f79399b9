"""Snippets with facts from the seed texts: members, people, topics, grants, quotes, sites."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from snippets.choices import OrganisationKind, Region, SiteOfferKind, TopicKind
from snippets.models import Funding, Membership, Organisation, Person, Quote, SiteOffer, Topic


def default_locale() -> Locale:
    return Locale.get_default()


def locale(language_code: str) -> Locale:
    """The Locale row of a content language ("de", "en"), which migrations create."""
    return Locale.objects.get(language_code=language_code)


class TranslatableFactory(DjangoModelFactory):
    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True


class TopicFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Kreislaufwirtschaft {n}")
    slug = factory.Sequence(lambda n: f"kreislaufwirtschaft-{n}")
    kind = TopicKind.TOPIC

    class Meta:
        model = Topic


class SectorFactory(TopicFactory):
    name = factory.Sequence(lambda n: f"Kunststoffverarbeitung {n}")
    slug = factory.Sequence(lambda n: f"kunststoffverarbeitung-{n}")
    kind = TopicKind.SECTOR


class OrganisationFactory(TranslatableFactory):
    """A live member company in Goslar; pass ``live=False`` for a draft."""

    name = factory.Sequence(lambda n: f"Harzer Chemiewerk {n}")
    slug = factory.Sequence(lambda n: f"harzer-chemiewerk-{n}")
    kind = OrganisationKind.COMPANY
    legal_form = "GmbH"
    summary = "Produziert Spezialchemikalien am Standort Goslar."
    street = "Im Schleeke 108"
    postal_code = "38642"
    city = "Goslar"
    region = Region.NIEDERSACHSEN
    latitude = Decimal("51.905000")
    longitude = Decimal("10.429000")

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)
            self.save()


class MembershipFactory(DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    role = "member"
    since = datetime.date(2016, 8, 1)

    class Meta:
        model = Membership


class PersonFactory(TranslatableFactory):
    honorific = "Dr."
    first_name = "Christoph"
    last_name = factory.Sequence(lambda n: f"Mühlhaus {n}")
    position = "Clustersprecher"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    phone = "+49 5321 000000"

    class Meta:
        model = Person

    class Params:
        consenting = factory.Trait(
            contact_consent=True,
            consent_given_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(1)),
        )


class FundingFactory(TranslatableFactory):
    title = factory.Sequence(lambda n: f"Innovationsforum Recycling Region Harz {n}")
    funder = "Bundesministerium für Bildung und Forschung"
    programme = "Innovationsforen Mittelstand"
    reference_number = "01MI2001"
    amount = Decimal("85000.00")
    start_date = datetime.date(2020, 9, 1)
    end_date = datetime.date(2021, 8, 31)

    class Meta:
        model = Funding


class QuoteFactory(TranslatableFactory):
    text = "Gemeinsam sind wir als Chemiestandort sichtbarer."
    author_name = "Dr. Christoph Mühlhaus"
    author_role = "Clustersprecher"

    class Meta:
        model = Quote


class SiteOfferFactory(TranslatableFactory):
    title = factory.Sequence(lambda n: f"Gewerbefläche Langelsheim {n}")
    kind = SiteOfferKind.PLOT
    area_m2 = 25_000
    city = "Langelsheim"
    region = Region.NIEDERSACHSEN
    latitude = Decimal("51.937000")
    longitude = Decimal("10.335000")

    class Meta:
        model = SiteOffer


def translated_copy(instance, language_code: str = "en", **changes):
    """A saved version of the snippet ``instance`` in another locale, with ``changes``.

    The row as a published translation leaves it in the database (same translation key,
    relations still pointing at the German snippets), without going through
    wagtail-localize: for tests of readers such as the API. Organisations come out live
    unless ``live=False`` is given.
    """
    translation = instance.copy_for_translation(locale(language_code))
    if isinstance(translation, Organisation):
        changes.setdefault("live", True)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    if isinstance(translation, Organisation) and instance.pk:
        translation.sectors.set(instance.sectors.all())
    return translation
