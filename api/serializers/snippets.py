"""Snippets as the API shows them: organisations, people, topics, quotes, fundings.

The serializers take the snippet in the locale of the response (callers map German
originals with ``api.selectors.localized.localized_objects``). What a snippet refers to —
a person's organisation, a quote's author, a funding's recipient, an organisation's
sectors — is stored as the German original (docs/translation.md); these serializers map it
to ``context["locale"]`` themselves, falling back to German, and drop unpublished
organisations. With ``many=True`` that mapping costs one query per related model for the
whole list, not one per item.

Contact details of people are published only with their consent: ``email`` and ``phone``
are null otherwise.
"""

from django.db.models import prefetch_related_objects
from drf_spectacular.drainage import set_override
from rest_framework import serializers

from api.selectors.localized import localized_by_pk
from api.serializers.images import ImageSerializer, rendition_prefetch
from api.serializers.pages.registry import page_type_name
from api.serializers.rich_text import RichTextField, render_rich_text
from snippets.choices import (
    EmployeeBand,
    MembershipRole,
    OrganisationKind,
    Region,
    SiteOfferKind,
    TopicKind,
)
from snippets.models import Organisation, Person, SiteOffer, Topic


def response_locale(serializer: serializers.Serializer, obj):
    """The Locale a serializer renders for: the context's, else the object's own."""
    return serializer.context.get("locale") or obj.locale


def blank_to_none(value: str | None) -> str | None:
    return value or None


def image_or_none(image, context: dict) -> dict | None:
    return ImageSerializer(image, context=context).data if image is not None else None


class NamedChoiceField(serializers.ChoiceField):
    """A choice field whose values form a named enum in the schema (``OrganisationKind``).

    Several snippets have a ``kind`` with their own values; left to drf-spectacular, the
    enums would get made-up names such as ``Kind59cEnum``.
    """

    def __init__(self, *, choices, component_name: str, **kwargs):
        super().__init__(choices=choices, **kwargs)
        set_override(self, "field", {"type": "string", "enum": list(self.choices)})
        set_override(self, "field_component_name", component_name)


class LocalizingListSerializer(serializers.ListSerializer):
    """A list whose items' snippet relations are mapped to the response's locale in bulk.

    The child names the relations in ``localized_relations`` (attribute names of foreign
    keys to translatable snippets); before rendering, their targets are looked up for all
    items at once and handed to the child as ``prefetched_translations``.
    """

    def to_representation(self, data):
        items = list(data.all() if hasattr(data, "all") else data)
        relation_names = self.child.localized_relations
        previous = self.child.prefetched_translations
        if items and relation_names:
            related = [getattr(item, name) for item in items for name in relation_names]
            locale = self.context.get("locale") or items[0].locale
            self.child.prefetched_translations = {
                **(previous or {}),
                **localized_by_pk(related, locale=locale),
            }
        try:
            return [self.child.to_representation(item) for item in items]
        finally:
            self.child.prefetched_translations = previous


class LocalizingSerializer(serializers.Serializer):
    """Base of serializers whose object refers to German snippets (see the module doc).

    ``prefetched_translations`` may hold ``{(model, pk of the original): translation or
    None}`` from a caller that mapped many snippets at once (a list, a page's blocks);
    relations it does not cover are looked up one by one.
    """

    localized_relations: tuple[str, ...] = ()
    prefetched_translations: dict | None = None

    class Meta:
        list_serializer_class = LocalizingListSerializer

    def localized_relation(self, obj, name: str):
        """``obj.<name>`` in the response's locale, or None when unset or unpublished."""
        if getattr(obj, f"{name}_id") is None:
            return None
        related = getattr(obj, name)
        key = (type(related), related.pk)
        if self.prefetched_translations is not None and key in self.prefetched_translations:
            return self.prefetched_translations[key]
        return localized_by_pk([related], locale=response_locale(self, obj)).get(key)

    def nested(self, serializer_class: type["LocalizingSerializer"], obj) -> dict:
        """``obj`` rendered by ``serializer_class`` with this serializer's mappings."""
        serializer = serializer_class(context=self.context)
        serializer.prefetched_translations = self.prefetched_translations
        return serializer.to_representation(obj)


