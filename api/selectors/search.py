"""Full-text search across the pages of a site and the organisations, in one locale.

How it searches
---------------
The text comes from Wagtail's search index (``wagtailsearch_indexentry``): Wagtail keeps it
current on every save and extracts what each model declares in ``search_fields``, StreamField
and rich text included, so the search sees the same text as the admin's search.

On PostgreSQL the index rows also hold that text in plain form (``title_text``,
``body_text``). Wagtail's own tsvectors in the same rows are built with one text search
configuration for all languages (``SEARCH_CONFIG``, German for the admin), so English text
would be stemmed as German. The API therefore builds the vectors at query time with the
configuration of the requested locale: ``german`` for ``de`` and ``english`` for ``en``
(``simple``, no stemming, for a locale without a snowball stemmer here). "Netzwerke" thus
finds "Netzwerk", and "recycling" finds "recycled". Titles weigh more than the body
(weights A and B); ``ts_rank`` orders the hits. The query is parsed with
``websearch_to_tsquery``: words are ANDed, ``"quoted phrases"``, ``or`` and ``-word`` work,
and no input is a syntax error. Building vectors per query costs a scan of the site's pages
in one locale; that is small for the hub (hundreds of pages, not millions). Should it
grow, an expression index per configuration on the index table would serve the same query.

On SQLite (development and tests without PostgreSQL) the search goes through Wagtail's
database backend (``.search()``, FTS5) with its single configuration, filtered to the
locale; it matches all words of the query (no phrases, ``or`` or ``-word``) and does not
stem per language.

Pages and organisations are ranked together; scores are comparable within one answer only.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import CharField, F, QuerySet, Value
from wagtail.models import Locale, Site
from wagtail.search.backends import get_search_backend

from api.selectors.pages import page_location, site_root_url_path
from api.serializers.pages.registry import page_type_name
from pages.models import BasePage
from pages.selectors import public_pages
from snippets.models import Organisation

SearchKind = Literal["page", "organisation"]
SEARCH_KINDS: tuple[SearchKind, ...] = ("page", "organisation")

# A word of a query for Wagtail's backend (letters and digits, any script).
WORD = re.compile(r"\w+")

# PostgreSQL text search configuration (snowball stemmer) per content language.
SEARCH_CONFIGS = {"de": "german", "en": "english"}
FALLBACK_SEARCH_CONFIG = "simple"


class SearchHit(NamedTuple):
    """One match before it is looked up: ``("page", 12, 0.61)``. Higher scores rank first."""

    kind: str
    object_id: int
    score: float


@dataclass(frozen=True)
class SearchResult:
    """A match as the API shows it."""

    kind: SearchKind
    id: int
    title: str
    summary: str
    # Frontend path of a page; organisations have none of their own.
    path: str | None
    # The page type ("news") or the organisation kind ("company").
    type: str
    score: float


def search_config(locale: Locale) -> str:
    """The PostgreSQL text search configuration for ``locale``."""
    return SEARCH_CONFIGS.get(locale.language_code, FALLBACK_SEARCH_CONFIG)


def searchable_pages(*, site: Site, locale: Locale, request: Any) -> QuerySet:
    """Live, public pages (no aliases) of ``site`` in ``locale``."""
    root_url_path = site_root_url_path(
        site=site, language_code=locale.language_code, request=request
    )
    if root_url_path is None:
        return BasePage.objects.none()
    return public_pages(BasePage.objects.all()).filter(
        url_path__startswith=root_url_path, locale_id=locale.pk, alias_of__isnull=True
    )


def searchable_organisations(*, locale: Locale) -> QuerySet:
    """Live organisations in ``locale``; drafts of unpublished ones never."""
    return Organisation.objects.filter(live=True, locale_id=locale.pk)


def search(
    *,
    query: str,
    site: Site,
    locale: Locale,
    request: Any,
    kinds: Sequence[SearchKind] = SEARCH_KINDS,
) -> Sequence[SearchHit]:
    """The matches for ``query``, best first, as a sliceable sequence for pagination.

    On PostgreSQL a queryset of ``(kind, id, score)`` rows (the slice is the only query that
    loads rows); on SQLite a list. Turn one page of hits into results with
    :func:`search_results`.
    """
    if not kinds:
        return []
    sources: dict[str, QuerySet] = {}
    if "page" in kinds:
        sources["page"] = searchable_pages(site=site, locale=locale, request=request)
    if "organisation" in kinds:
        sources["organisation"] = searchable_organisations(locale=locale)
    if connection.vendor == "postgresql":
        return _postgres_hits(query=query, config=search_config(locale), sources=sources)
    return _backend_hits(query=query, locale=locale, sources=sources)


def _postgres_hits(*, query: str, config: str, sources: dict[str, QuerySet]) -> QuerySet:
    search_query = SearchQuery(query, config=config, search_type="websearch")
    # The index rows of each object, reached through the relation Wagtail adds to every
    # indexed model.
    vector = SearchVector("index_entries__title_text", weight="A", config=config) + SearchVector(
        "index_entries__body_text", weight="B", config=config
    )
    ranked = [
        queryset.annotate(_search_vector=vector)
        .filter(_search_vector=search_query)
        .annotate(
            hit_kind=Value(kind, output_field=CharField()),
            hit_id=F("pk"),
            hit_score=SearchRank(vector, search_query),
        )
        .order_by()
        .values_list("hit_kind", "hit_id", "hit_score")
        for kind, queryset in sources.items()
    ]
    hits = ranked[0].union(*ranked[1:], all=True) if len(ranked) > 1 else ranked[0]
    return hits.order_by("-hit_score", "hit_kind", "hit_id")


def _backend_hits(*, query: str, locale: Locale, sources: dict[str, QuerySet]) -> list[SearchHit]:
    # SQLite's FTS5 reads quotes and brackets as its own syntax and fails on unbalanced
    # ones; the words alone make a query that always parses.
    query = " ".join(WORD.findall(query))
    if not query:
        return []
    backend = get_search_backend()
    hits: list[SearchHit] = []
    for kind, queryset in sources.items():
        # Wagtail's backend accepts filters on its declared filter fields only, so it
        # searches the locale and the full conditions are applied to its matches after.
        matches = backend.search(
            query, queryset.model.objects.filter(locale=locale), operator="and"
        ).annotate_score("_search_score")
        scores = {match.pk: match._search_score or 0.0 for match in matches}
        eligible = queryset.filter(pk__in=scores).values_list("pk", flat=True)
        # SQLite's FTS5 rank (bm25) is lower for better matches: negate it so that higher
        # scores rank first on both databases.
        hits += [SearchHit(kind, pk, -scores[pk]) for pk in eligible]
    return sorted(hits, key=lambda hit: (-hit.score, hit.kind, hit.object_id))


def search_results(*, hits: Iterable[Sequence], request: Any) -> list[SearchResult]:
    """The results for ``hits`` (one page of :func:`search`), in their order; one query per
    kind. A hit whose object has gone since the search is left out."""
    hits = [SearchHit(*hit) for hit in hits]
    page_ids = [hit.object_id for hit in hits if hit.kind == "page"]
    organisation_ids = [hit.object_id for hit in hits if hit.kind == "organisation"]
    found: dict[tuple[str, int], SearchResult] = {}

    pages = BasePage.objects.filter(pk__in=page_ids).only(
        "pk",
        "title",
        "url_path",
        "path",
        "depth",
        "content_type_id",
        "listing_summary",
        "search_description",
    )
    page_scores = {hit.object_id: hit.score for hit in hits if hit.kind == "page"}
    for page in pages:
        location = page_location(page=page, request=request)
        if location is None:
            continue
        found["page", page.pk] = SearchResult(
            kind="page",
            id=page.pk,
            title=page.title,
            summary=page.listing_summary or page.search_description,
            path=location.path,
            type=page_type_name(page),
            score=page_scores[page.pk],
        )

    organisation_scores = {hit.object_id: hit.score for hit in hits if hit.kind == "organisation"}
    organisations = Organisation.objects.filter(pk__in=organisation_ids).only(
        "pk", "name", "summary", "kind"
    )
    for organisation in organisations:
        found["organisation", organisation.pk] = SearchResult(
            kind="organisation",
            id=organisation.pk,
            title=organisation.name,
            summary=organisation.summary,
            path=None,
            type=organisation.kind,
            score=organisation_scores[organisation.pk],
        )

    return [found[hit.kind, hit.object_id] for hit in hits if (hit.kind, hit.object_id) in found]
