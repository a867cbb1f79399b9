"""Queries behind the pages endpoints: which pages are public, where they live, and how a
frontend path leads to one.

Public means live and not under a view restriction (a restriction covers its page and
everything below it). Aliases are public pages too, but they show another page's content:
lists leave them out and ``resolve`` sends visitors to the original.

Paths are what frontends route by: ``/ueber-uns/`` for German, the default locale, and
``/en/about-us/`` for English (docs/locales.md). They are computed by Wagtail from the site
root paths, which are cached and shared between calls through the ``request``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from django.conf import settings
from django.db.models import Exists, Q, QuerySet
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import SiteRootPath

from pages.models import BasePage
from pages.selectors import frontend_base_url, public_pages, view_restrictions_covering

_SITE_HOSTNAMES_ATTR = "_api_site_hostnames"


# Where Wagtail's Page.get_url_parts() keeps the site root paths on a request; sharing it
# means resolving a path and computing page paths read them once.
_SITE_ROOT_PATHS_ATTR = "_wagtail_cached_site_root_paths"


def site_root_paths(*, request: Any) -> list[SiteRootPath]:
    """Wagtail's site root paths (one per site and locale), remembered on ``request``."""
    root_paths = getattr(request, _SITE_ROOT_PATHS_ATTR, None)
    if root_paths is None:
        root_paths = Site.get_site_root_paths()
        setattr(request, _SITE_ROOT_PATHS_ATTR, root_paths)
    return root_paths


def in_sites_q(root_paths: list[SiteRootPath]) -> Q:
    """Pages at or below one of ``root_paths``; matches nothing for an empty list."""
    condition = Q(pk__in=[])
    for root_path in {item.root_path for item in root_paths}:
        condition |= Q(url_path__startswith=root_path)
    return condition


def site_hostnames(*, request: Any) -> dict[int, str]:
    """``{site id: hostname}`` of every site, in one query per request."""
    hostnames = getattr(request, _SITE_HOSTNAMES_ATTR, None)
    if hostnames is None:
        hostnames = dict(Site.objects.order_by().values_list("pk", "hostname"))
        setattr(request, _SITE_HOSTNAMES_ATTR, hostnames)
    return hostnames


@dataclass(frozen=True)
class PageLocation:
    """Where a page is shown: its site, its frontend path and the full frontend URL."""

    site_id: int
    hostname: str
    path: str
    url: str | None


def page_location(*, page: Page, request: Any) -> PageLocation | None:
    """The site and frontend path of ``page``, or None for a page outside every site.

    Costs no query once the request holds the site root paths, the hostnames and the
    site's frontend base URL.
    """
    url_parts = page.get_url_parts(request=request)
    if url_parts is None or url_parts[2] is None:
        return None
    site_id, _root_url, path = url_parts
    base_url = frontend_base_url(site_id=site_id, request=request)
    return PageLocation(
        site_id=site_id,
        hostname=site_hostnames(request=request)[site_id],
        path=path,
        url=base_url + path if base_url else None,
    )


def page_breadcrumbs(*, page: Page, request: Any) -> list[dict]:
    """The live ancestors of ``page`` from its site root down to its parent, in one query::

        [{"id": 3, "title": "ChemieNetzwerk Harz", "path": "/en/"},
         {"id": 9, "title": "The network", "path": "/en/the-network/"}]

    A page that is its site's root has none. Unpublished ancestors are left out: their
    paths lead nowhere.
    """
    site_root_path = next(
        (item.root_path for item in page._get_relevant_site_root_paths(request)), None
    )
    if site_root_path is None or page.url_path == site_root_path:
        return []
    ancestors = (
        Page.objects.ancestor_of(page)
        .filter(live=True, url_path__startswith=site_root_path)
        .only("pk", "title", "url_path", "path", "depth")
        .order_by("depth")
    )
    breadcrumbs = []
    for ancestor in ancestors:
        url_parts = ancestor.get_url_parts(request=request)
        if url_parts is not None and url_parts[2] is not None:
            breadcrumbs.append({"id": ancestor.pk, "title": ancestor.title, "path": url_parts[2]})
    return breadcrumbs


def localized_public_page(*, page: Page | None, locale: Locale, request: Any) -> Page | None:
    """``page``'s live, public translation in ``locale``, else ``page`` itself when it is
    live and public, else None; one query (see :func:`localized_public_pages`).

    For references that wagtail-localize keeps pointing at the German page (the group of a
    directory, the event a documentation belongs to).
    """
    if page is None:
        return None
    return localized_public_pages(page_ids=[page.pk], locale=locale, request=request).get(page.pk)


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