class OrganisationReferenceSerializer(serializers.Serializer):
    """An organisation named from elsewhere (a person's employer, a grant's recipient).

    ::

        {"id": 3, "name": "ChemieNetzwerk Harz", "slug": "chemienetzwerk-harz"}
    """

    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField(help_text="Identifier within the locale.")


def organisation_reference(organisation: Organisation | None) -> dict | None:
    if organisation is None:
        return None
    return {"id": organisation.pk, "name": organisation.name, "slug": organisation.slug}


class TopicListSerializer(serializers.ListSerializer):
    """Topics mapped to the response's locale (German where untranslated), in one query."""

    def to_representation(self, data):
        items = list(data.all() if hasattr(data, "all") else data)
        locale = self.context.get("locale")
        if locale is not None:
            translations = localized_by_pk(items, locale=locale)
            items = [translations.get((type(topic), topic.pk), topic) for topic in items]
        return [self.child.to_representation(topic) for topic in items]


class TopicSerializer(serializers.Serializer):
    """A sector (Branche) or topic, in the response's locale.

    ::

        {"id": 5, "name": "Kunststoffverarbeitung", "slug": "kunststoffverarbeitung",
         "kind": "sector"}

    With ``many=True`` it maps German originals (what pages and organisations refer to) to
    the response's locale in one query.
    """

    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField(help_text="The filter value, e.g. for ``sector=``.")
    kind = NamedChoiceField(choices=TopicKind.choices, component_name="TopicKind")

    class Meta:
        list_serializer_class = TopicListSerializer

    def to_representation(self, topic: Topic):
        return {"id": topic.pk, "name": topic.name, "slug": topic.slug, "kind": topic.kind}


class CoordinatesSerializer(serializers.Serializer):
    """A WGS 84 position in decimal degrees: ``{"latitude": 51.905, "longitude": 10.429}``."""

    latitude = serializers.FloatField()
    longitude = serializers.FloatField()


def coordinates(obj) -> dict | None:
    if obj.latitude is None or obj.longitude is None:
        return None
    return {"latitude": float(obj.latitude), "longitude": float(obj.longitude)}


class OrganisationSummarySerializer(serializers.Serializer):
    """An organisation in lists, teasers and on the Clusteratlas map.

    ::

        {"id": 3, "name": "Harzer Chemiewerk", "slug": "harzer-chemiewerk", "kind": "company",
         "city": "Goslar", "region": "niedersachsen", "summary": "Produziert ...",
         "website": "https://www.harzer-chemiewerk.example", "logo": null,
         "coordinates": {"latitude": 51.905, "longitude": 10.429}}

    Takes the organisation in the response's locale; it must be live.
    """

    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField(help_text="Identifier within the locale.")
    kind = NamedChoiceField(choices=OrganisationKind.choices, component_name="OrganisationKind")
    city = serializers.CharField()
    region = serializers.ChoiceField(choices=Region.choices, allow_null=True)
    summary = serializers.CharField(help_text="One or two sentences; may be empty.")
    website = serializers.URLField(allow_null=True)
    logo = ImageSerializer(allow_null=True)
    coordinates = CoordinatesSerializer(allow_null=True, help_text="Null when unknown.")

    def to_representation(self, organisation: Organisation):
        return {
            "id": organisation.pk,
            "name": organisation.name,
            "slug": organisation.slug,
            "kind": organisation.kind,
            "city": organisation.city,
            "region": blank_to_none(organisation.region),
            "summary": organisation.summary,
            "website": blank_to_none(organisation.website),
            "logo": image_or_none(organisation.logo, self.context),
            "coordinates": coordinates(organisation),
        }


