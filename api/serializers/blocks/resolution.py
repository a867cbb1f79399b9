"""What block values and rich text refer to, looked up in bulk for one response.

StreamField values and rich text point at pages, documents, images, snippets and embeds
by id, and snippets and pages point at the German originals (synchronised relations).
``References`` looks these up for the response's locale and remembers the answers, so
that a StreamField costs a fixed number of queries: callers ``load_*`` everything a
value refers to first (api/serializers/blocks/prefetch.py does that for a whole stream),
then the serializer fields read single answers. A field that asks for something not
loaded yet gets it looked up on the spot, so the fields also work on their own.

One ``References`` serves one serializer context (one response) and one locale; see
``references_for()``.
"""

import logging
from collections.abc import Iterable
from typing import Any

from django.db.models import prefetch_related_objects
from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from api.selectors.documents import public_documents_by_pk
from api.selectors.embeds import EmbedKey, cached_embeds
from api.selectors.localized import localized_by_pk
from api.selectors.pages import localized_public_pages
from api.serializers.images import rendition_prefetch
from snippets.models import Funding, Organisation, Person, Quote

logger = logging.getLogger(__name__)

# Where the References of a serializer context are kept, by locale.
CONTEXT_KEY = "_block_references"

# Foreign keys to translatable snippets that the snippet serializers show, by model: their
# targets are German originals and are mapped to the response's locale in bulk too.
SNIPPET_RELATIONS: dict[type, tuple[str, ...]] = {
    Person: ("organisation",),
    Quote: ("person", "organisation"),
    Funding: ("recipient",),
    Organisation: (),
}
# What the snippet serializers read from each snippet besides its own row.
SNIPPET_PREFETCHES: dict[type, tuple] = {
    Person: ("organisation", rendition_prefetch("photo__renditions")),
    Quote: ("person", "organisation"),
    Funding: ("recipient",),
    Organisation: (rendition_prefetch("logo__renditions"),),
}


def embed_key(value: EmbedValue) -> EmbedKey:
    return (value.url, value.max_width, value.max_height)


def fetch_embed(key: EmbedKey) -> Embed | None:
    """Wagtail's ``get_embed`` (cache table, then the provider), or None when it fails.

    Finders call out to oEmbed providers; a provider that is down, unknown or unreachable
    must cost the video's details, never the page. Finders raise whatever their HTTP or
    JSON libraries raise, hence the broad except.
    """
    try:
        return get_embed(*key)
    except Exception:
        logger.warning("No embed for %s", key[0], exc_info=True)
        return None


class References:
    """Lookups of referenced objects for ``locale``, each answered once (see module doc)."""

    def __init__(self, *, locale: Locale, request: Any):
        self.locale = locale
        self.request = request
        self._pages: dict[int, Page | None] = {}
        self._documents: dict[int, Any] = {}
        self._images: dict[int, Any] = {}
        self._embeds: dict[EmbedKey, Embed | None] = {}
        # ``{(model, pk of the original): snippet in locale or None}``; the snippet
        # serializers of api/serializers/snippets.py take it as ``prefetched_translations``.
        self.translations: dict[tuple[type, int], Any] = {}

    # Pages: link targets in the response's locale (api/selectors/pages.py).
    def load_pages(self, page_ids: Iterable[int]) -> None:
        missing = set(page_ids) - self._pages.keys()
        if missing:
            found = localized_public_pages(
                page_ids=missing, locale=self.locale, request=self.request
            )
            self._pages.update({page_id: found.get(page_id) for page_id in missing})

    def page(self, page_id: int) -> Page | None:
        """The page a link to ``page_id`` leads to, or None when nothing public is there."""
        self.load_pages([page_id])
        return self._pages[page_id]

    # Documents and images that rich text refers to by id.
    def load_documents(self, document_ids: Iterable[int]) -> None:
        missing = set(document_ids) - self._documents.keys()
        if missing:
            # A restricted document is left out, as a deleted one: links lose their href.
            found = public_documents_by_pk(missing)
            self._documents.update({pk: found.get(pk) for pk in missing})

    def document(self, document_id: int):
        self.load_documents([document_id])
        return self._documents[document_id]

    def load_images(self, image_ids: Iterable[int]) -> None:
        missing = set(image_ids) - self._images.keys()
        if missing:
            found = get_image_model().objects.in_bulk(missing)
            self._images.update({pk: found.get(pk) for pk in missing})

    def image(self, image_id: int):
        self.load_images([image_id])
        return self._images[image_id]

    # Snippets, and the snippets they show in turn (a person's organisation, ...).
    def load_snippets(self, snippets: Iterable) -> None:
        """Map ``snippets`` and their SNIPPET_RELATIONS to the locale, level by level.

        Each level costs one query per model plus the prefetches of SNIPPET_PREFETCHES;
        the levels end after three (quote → person → organisation).
        """
        pending = self._unknown(snippets)
        while pending:
            related = []
            for model, items in _by_model(pending).items():
                translations = localized_by_pk(items, locale=self.locale)
                self.translations.update(translations)
                shown = list({id(obj): obj for obj in translations.values() if obj}.values())
                prefetch_related_objects(shown, *SNIPPET_PREFETCHES.get(model, ()))
                related += [
                    getattr(obj, name) for obj in shown for name in SNIPPET_RELATIONS.get(model, ())
                ]
            pending = self._unknown(related)

    def snippet(self, snippet):
        """``snippet`` in the response's locale, or None when it is not live."""
        self.load_snippets([snippet])
        return self.translations[(type(snippet), snippet.pk)]

    def _unknown(self, snippets: Iterable) -> list:
        unknown = {}
        for obj in snippets:
            if obj is not None and (type(obj), obj.pk) not in self.translations:
                unknown.setdefault((type(obj), obj.pk), obj)
        return list(unknown.values())

    # oEmbed answers of embed blocks.
    def load_embeds(self, values: Iterable[EmbedValue]) -> None:
        missing = {embed_key(value) for value in values} - self._embeds.keys()
        if missing:
            found = cached_embeds(keys=missing)
            for key in missing:
                self._embeds[key] = found[key] if key in found else fetch_embed(key)

    def embed(self, value: EmbedValue) -> Embed | None:
        """The oEmbed answer for ``value``, or None when the provider could not give one."""
        self.load_embeds([value])
        return self._embeds[embed_key(value)]


def _by_model(objects: Iterable) -> dict[type, list]:
    grouped: dict[type, list] = {}
    for obj in objects:
        grouped.setdefault(type(obj), []).append(obj)
    return grouped


def references_for(context: dict) -> References:
    """The References of a serializer context, for its ``locale``; made on first use.

    Kept in the context, so that all fields rendering one response (several StreamFields
    and rich text fields of a page) share the answers.
    """
    try:
        locale = context["locale"]
    except KeyError:
        raise KeyError("The serializer context needs the response's 'locale'.") from None
    by_locale = context.setdefault(CONTEXT_KEY, {})
    if locale.pk not in by_locale:
        by_locale[locale.pk] = References(locale=locale, request=context.get("request"))
    return by_locale[locale.pk]
