"""Every page field has a deliberate translation choice, and wagtail-localize follows it.

A field wagtail-localize would handle (text, choices, relations, child relations and the
many-to-many relations it ignores unless told) must appear in the model's
``override_translatable_fields``; a new field without a decision fails here, by name.
The choices themselves are documented in docs/translation.md.
"""

import datetime

import pytest
from django.apps import apps
from django.db import models
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import (
    SynchronizedField,
    TranslatableField,
    get_translatable_fields,
)
from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource

from pages.models import BasePage, EventPage, NewsletterIssuePage
from tests.factories import ImageFactory, NewsletterIssuePageFactory


def fields_needing_a_decision(model: type[models.Model]) -> set[str]:
    """Names of the fields and child relations wagtail-localize acts on for ``model``.

    These are the library's own defaults (asked without the model's declarations), plus
    editable many-to-many relations: the library skips those unless they are declared, so
    leaving one out would be a decision too, just an unwritten one.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "override_translatable_fields", [])
        names = {field.field_name for field in get_translatable_fields(model)}
    names.update(
        field.name
        for field in model._meta.get_fields()
        if field.many_to_many and not field.auto_created and field.editable
    )
    return names


def declared_fields(model: type[models.Model]) -> list[str]:
    return [field.field_name for field in getattr(model, "override_translatable_fields", [])]


def decision(model: type[models.Model], name: str) -> str:
    """What wagtail-localize does with a field: translated, synchronised or overridable."""
    (field,) = [field for field in get_translatable_fields(model) if field.field_name == name]
    # The answers depend on the instance only for emptied text, which the spot checks avoid.
    instance = None
    if field.is_translated(instance):
        return "translated"
    if field.is_overridable(instance):
        return "overridable"
    if field.is_synchronized(instance):
        return "synchronised"
    return "per locale"


def undecided_fields_message(model: type[models.Model]) -> str:
    missing = sorted(fields_needing_a_decision(model) - set(declared_fields(model)))
    return (
        f"{model.__name__} has no translation decision for {', '.join(missing)}: add them to "
        f"{model.__name__}.override_translatable_fields and to docs/translation.md."
        if missing
        else ""
    )


CREATABLE_PAGE_MODELS = [
    model
    for model in apps.get_app_config("pages").get_models()
    if issubclass(model, Page) and model.is_creatable
]
INLINE_MODELS = [
    model
    for model in apps.get_app_config("pages").get_models()
    if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
]


@pytest.mark.parametrize(
    "model", CREATABLE_PAGE_MODELS + INLINE_MODELS, ids=lambda model: model.__name__
)
def test_every_field_has_a_translation_decision(model):
    assert undecided_fields_message(model) == ""


@pytest.mark.parametrize(
    "model", [BasePage, *CREATABLE_PAGE_MODELS, *INLINE_MODELS], ids=lambda model: model.__name__
)
def test_declarations_name_real_fields_once(model):
    declared = declared_fields(model)

    for name in declared:
        model._meta.get_field(name)  # raises FieldDoesNotExist for a misspelt name
    assert len(declared) == len(set(declared)), f"{model.__name__} declares a field twice"


def test_the_walk_covers_every_page_type_and_inline_model():
    names = {model.__name__ for model in CREATABLE_PAGE_MODELS + INLINE_MODELS}

    assert {"HomePage", "EventPage", "NewsletterIssuePage", "DirectoryPage"} <= names
    assert {"ClusterSpeaker", "ClusterManagementContact", "ProjectPartner"} <= names
    assert "BasePage" not in names


def test_a_new_field_without_a_decision_is_named(monkeypatch):
    declarations = [
        field
        for field in EventPage.override_translatable_fields
        if field.field_name != "registration_deadline"
    ]
    monkeypatch.setattr(EventPage, "override_translatable_fields", declarations)

    message = undecided_fields_message(EventPage)

    assert message.startswith("EventPage has no translation decision for registration_deadline")


@pytest.mark.parametrize(
    ("model", "name", "expected"),
    [
        (EventPage, "title", "translated"),
        (EventPage, "slug", "translated"),
        (EventPage, "body", "translated"),
        (EventPage, "intro", "translated"),
        (EventPage, "start", "synchronised"),
        (EventPage, "end", "synchronised"),
        (EventPage, "registration_deadline", "synchronised"),
        (EventPage, "listing_image", "synchronised"),
        (EventPage, "social_image", "synchronised"),
        (EventPage, "organiser", "synchronised"),
        (EventPage, "topics", "synchronised"),
        (EventPage, "postal_code", "synchronised"),
        (EventPage, "registration_url", "overridable"),
        (NewsletterIssuePage, "slug", "translated"),
        (NewsletterIssuePage, "articles", "translated"),
        (NewsletterIssuePage, "editorial", "translated"),
        (NewsletterIssuePage, "publication_date", "synchronised"),
        (NewsletterIssuePage, "issue_number", "synchronised"),
        (NewsletterIssuePage, "listing_image", "synchronised"),
        (NewsletterIssuePage, "cover_image", "overridable"),
        (NewsletterIssuePage, "pdf_edition", "overridable"),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else str(value),
)
def test_spot_checks(model, name, expected):
    assert decision(model, name) == expected


def test_declarations_use_the_library_field_kinds():
    kinds = {type(field) for field in NewsletterIssuePage.override_translatable_fields}

    assert kinds == {TranslatableField, SynchronizedField}


@pytest.mark.django_db
def test_localize_extracts_text_and_offers_only_the_cover_image_for_override():
    cover, teaser_image = ImageFactory(), ImageFactory()
    issue = NewsletterIssuePageFactory(
        title="CKnews 2/2024",
        slug="cknews-2-2024",
        publication_date=datetime.date(2024, 6, 3),
        cover_image=cover,
        listing_image=teaser_image,
        articles=[
            (
                "article",
                {
                    "headline": "Rohstoffregion Harz",
                    "teaser": "Wie Betriebe Sekundärrohstoffe erschließen.",
                    "body": "<p>Der Harz ist eine Rohstoffregion.</p>",
                    "related_link": {"url": "https://www.example.org", "label": "Zum Projekt"},
                },
            )
        ],
    )

    source, _created = TranslationSource.get_or_create_from_instance(issue)

    strings = dict(
        StringSegment.objects.filter(source=source).values_list("context__path", "string__data")
    )
    overridables = set(
        OverridableSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    assert strings["slug"] == "cknews-2-2024"
    assert strings["title"] == "CKnews 2/2024"
    assert "Rohstoffregion Harz" in strings.values()
    assert "Der Harz ist eine Rohstoffregion." in strings.values()
    assert "cover_image" in overridables
    assert not {"listing_image", "social_image", "publication_date", "year"} & (
        overridables | set(strings)
    )