# Resolving a frontend path


def locale_prefixes() -> dict[str, str]:
    """``{url prefix: language code}`` of the locales whose paths carry a prefix.

    The default language has none (``i18n_patterns(prefix_default_language=False)``), so
    ``/de/...`` is not a German path but a German page with the slug ``de``.
    """
    return {
        code: code
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    }


@dataclass(frozen=True)
class FrontendPath:
    """A frontend path split into its locale and the path below the site root."""

    language_code: str
    # Slugs below the site root, each followed by "/": "" for the home page, "ueber-uns/".
    relative_url_path: str


def parse_frontend_path(path: str) -> FrontendPath:
    """The locale and page path of a frontend ``path``: percent-decoded, query string and
    fragment dropped, trailing slash optional, empty segments ignored.

    >>> parse_frontend_path("/en/about-us")
    FrontendPath(language_code='en', relative_url_path='about-us/')
    >>> parse_frontend_path("/%C3%BCber-uns/")
    FrontendPath(language_code='de', relative_url_path='über-uns/')
    """
    # Split by hand: urlparse() would read "//ueber-uns/" as a host name.
    path_only = path.split("?", 1)[0].split("#", 1)[0]
    segments = [segment for segment in unquote(path_only).split("/") if segment]
    language_code = settings.LANGUAGE_CODE
    prefixes = locale_prefixes()
    if segments and segments[0] in prefixes:
        language_code = prefixes[segments.pop(0)]
    return FrontendPath(
        language_code=language_code,
        relative_url_path="".join(f"{segment}/" for segment in segments),
    )


def site_root_url_path(*, site: Site, language_code: str, request: Any) -> str | None:
    """The url_path of ``site``'s root page in ``language_code`` (``/home-en/``), or None
    when the root has no translation in that language. No query when cached."""
    for item in site_root_paths(request=request):
        if item.site_id == site.pk and item.language_code == language_code:
            return item.root_path
    return None


def public_page_at_path(*, site: Site, path: str, request: Any) -> Page | None:
    """The live, public page (possibly an alias) that ``path`` shows on ``site``, as a plain
    ``Page``; one query. None when there is no such page."""
    frontend_path = parse_frontend_path(path)
    root_url_path = site_root_url_path(
        site=site, language_code=frontend_path.language_code, request=request
    )
    if root_url_path is None:
        return None
    url_path = root_url_path + frontend_path.relative_url_path
    return public_pages().filter(url_path=url_path).order_by("path").first()


def public_page(*, page_id: int, request: Any) -> Page | None:
    """The live, public page with ``page_id`` as a plain ``Page`` if the API serves it: not
    an alias, and in a site. One query."""
    page = (
        public_pages(BasePage.objects.all())
        .filter(pk=page_id, alias_of__isnull=True)
        .only("pk", "content_type_id", "url_path", "path", "depth", "locale_id")
        .first()
    )
    if page is None or page_location(page=page, request=request) is None:
        return None
    return page


# Listing pages

PAGE_ORDERINGS: dict[str, tuple[str, ...]] = {
    "path": ("path",),
    "title": ("title", "path"),
    "-title": ("-title", "path"),
    "first_published_at": ("first_published_at", "path"),
    "-first_published_at": ("-first_published_at", "path"),
    "last_published_at": ("last_published_at", "path"),
    "-last_published_at": ("-last_published_at", "path"),
}


def listed_pages(
    *,
    request: Any,
    site: Site | None = None,
    locale: Locale | None = None,
    page_model: type[Page] | None = None,
    child_of: Page | None = None,
    descendant_of: Page | None = None,
    order: str = "path",
) -> QuerySet:
    """Live, public pages that are no aliases and belong to a site, as ``BasePage`` rows
    (the listing fields are on them, no specific query is needed), filtered and ordered.

    ``site`` keeps the pages of that site in every locale; ``order`` is a key of
    ``PAGE_ORDERINGS`` (``path`` is tree order).
    """
    root_paths = site_root_paths(request=request)
    if site is not None:
        root_paths = [item for item in root_paths if item.site_id == site.pk]
    queryset = public_pages(BasePage.objects.all()).filter(
        in_sites_q(root_paths), alias_of__isnull=True
    )
    if locale is not None:
        queryset = queryset.filter(locale_id=locale.pk)
    if page_model is not None:
        queryset = queryset.exact_type(page_model)
    if child_of is not None:
        queryset = queryset.child_of(child_of)
    if descendant_of is not None:
        queryset = queryset.descendant_of(descendant_of)
    return queryset.order_by(*PAGE_ORDERINGS[order])