class PersonSerializer(LocalizingSerializer):
    """A contact person, speaker or author.

    ::

        {"id": 8, "honorific": "Dr.", "first_name": "Christoph", "last_name": "Mühlhaus",
         "full_name": "Dr. Christoph Mühlhaus", "position": "Clustersprecher",
         "organisation": {"id": 3, "name": "ChemieNetzwerk Harz", "slug": "chemienetzwerk-harz"},
         "photo": null, "email": null, "phone": null}

    ``email`` and ``phone`` are given only when the person consented to publishing them.
    Takes the person in the response's locale; the organisation is mapped to it.
    """

    localized_relations = ("organisation",)

    id = serializers.IntegerField()
    honorific = serializers.CharField(help_text="Academic title, e.g. Dr.; may be empty.")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    full_name = serializers.CharField(help_text="Honorific, first and last name.")
    position = serializers.CharField(help_text="Job title; may be empty.")
    organisation = OrganisationReferenceSerializer(allow_null=True)
    photo = ImageSerializer(allow_null=True)
    email = serializers.EmailField(
        allow_null=True, help_text="Only with the person's consent, else null."
    )
    phone = serializers.CharField(
        allow_null=True, help_text="Only with the person's consent, else null."
    )

    def to_representation(self, person: Person):
        return {
            "id": person.pk,
            "honorific": person.honorific,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "full_name": person.full_name,
            "position": person.position,
            "organisation": organisation_reference(self.localized_relation(person, "organisation")),
            "photo": image_or_none(person.photo, self.context),
            # Person.public_* hold the consent rule; blank stays null either way.
            "email": blank_to_none(person.public_email),
            "phone": blank_to_none(person.public_phone),
        }


class PersonDetailSerializer(PersonSerializer):
    """A person's entry in the people directory: the compact fields and the biography.

    ::

        {...PersonSerializer..., "locale": "de", "biography": "<p>Studierte Chemie ...</p>"}
    """

    locale = serializers.CharField(help_text="Language code of this version.")
    biography = RichTextField(help_text="HTML; may be empty.")

    def to_representation(self, person: Person):
        return {
            **super().to_representation(person),
            "locale": person.locale.language_code,
            "biography": self.fields["biography"].to_representation(person.biography),
        }


class QuoteSerializer(LocalizingSerializer):
    """A member's testimonial.

    ::

        {"id": 2, "text": "Gemeinsam sind wir als Chemiestandort sichtbarer.",
         "attribution": "Dr. Christoph Mühlhaus", "author_role": "Clustersprecher",
         "person": {...Person...}, "organisation": {"id": 3, "name": "...", "slug": "..."}}

    Takes the quote in the response's locale; its person (with the person's organisation)
    and its organisation are mapped to it.
    """

    localized_relations = ("person", "organisation")

    id = serializers.IntegerField()
    text = serializers.CharField()
    attribution = serializers.CharField(help_text="The author's name; may be empty.")
    author_role = serializers.CharField(help_text="May be empty.")
    person = PersonSerializer(allow_null=True)
    organisation = OrganisationReferenceSerializer(allow_null=True)

    def to_representation(self, quote):
        person = self.localized_relation(quote, "person")
        organisation = self.localized_relation(quote, "organisation")
        return {
            "id": quote.pk,
            "text": quote.text,
            "attribution": quote.author_name or (person.full_name if person else ""),
            "author_role": quote.author_role,
            "person": self.nested(PersonSerializer, person) if person else None,
            "organisation": organisation_reference(organisation),
        }


