"""Reading the validation errors of objects the factories build."""

import pytest
from django.core.exceptions import ValidationError


def validation_errors(instance) -> dict[str, list[str]]:
    """The field-keyed errors of ``instance.full_clean()``; empty when it is valid."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def invalid_fields(instance_factory, **changes) -> set[str]:
    """The fields ``full_clean()`` rejects on an object made by ``instance_factory`` and
    then given ``changes``, e.g. an end date before its start."""
    instance = instance_factory()
    for name, value in changes.items():
        setattr(instance, name, value)
    return set(validation_errors(instance))


def rule_cases(rules: dict, *, make=lambda object_factory: object_factory) -> list:
    """pytest parameters ``(instance_factory, changes, expected)`` from a table of rules.

    ``rules`` maps a factory to named cases, ``{"ends-before-start": (changes, expected)}``;
    ``make`` picks how the factory makes the object (e.g. ``build`` to leave it unsaved).
    """
    return [
        pytest.param(make(object_factory), changes, expected, id=f"{model_label}-{name}")
        for object_factory, cases in rules.items()
        for model_label in [object_factory._meta.model.__name__]
        for name, (changes, expected) in cases.items()
    ]
