"""Queries behind the archive: the publications of a site (CKnews issues with their PDF
edition, CKreihe documentation with its files) and their public documents."""

import datetime
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db.models import Q, QuerySet
from django.db.models.functions import Left
from wagtail.models import Locale, Page, Site

from api.selectors.documents import public_documents_by_pk
from api.selectors.events import site_root_in_locale
from api.selectors.pages import in_sites_q, site_root_paths
from pages.models import (
    DocumentationItemPage,
    DocumentSeriesPage,
    NewsletterIssuePage,
    NewsletterSeriesPage,
)
from pages.selectors import public_pages

ArchiveKind = Literal["newsletter", "documentation"]
SERIES_MODELS = (NewsletterSeriesPage, DocumentSeriesPage)


# The archive


@dataclass
class ArchiveEntry:
    """One publication: a newsletter issue or a documentation item, with its public
    documents."""

    kind: Literal["newsletter_issue", "documentation_item"]
    page: Page
    series: Page
    date: datetime.date | None
    year: int | None
    document_ids: list[int]
    documents: list = field(default_factory=list)

    def sort_key(self) -> tuple:
        # Newest first; undated entries after the dated ones, by year, then newest page.
        return (self.date is not None, self.date or datetime.date.min, self.year or 0, self.page.pk)


def series_on_site(*, series_id: int, site: Site, request: Any) -> Page | None:
    """The live, public newsletter or document series with ``series_id`` on ``site``, in
    any locale; None otherwise (an alias, a draft, another site, another page type)."""
    root_paths = [item for item in site_root_paths(request=request) if item.site_id == site.pk]
    return (
        public_pages()
        .type(*SERIES_MODELS)
        .filter(in_sites_q(root_paths), pk=series_id, alias_of__isnull=True)
        .first()
    )


def archive_entries(
    *,
    site: Site,
    locale: Locale,
    kind: ArchiveKind | None = None,
    year: int | None = None,
    series: Page | None = None,
) -> list[ArchiveEntry]:
    """The publications of ``site`` in ``locale`` that have at least one public document,
    newest first, with their documents loaded.

    Live, public pages below a live, public series only, aliases (untranslated stand-ins)
    left out. ``series`` (in any locale) keeps the entries of its translation in ``locale``.
    A fixed number of queries, however many entries there are: the entries are few (four
    newsletter issues and a handful of events a year), so they are filtered and ordered
    here rather than in SQL, where the documents inside a StreamField are out of reach.
    """
    root = site_root_in_locale(site=site, locale=locale)
    if root is None:
        return []

    entries: list[ArchiveEntry] = []
    if kind in (None, "newsletter"):
        entries += _newsletter_entries(root=root, year=year, series=series)
    if kind in (None, "documentation"):
        entries += _documentation_entries(root=root, year=year, series=series)

    documents = public_documents_by_pk({pk for entry in entries for pk in entry.document_ids})
    shown = []
    for entry in entries:
        entry.documents = [documents[pk] for pk in entry.document_ids if pk in documents]
        if entry.documents:
            shown.append(entry)
    return sorted(shown, key=ArchiveEntry.sort_key, reverse=True)


def _series_by_path(model, *, root: Page, series: Page | None) -> dict[str, Page]:
    """The live, public series of type ``model`` on ``root`` (a site's home page, where
    series live), by their tree path."""
    queryset = (
        public_pages(model.objects.all())
        .child_of(root)
        .filter(alias_of__isnull=True)
        .only("pk", "title", "short_name", "path", "translation_key")
    )
    if series is not None:
        queryset = queryset.filter(translation_key=series.translation_key)
    return {item.path: item for item in queryset}


def _children_of(model, *, parents: dict[str, Page]) -> QuerySet:
    """Live, public pages of ``model`` whose parent is one of ``parents`` (all at the same
    depth, below one root); aliases left out."""
    parent_path_length = len(next(iter(parents)))
    return (
        public_pages(model.objects.all())
        .annotate(parent_path=Left("path", parent_path_length))
        .filter(
            parent_path__in=list(parents),
            depth=parent_path_length // Page.steplen + 1,
            alias_of__isnull=True,
        )
        .select_related("locale")
    )


def _newsletter_entries(*, root: Page, year: int | None, series: Page | None) -> list[ArchiveEntry]:
    parents = _series_by_path(NewsletterSeriesPage, root=root, series=series)
    if not parents:
        return []
    issues = _children_of(NewsletterIssuePage, parents=parents).filter(pdf_edition__isnull=False)
    if year is not None:
        issues = issues.filter(Q(year=year) | Q(year__isnull=True, publication_date__year=year))
    # The articles and the editorial are not shown in the archive.
    issues = issues.defer("articles", "editorial")
    return [
        ArchiveEntry(
            kind="newsletter_issue",
            page=issue,
            series=parents[issue.parent_path],
            date=issue.publication_date,
            year=issue.year or (issue.publication_date and issue.publication_date.year),
            document_ids=[issue.pdf_edition_id],
        )
        for issue in issues
    ]


def _documentation_entries(
    *, root: Page, year: int | None, series: Page | None
) -> list[ArchiveEntry]:
    parents = _series_by_path(DocumentSeriesPage, root=root, series=series)
    if not parents:
        return []
    items = _children_of(DocumentationItemPage, parents=parents)
    if year is not None:
        items = items.filter(event_date__year=year)
    # Only the documents StreamField is read; the other long fields stay in the database.
    items = items.defer("body", "gallery", "summary")
    return [
        ArchiveEntry(
            kind="documentation_item",
            page=item,
            series=parents[item.parent_path],
            date=item.event_date,
            year=item.event_date.year if item.event_date else None,
            document_ids=documents_in_stream(item.documents),
        )
        for item in items
    ]


def documents_in_stream(stream_value) -> list[int]:
    """Ids of the documents chosen in the ``document`` blocks of ``stream_value``, in
    order, each once.

    Read from the stored JSON: letting Wagtail turn the blocks into objects would cost a
    query per page.
    """
    ids: list[int] = []
    for block in stream_value.raw_data:
        value = block.get("value") if block.get("type") == "document" else None
        document_id = value.get("document") if isinstance(value, dict) else None
        if isinstance(document_id, str) and document_id.isdigit():
            document_id = int(document_id)
        if isinstance(document_id, int) and document_id not in ids:
            ids.append(document_id)
    return ids