class FundingSerializer(LocalizingSerializer):
    """A grant: who funds what, from which programme, for how much and how long.

    ::

        {"id": 4, "title": "Innovationsforum Recycling Region Harz",
         "funder": "Bundesministerium für Bildung und Forschung", "fund": "",
         "programme": "Innovationsforen Mittelstand", "reference_number": "01MI2001",
         "amount": "85000.00", "own_contribution": null, "total": "85000.00",
         "currency": "EUR", "start_date": "2020-09-01", "end_date": "2021-08-31",
         "recipient": {"id": 3, "name": "ChemieNetzwerk Harz", "slug": "chemienetzwerk-harz"},
         "description": ""}

    Amounts are decimal strings (exact), in ``currency`` (ISO 4217). Takes the funding in
    the response's locale; the recipient is mapped to it.
    """

    localized_relations = ("recipient",)

    id = serializers.IntegerField()
    title = serializers.CharField()
    funder = serializers.CharField()
    fund = serializers.CharField(help_text="May be empty.")
    programme = serializers.CharField(help_text="May be empty.")
    reference_number = serializers.CharField(help_text="May be empty.")
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    own_contribution = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    total = serializers.DecimalField(
        max_digits=13,
        decimal_places=2,
        allow_null=True,
        help_text="Amount plus own contribution; null when neither is known.",
    )
    currency = serializers.CharField(help_text="ISO 4217 code, e.g. EUR.")
    start_date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)
    recipient = OrganisationReferenceSerializer(allow_null=True)
    description = serializers.CharField(help_text="Plain text; may be empty.")

    def to_representation(self, funding):
        decimal = self.fields["amount"]
        return {
            "id": funding.pk,
            "title": funding.title,
            "funder": funding.funder,
            "fund": funding.fund,
            "programme": funding.programme,
            "reference_number": funding.reference_number,
            "amount": decimal.to_representation(funding.amount)
            if funding.amount is not None
            else None,
            "own_contribution": decimal.to_representation(funding.own_contribution)
            if funding.own_contribution is not None
            else None,
            "total": decimal.to_representation(funding.total)
            if funding.total is not None
            else None,
            "currency": funding.currency,
            "start_date": funding.start_date.isoformat(),
            "end_date": funding.end_date.isoformat() if funding.end_date else None,
            "recipient": organisation_reference(self.localized_relation(funding, "recipient")),
            "description": funding.description,
        }


class GroupReferenceSerializer(serializers.Serializer):
    """A network, cluster or project page that organisations belong to.

    ::

        {"id": 7, "type": "network", "title": "Das Netzwerk", "path": "/das-netzwerk/"}
    """

    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=["network", "cluster", "project"])
    title = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path with locale prefix.")


class MembershipSerializer(serializers.Serializer):
    """An organisation's place in a network, cluster or project.

    ::

        {"group": {"id": 7, "type": "network", "title": "Das Netzwerk",
                   "path": "/das-netzwerk/"},
         "role": "founding_member", "since": "2016-08-01"}

    Built by the organisation view from a membership, its group page in the response's
    locale and that page's path: ``{"membership": Membership, "group": Page, "path": str}``.
    """

    group = GroupReferenceSerializer()
    role = serializers.ChoiceField(choices=MembershipRole.choices)
    since = serializers.DateField(allow_null=True)

    def to_representation(self, item):
        membership, group = item["membership"], item["group"]
        return {
            "group": {
                "id": group.pk,
                "type": page_type_name(group.specific_class),
                "title": group.title,
                "path": item["path"],
            },
            "role": membership.role,
            "since": membership.since.isoformat() if membership.since else None,
        }


class OrganisationAddressSerializer(serializers.Serializer):
    """Where an organisation is based.

    ::

        {"street": "Im Schleeke 108", "postal_code": "38642", "city": "Goslar",
         "region": "niedersachsen", "country": "DE"}
    """

    street = serializers.CharField(help_text="Street and number; may be empty.")
    postal_code = serializers.CharField(help_text="May be empty.")
    city = serializers.CharField(help_text="May be empty.")
    region = serializers.ChoiceField(choices=Region.choices, allow_null=True)
    country = serializers.CharField(help_text="ISO 3166 alpha-2 code, e.g. DE.")


class OrganisationContactSerializer(serializers.Serializer):
    """An organisation's general contact (an office address, never a person's).

    ::

        {"email": "info@chemienetzwerk-harz.example", "phone": "+49 5321 000000"}
    """

    email = serializers.EmailField(allow_null=True)
    phone = serializers.CharField(allow_null=True)


