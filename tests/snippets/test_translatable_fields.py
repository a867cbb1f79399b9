"""Every snippet field has a deliberate translation choice, and wagtail-localize follows it."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import copy_synchronised_fields

from snippets.models import Funding, Organisation, Person, Topic
from tests.factories import MembershipFactory, NetworkPageFactory, OrganisationFactory, locale
from tests.pages.test_translatable_fields import (
    decision,
    declared_fields,
    undecided_fields_message,
)

SNIPPET_MODELS = list(apps.get_app_config("snippets").get_models())
TRANSLATABLE_SNIPPET_MODELS = [
    model for model in SNIPPET_MODELS if issubclass(model, TranslatableMixin)
]


@pytest.mark.parametrize("model", TRANSLATABLE_SNIPPET_MODELS, ids=lambda model: model.__name__)
def test_every_field_has_a_translation_decision(model):
    assert undecided_fields_message(model) == ""


@pytest.mark.parametrize("model", TRANSLATABLE_SNIPPET_MODELS, ids=lambda model: model.__name__)
def test_declarations_name_real_fields_once(model):
    declared = declared_fields(model)

    for name in declared:
        model._meta.get_field(name)  # raises FieldDoesNotExist for a misspelt name
    assert len(declared) == len(set(declared)), f"{model.__name__} declares a field twice"


def test_snippets_that_are_not_translatable_travel_with_a_translatable_parent():
    """A snippet model outside TranslatableMixin would never reach a translator, unless it is
    an inline child whose relation its translatable parent declares."""
    declared_children = {
        child_relation.related_model
        for model in TRANSLATABLE_SNIPPET_MODELS
        for child_relation in get_all_child_relations(model)
        if child_relation.name in declared_fields(model)
    }

    untranslatable = {model for model in SNIPPET_MODELS if model not in TRANSLATABLE_SNIPPET_MODELS}

    assert untranslatable
    assert untranslatable <= declared_children


@pytest.mark.parametrize(
    ("model", "name", "expected"),
    [
        (Organisation, "summary", "translated"),
        (Organisation, "description", "translated"),
        (Organisation, "name", "overridable"),
        (Organisation, "website", "overridable"),
        (Organisation, "postal_code", "synchronised"),
        (Organisation, "latitude", "synchronised"),
        (Organisation, "logo", "synchronised"),
        (Organisation, "sectors", "synchronised"),
        (Organisation, "memberships", "synchronised"),
        (Organisation, "go_live_at", "per locale"),
        (Person, "position", "translated"),
        (Person, "last_name", "synchronised"),
        (Person, "email", "synchronised"),
        (Funding, "programme", "translated"),
        (Funding, "funder", "translated"),
        (Funding, "reference_number", "synchronised"),
        (Funding, "amount", "synchronised"),
        (Funding, "currency", "synchronised"),
        (Funding, "start_date", "synchronised"),
        (Topic, "name", "translated"),
        (Topic, "slug", "overridable"),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else str(value),
)
def test_spot_checks(model, name, expected):
    assert decision(model, name) == expected


@pytest.mark.django_db
def test_syncing_copies_facts_and_leaves_each_translation_its_publishing_dates():
    german = OrganisationFactory(phone="05321 123456")
    english = german.copy_for_translation(locale("en"))
    english.first_published_at = timezone.make_aware(datetime.datetime(2025, 2, 1, 9))
    english.save()
    network = NetworkPageFactory()
    MembershipFactory(organisation=german, group=network)
    german.phone = "05321 654321"
    german.summary = "Neue Kurzbeschreibung."
    german.first_published_at = timezone.make_aware(datetime.datetime(2024, 1, 1, 9))
    german.expire_at = timezone.make_aware(datetime.datetime(2030, 1, 1, 9))

    copy_synchronised_fields(german, english)

    assert english.phone == "05321 654321"
    assert english.summary != "Neue Kurzbeschreibung."
    assert english.first_published_at == timezone.make_aware(datetime.datetime(2025, 2, 1, 9))
    assert english.expire_at is None
    assert [membership.group_id for membership in english.memberships.all()] == [network.pk]
