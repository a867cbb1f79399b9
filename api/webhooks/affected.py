"""Which public pages show a page or snippet, so a frontend knows what to revalidate.

A page is shown by its parent (the index that lists it), by its other-language versions
(their ``meta.alternates`` name it) and by every page that refers to it in Wagtail's
reference index: links in rich text, page choosers, foreign keys such as a documentation's
``related_event`` or a directory's ``group``. A snippet is shown by the pages that refer
to it in the reference index (foreign keys, chooser blocks, inline rows such as cluster
speakers), by pages with a many-to-many relation to it (topics, fundings) and, for an
organisation, by the network, cluster and project pages it is a member of (their member
counts) and by the directories (Clusteratlas) that list those groups' members.

References are matched by ``translation_key``: pages in a target locale keep pointing at
the German page or snippet and the API swaps in the translation, so a reference to any
language version counts. An object in the default locale affects pages of every locale
(they fall back to it); one in a target locale affects only pages in that locale.

Only live, public pages that are not aliases count: drafts and private pages are never
named. Each answer is one query, whatever the number of pages it finds.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Model, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, ReferenceIndex

from pages.selectors import public_pages


@dataclass(frozen=True, order=True)
class Location:
    """Where a page is shown: its site and its frontend path (``/en/about-us/``)."""

    site_id: int
    path: str


def url_cache() -> SimpleNamespace:
    """An object that keeps Wagtail's site root paths between path computations."""
    return SimpleNamespace()


def location_of_url_path(url_path: str, *, cache_object: Any) -> Location | None:
    """The site and frontend path of a page with ``url_path``; None outside every site.

    The path comes from Wagtail's ``Page.get_url_parts``, as the API computes it (German
    without prefix, ``/en/...`` for English); an unsaved Page stands in, so old paths of
    moved pages can be computed too. No query once ``cache_object`` holds the root paths.
    """
    url_parts = Page.get_url_parts(Page(url_path=url_path), request=cache_object)
    if url_parts is None or url_parts[2] is None:
        return None
    return Location(site_id=url_parts[0], path=url_parts[2])


def locations_of(pages: Iterable[Page], *, cache_object: Any) -> set[Location]:
    """Frontend locations of ``pages`` (plain Page rows); pages outside sites are dropped."""
    found = set()
    for page in pages:
        location = location_of_url_path(page.url_path, cache_object=cache_object)
        if location is not None:
            found.add(location)
    return found


def shown_pages(condition: Q, *, exclude_ids: Iterable[int] = ()) -> QuerySet:
    """Live, public pages that are no aliases, matching ``condition``; only what a path needs."""
    return (
        public_pages(Page.objects.filter(condition))
        .filter(alias_of__isnull=True)
        .exclude(pk__in=list(exclude_ids))
        .only("pk", "url_path", "path", "depth", "locale_id")
        .order_by("path")
    )


def _referencing_page_ids(*, model: type[Model], translation_key) -> QuerySet:
    """Subquery: ids of pages whose reference index entries point at any language version
    of the object (``model``, ``translation_key``)."""
    page_type = ContentType.objects.get_for_model(Page)
    target_type = ReferenceIndex._get_base_content_type(model)
    # The index keeps object ids as text, for models with any kind of primary key.
    targets = (
        model._default_manager.filter(translation_key=translation_key)
        .annotate(object_id_text=Cast("pk", CharField()))
        .values("object_id_text")
    )
    return (
        ReferenceIndex.objects.filter(
            base_content_type=page_type, to_content_type=target_type, to_object_id__in=targets
        )
        .annotate(page_id=Cast("object_id", BigIntegerField()))
        .values("page_id")
    )


@cache
def _page_many_to_many_fields(model: type[Model]) -> tuple:
    """The many-to-many fields of page models that point at ``model`` (e.g. ``topics``)."""
    fields = []
    for page_model in apps.get_models():
        if not issubclass(page_model, Page):
            continue
        for field in page_model._meta.get_fields(include_parents=False):
            if field.many_to_many and not field.auto_created and field.related_model is model:
                fields.append(field)
    return tuple(fields)


def _many_to_many_condition(*, model: type[Model], translation_key) -> Q:
    condition = Q(pk__in=[])
    for field in _page_many_to_many_fields(model):
        through = field.remote_field.through
        related = f"{field.m2m_reverse_field_name()}__translation_key"
        condition |= Q(
            pk__in=through.objects.filter(**{related: translation_key}).values(
                field.m2m_field_name()
            )
        )
    return condition


def _membership_condition(*, translation_key) -> Q:
    """The groups an organisation is a member of, in any locale, and their directories."""
    membership = apps.get_model("snippets", "Membership")
    directory = apps.get_model("pages", "DirectoryPage")
    group_keys = membership.objects.filter(organisation__translation_key=translation_key).values(
        "group__translation_key"
    )
    return Q(translation_key__in=group_keys) | Q(
        pk__in=directory.objects.filter(group__translation_key__in=group_keys).values("pk")
    )


def default_language_code() -> str:
    """The language of the default locale (German), without a query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _locale_condition(obj: Model) -> Q:
    """Pages of every locale for an object in the default locale, else of its locale."""
    if obj.locale.language_code == default_language_code():
        return Q()
    return Q(locale_id=obj.locale_id)


def pages_showing_page(page: Page, *, parent_paths: Iterable[str] = ()) -> QuerySet:
    """Public pages other than ``page`` that show it: the parents at ``parent_paths``
    (treebeard paths; the old and the new parent of a moved page), its translations and
    the pages referring to it. One query."""
    condition = (
        Q(path__in=list(parent_paths))
        | Q(translation_key=page.translation_key)
        | (
            Q(pk__in=_referencing_page_ids(model=Page, translation_key=page.translation_key))
            & _locale_condition(page)
        )
    )
    return shown_pages(condition, exclude_ids=[page.pk])


def pages_showing_snippet(snippet: Model) -> QuerySet:
    """Public pages that show ``snippet`` (in any language version); one query."""
    model = type(snippet)
    key = snippet.translation_key
    condition = Q(pk__in=_referencing_page_ids(model=model, translation_key=key))
    condition |= _many_to_many_condition(model=model, translation_key=key)
    if model._meta.label == "snippets.Organisation":
        condition |= _membership_condition(translation_key=key)
    return shown_pages(condition & _locale_condition(snippet))


def live_descendants(page: Page) -> QuerySet:
    """Public pages below ``page``, whose paths change with its own. One query."""
    return shown_pages(Q(path__startswith=page.path, depth__gt=page.depth))