class OrganisationSerializer(OrganisationSummarySerializer):
    """An organisation's full profile in the Clusteratlas.

    ::

        {...OrganisationSummary..., "locale": "de", "legal_form": "GmbH",
         "legal_name": "Harzer Chemiewerk GmbH", "description": "<p>...</p>",
         "address": {"street": "Im Schleeke 108", "postal_code": "38642", "city": "Goslar",
                     "region": "niedersachsen", "country": "DE"},
         "sectors": [{"id": 5, "name": "Kunststoffverarbeitung", ...}],
         "memberships": [{"group": {...}, "role": "member", "since": "2016-08-01"}],
         "employee_band": "50-249", "founded_year": 1998,
         "contact": {"email": "info@harzer-chemiewerk.example", "phone": "+49 5321 000000"}}

    The view passes the memberships with their group pages in the response's locale as
    ``context["memberships"]`` (see MembershipSerializer).
    """

    locale = serializers.CharField(help_text="Language code of this version.")
    legal_form = serializers.CharField(help_text="e.g. GmbH; may be empty.")
    legal_name = serializers.CharField(help_text="Name with legal form.")
    description = RichTextField(help_text="HTML; may be empty.")
    address = OrganisationAddressSerializer()
    sectors = TopicSerializer(many=True)
    memberships = MembershipSerializer(many=True)
    employee_band = serializers.ChoiceField(choices=EmployeeBand.choices, allow_null=True)
    founded_year = serializers.IntegerField(allow_null=True)
    contact = OrganisationContactSerializer()

    def to_representation(self, organisation: Organisation):
        return {
            **super().to_representation(organisation),
            "locale": organisation.locale.language_code,
            "legal_form": organisation.legal_form,
            "legal_name": organisation.legal_name,
            "description": self.fields["description"].to_representation(organisation.description),
            "address": {
                "street": organisation.street,
                "postal_code": organisation.postal_code,
                "city": organisation.city,
                "region": blank_to_none(organisation.region),
                "country": organisation.country,
            },
            "sectors": self.fields["sectors"].to_representation(organisation.sectors.all()),
            "memberships": self.fields["memberships"].to_representation(
                self.context.get("memberships", [])
            ),
            "employee_band": blank_to_none(organisation.employee_band),
            "founded_year": organisation.founded_year,
            "contact": {
                "email": blank_to_none(organisation.email),
                "phone": blank_to_none(organisation.phone),
            },
        }


class PointSerializer(serializers.Serializer):
    """A GeoJSON Point geometry (RFC 7946), longitude first:
    ``{"type": "Point", "coordinates": [10.335, 51.937]}``."""

    type = serializers.ChoiceField(choices=["Point"])
    coordinates = serializers.ListField(
        child=serializers.FloatField(),
        min_length=2,
        max_length=2,
        help_text="Longitude, then latitude (WGS 84), as RFC 7946 prescribes.",
    )


class SiteOfferAddressSerializer(serializers.Serializer):
    """Where a plot or hall is.

    ::

        {"street": "Industriestraße 1", "postal_code": "38685", "city": "Langelsheim",
         "region": "niedersachsen"}
    """

    street = serializers.CharField(help_text="Street and number; may be empty.")
    postal_code = serializers.CharField(help_text="May be empty.")
    city = serializers.CharField()
    region = serializers.ChoiceField(choices=Region.choices)


