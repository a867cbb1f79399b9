"""The structure of a site as frontends draw it: main menu, footer links and sitemap.

Editors decide what appears where on the page's Promote tab: "show in menus" puts a page in
the main menu, "show in footer" among the footer links (both are copied from the German page
to its translations). Only live, public pages that are no aliases appear: an alias stands in
for a missing translation and shows German content under another locale's path.

Every function here costs a fixed number of queries, however many pages a site has: paths
come from Wagtail's cached site root paths, shared through the ``request``.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import Locale, Page, Site

from api.selectors.pages import (
    in_sites_q,
    page_location,
    public_pages,
    site_root_paths,
    site_root_url_path,
)
from pages.models import BasePage

# Levels of the main menu below the site root: sections and their sub-pages.
MENU_DEPTH = 2

# What the structure endpoints read of a page; the rest of the row stays in the database.
_LOCATION_FIELDS = ("pk", "title", "url_path", "path", "depth", "locale_id", "translation_key")


@dataclass
class MenuEntry:
    """A page in a menu: its id, title and frontend path, and for a section its sub-pages."""

    id: int
    title: str
    path: str
    children: list["MenuEntry"] = field(default_factory=list)


@dataclass(frozen=True)
class Navigation:
    """The menus of one site in one locale."""

    site: Site
    locale: Locale
    main: list[MenuEntry]
    footer: list[MenuEntry]


def _depth_of(url_path: str) -> int:
    # A url_path has one segment per tree level below the tree root: "/home/" is depth 2.
    return url_path.count("/")


def _site_pages_in_locale(*, site: Site, locale: Locale, request: Any) -> QuerySet | None:
    """Live, public pages (no aliases) of ``site`` in ``locale``, the root included, as
    ``BasePage`` rows; None when the site's root has no translation in ``locale``."""
    root_url_path = site_root_url_path(
        site=site, language_code=locale.language_code, request=request
    )
    if root_url_path is None:
        return None
    return public_pages(BasePage.objects.all()).filter(
        url_path__startswith=root_url_path, locale_id=locale.pk, alias_of__isnull=True
    )


def _entry(page: Page, *, request: Any) -> MenuEntry | None:
    location = page_location(page=page, request=request)
    if location is None:
        return None
    return MenuEntry(id=page.pk, title=page.title, path=location.path)


def main_menu(*, site: Site, locale: Locale, request: Any) -> list[MenuEntry]:
    """The sections of the site's main menu in tree order, each with its sub-pages.

    A section is a child of the site root with "show in menus"; its sub-pages are its own
    children with the flag. A sub-page whose section is not in the menu is left out with it.
    Menus show the page ``title``, not the shorter ``listing_title`` of teasers: a menu
    names the page as its heading does.
    """
    pages = _site_pages_in_locale(site=site, locale=locale, request=request)
    if pages is None:
        return []
    root_depth = _depth_of(
        site_root_url_path(site=site, language_code=locale.language_code, request=request)
    )
    menu_pages = (
        pages.filter(show_in_menus=True, depth__gt=root_depth, depth__lte=root_depth + MENU_DEPTH)
        .only(*_LOCATION_FIELDS)
        .order_by("path")
    )

    sections: dict[str, MenuEntry] = {}
    menu: list[MenuEntry] = []
    for page in menu_pages:
        entry = _entry(page, request=request)
        if entry is None:
            continue
        if page.depth == root_depth + 1:
            sections[page.path] = entry
            menu.append(entry)
        else:
            # Tree order puts every section before its children.
            section = sections.get(page.path[: -Page.steplen])
            if section is not None:
                section.children.append(entry)
    return menu


def footer_links(*, site: Site, locale: Locale, request: Any) -> list[MenuEntry]:
    """Pages of the site with "show in footer" (imprint, privacy, contact), in tree order."""
    pages = _site_pages_in_locale(site=site, locale=locale, request=request)
    if pages is None:
        return []
    footer_pages = pages.filter(show_in_footer=True).only(*_LOCATION_FIELDS).order_by("path")
    return [entry for page in footer_pages if (entry := _entry(page, request=request)) is not None]


def site_navigation(*, site: Site, locale: Locale, request: Any) -> Navigation:
    """Main menu and footer of ``site`` in ``locale``; both empty without a translation of
    the site's root in ``locale``."""
    return Navigation(
        site=site,
        locale=locale,
        main=main_menu(site=site, locale=locale, request=request),
        footer=footer_links(site=site, locale=locale, request=request),
    )


# The sitemap


def sitemap_pages(*, site: Site, request: Any) -> QuerySet:
    """Every page of ``site`` that search engines may list, in every locale, in tree order.

    Live, public, no alias and not marked "hide from search engines"; ``BasePage`` rows
    with their locale. Paginate the queryset, then fetch the alternates of the pages of
    one answer with :func:`alternates_by_translation_key`.
    """
    root_paths = [item for item in site_root_paths(request=request) if item.site_id == site.pk]
    return (
        public_pages(BasePage.objects.all())
        .filter(in_sites_q(root_paths), alias_of__isnull=True, noindex=False)
        .select_related("locale")
        .only(*_LOCATION_FIELDS, "last_published_at", "locale__language_code")
        .order_by("path")
    )


def alternates_by_translation_key(*, pages: Iterable[Page], request: Any) -> dict[UUID, list[dict]]:
    """The live, public versions of ``pages`` in each locale, by translation key, in one query.

    Each list holds the page itself too and follows the order of ``settings.LANGUAGES``, as
    ``pages.selectors.page_alternates`` does for one page::

        {UUID("..."): [{"locale": "de", "path": "/ueber-uns/", "id": 7},
                       {"locale": "en", "path": "/en/about-us/", "id": 12}]}
    """
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    translations = (
        public_pages()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .select_related("locale")
        .only(*_LOCATION_FIELDS, "locale__language_code")
    )
    alternates: dict[UUID, list[dict]] = {key: [] for key in keys}
    for translation in translations:
        location = page_location(page=translation, request=request)
        if location is None:
            continue
        alternates[translation.translation_key].append(
            {
                "locale": translation.locale.language_code,
                "path": location.path,
                "id": translation.pk,
            }
        )
    language_order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    for items in alternates.values():
        items.sort(key=lambda item: language_order.get(item["locale"], len(language_order)))
    return alternates


def sitemap_entries(*, pages: Sequence[Page], request: Any) -> list[dict]:
    """The sitemap items of ``pages`` (one answer's worth); a fixed number of queries::

    [{"id": 7, "locale": "de", "path": "/ueber-uns/",
      "url": "https://www.chemienetzwerk-harz.example/ueber-uns/",
      "last_modified": datetime(...),
      "alternates": [{"locale": "de", "path": "/ueber-uns/", "id": 7}, ...]}]
    """
    alternates = alternates_by_translation_key(pages=pages, request=request)
    entries = []
    for page in pages:
        location = page_location(page=page, request=request)
        if location is None:
            continue
        entries.append(
            {
                "id": page.pk,
                "locale": page.locale.language_code,
                "path": location.path,
                "url": location.url,
                "last_modified": page.last_published_at,
                "alternates": alternates.get(page.translation_key, []),
            }
        )
    return entries
