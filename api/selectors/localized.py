"""Translatable objects in the locale a response is for.

Pages in a target locale keep pointing at the German snippets (relations to snippets are
synchronised, docs/translation.md). Before they reach a response, such objects are swapped
for their translation in the response's locale by ``translation_key``; without a
translation the German original stands in. Objects with a draft state appear only when
live.
"""

from collections.abc import Iterable, Sequence
from typing import TypeVar

from wagtail.models import DraftStateMixin, Locale

T = TypeVar("T")


def localized_objects(objects: Iterable[T], *, locale: Locale) -> list[T]:
    """``objects`` in ``locale``, in the same order, non-live ones left out; one query per model.

    ``objects`` may mix models (e.g. people and organisations); each model is looked up once.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    translations: dict[tuple[type, object], object] = {}
    by_model: dict[type, list] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)

    for model, items in by_model.items():
        needs_lookup = [obj for obj in items if obj.locale_id != locale.pk]
        if needs_lookup:
            queryset = model.objects.filter(
                locale_id=locale.pk,
                translation_key__in={obj.translation_key for obj in needs_lookup},
            )
            if issubclass(model, DraftStateMixin):
                queryset = queryset.filter(live=True)
            for translation in queryset:
                translations[(model, translation.translation_key)] = translation

    result = []
    for obj in objects:
        if obj.locale_id != locale.pk:
            obj = translations.get((type(obj), obj.translation_key), obj)
        if isinstance(obj, DraftStateMixin) and not obj.live:
            continue
        result.append(obj)
    return result


def localized_object(obj: T | None, *, locale: Locale) -> T | None:
    """One object in ``locale`` (see :func:`localized_objects`), or None when not live."""
    found: Sequence[T] = localized_objects([obj], locale=locale)
    return found[0] if found else None


def localized_by_pk(objects: Iterable[T], *, locale: Locale) -> dict[tuple[type, int], T | None]:
    """``{(model, pk): the object in locale}`` for ``objects``; one query per model.

    Untranslated objects stand in with their German original; objects that are not live
    (an unpublished organisation) map to None, so a relation to one reads as none at all.
    """
    objects = [obj for obj in objects if obj is not None]
    shown = {
        (type(obj), obj.translation_key): obj for obj in localized_objects(objects, locale=locale)
    }
    return {(type(obj), obj.pk): shown.get((type(obj), obj.translation_key)) for obj in objects}