class SiteOfferPropertiesSerializer(serializers.Serializer):
    """What a map pop-up shows about a plot or hall on offer.

    ::

        {"locale": "de", "title": "Gewerbefläche Langelsheim", "kind": "plot",
         "description": "<p>Erschlossen, mit Gleisanschluss.</p>", "area_m2": 25000,
         "plot_area_m2": null, "address": {...}, "available_from": "2025-01-01",
         "price_note": "25 €/m²", "contact": {...Person...}, "image": null,
         "reference_url": "https://flaechen.example/langelsheim"}
    """

    locale = serializers.CharField(help_text="Language code of this version.")
    title = serializers.CharField()
    kind = NamedChoiceField(choices=SiteOfferKind.choices, component_name="SiteOfferKind")
    description = RichTextField(help_text="HTML; may be empty.")
    area_m2 = serializers.IntegerField(help_text="Plot area (plots) or floor area (halls).")
    plot_area_m2 = serializers.IntegerField(
        allow_null=True, help_text="For halls: the plot the hall stands on."
    )
    address = SiteOfferAddressSerializer()
    available_from = serializers.DateField(allow_null=True)
    price_note = serializers.CharField(help_text="e.g. 25 €/m², negotiable; may be empty.")
    contact = PersonSerializer(allow_null=True)
    image = ImageSerializer(allow_null=True)
    reference_url = serializers.URLField(
        allow_null=True, help_text="The offer on the owner's or agency's website."
    )


class SiteOfferFeatureSerializer(LocalizingSerializer):
    """A site offer as a GeoJSON Feature; ``id`` is the offer's id.

    ::

        {"type": "Feature", "id": 3,
         "geometry": {"type": "Point", "coordinates": [10.335, 51.937]},
         "properties": {...SiteOfferProperties...}}
    """

    localized_relations = ("contact",)

    type = serializers.ChoiceField(choices=["Feature"])
    id = serializers.IntegerField()
    geometry = PointSerializer()
    properties = SiteOfferPropertiesSerializer()

    def to_representation(self, offer: SiteOffer):
        contact = self.localized_relation(offer, "contact")
        return {
            "type": "Feature",
            "id": offer.pk,
            "geometry": {
                "type": "Point",
                # RFC 7946 puts longitude first, unlike most address books.
                "coordinates": [float(offer.longitude), float(offer.latitude)],
            },
            "properties": {
                "locale": offer.locale.language_code,
                "title": offer.title,
                "kind": offer.kind,
                "description": render_rich_text(offer.description, context=self.context),
                "area_m2": offer.area_m2,
                "plot_area_m2": offer.plot_area_m2,
                "address": {
                    "street": offer.street,
                    "postal_code": offer.postal_code,
                    "city": offer.city,
                    "region": offer.region,
                },
                "available_from": offer.available_from.isoformat()
                if offer.available_from
                else None,
                "price_note": offer.price_note,
                "contact": self.nested(PersonSerializer, contact) if contact else None,
                "image": image_or_none(offer.image, self.context),
                "reference_url": blank_to_none(offer.reference_url),
            },
        }


class SiteOfferFeatureCollectionSerializer(serializers.Serializer):
    """Site offers as a GeoJSON FeatureCollection for map libraries.

    ::

        {"type": "FeatureCollection",
         "features": [{"type": "Feature", "id": 3,
                       "geometry": {"type": "Point", "coordinates": [10.335, 51.937]},
                       "properties": {"locale": "de", "title": "Gewerbefläche Langelsheim",
                                      "kind": "plot", "area_m2": 25000, ...}}]}

    Takes the offers in the response's locale (``context["locale"]``); their contacts and
    the contacts' organisations (German originals) are mapped to it for the whole
    collection at once, so the number of queries does not grow with the offers.
    """

    type = serializers.ChoiceField(choices=["FeatureCollection"])
    features = SiteOfferFeatureSerializer(many=True)

    def to_representation(self, offers):
        offers = list(offers)
        locale = self.context["locale"]
        translations = localized_by_pk([offer.contact for offer in offers], locale=locale)
        contacts = [person for person in translations.values() if person is not None]
        # Translations come from a fresh query: fetch what a contact shows in bulk too.
        prefetch_related_objects(
            contacts, "organisation", "photo", rendition_prefetch("photo__renditions")
        )
        translations.update(
            localized_by_pk([person.organisation for person in contacts], locale=locale)
        )
        feature_serializer = SiteOfferFeatureSerializer(context=self.context)
        feature_serializer.prefetched_translations = translations
        return {
            "type": "FeatureCollection",
            "features": [feature_serializer.to_representation(offer) for offer in offers],
        }
