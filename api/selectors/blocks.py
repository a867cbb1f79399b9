"""Bulk lookups behind block values and rich text: linked pages, snippets and embeds.

Each function answers for many references at once, so a StreamField or a rich text value
costs a fixed number of queries however many links, people or videos it holds.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, Q
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale, Page

from api.selectors.localized import localized_objects
from api.selectors.pages import page_location, view_restrictions_covering

# An embed as blocks store it: the URL and the size limits of the block.
EmbedKey = tuple[str, int | None, int | None]


def localized_public_pages(
    *, page_ids: Iterable[int], locale: Locale, request: Any
) -> dict[int, Page]:
    """``{requested id: page to link to}`` for links to ``page_ids``; one query.

    A link leads to the page's live, public translation in ``locale``, else to the page
    itself when that is live and public. Aliases (wagtail-localize's stand-ins for
    untranslated pages) are never link targets, and neither are pages outside every site.
    Ids missing from the answer have no public target: the link is to be dropped.

    The pages are plain ``Page`` rows with their locale, which is all a link needs.
    """
    page_ids = set(page_ids)
    if not page_ids:
        return {}
    requested_keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    # The requested pages themselves are fetched whatever their state: their translation
    # key is what leads to the translation when they are not public.
    rows = list(
        Page.objects.filter(translation_key__in=requested_keys)
        .filter(Q(pk__in=page_ids) | Q(locale_id=locale.pk))
        .annotate(under_view_restriction=Exists(view_restrictions_covering()))
        .select_related("locale")
    )

    def linkable(page: Page) -> bool:
        return page.live and not page.under_view_restriction and page.alias_of_id is None

    translations = {
        page.translation_key: page
        for page in rows
        if page.locale_id == locale.pk and linkable(page)
    }
    targets = {}
    for page in rows:
        if page.pk not in page_ids:
            continue
        target = translations.get(page.translation_key)
        if target is None and linkable(page):
            target = page
        if target is not None and page_location(page=target, request=request) is not None:
            targets[page.pk] = target
    return targets


def localized_snippets(objects: Iterable, *, locale: Locale) -> dict[tuple[type, int], Any]:
    """``{(model, pk): the object in locale}`` for snippets; one query per model.

    Untranslated snippets stand in with their German original; snippets that are not
    live (an unpublished organisation) map to None.
    """
    objects = [obj for obj in objects if obj is not None]
    translated = {
        (type(obj), obj.translation_key): obj for obj in localized_objects(objects, locale=locale)
    }
    return {
        (type(obj), obj.pk): translated.get((type(obj), obj.translation_key)) for obj in objects
    }


def cached_embeds(*, keys: Iterable[EmbedKey]) -> dict[EmbedKey, Embed]:
    """The unexpired rows of Wagtail's embed cache for ``keys``; one query.

    Wagtail's ``get_embed`` reads the same rows one at a time; missing keys are for it to
    fetch from the provider.
    """
    hashes = {get_embed_hash(*key): key for key in set(keys)}
    if not hashes:
        return {}
    rows = Embed.objects.filter(hash__in=hashes).exclude(cache_until__lte=timezone.now())
    return {hashes[embed.hash]: embed for embed in rows}
