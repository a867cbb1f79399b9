"""Redirects that editors manage in Wagtail (Settings → Redirects), looked up for a frontend.

The hub does not serve the frontend's pages, so Wagtail's redirect middleware never sees
the frontend's 404s. A frontend asks instead: "is there a redirect for this path on my
site?" and answers with the redirect itself. The lookup follows the middleware: the path is
normalised the way Wagtail stores it (``Redirect.normalise_path``), tried percent-encoded
and decoded, with and without its query string, and a redirect for the site wins over one
for all sites.
"""

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlparse

from django.db.models import Q
from django.urls import Resolver404
from django.utils.encoding import uri_to_iri
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from api.selectors.pages import page_location
from pages.selectors import public_pages


@dataclass(frozen=True)
class RedirectTarget:
    """Where a frontend sends a visitor who asked for ``old_path``.

    ``location`` is a path on the same site (``/en/about-us/``) when ``is_external`` is
    False, otherwise an absolute URL (another site's page or any address on the web).
    """

    status_code: int
    location: str
    is_external: bool
    old_path: str


def _candidate_paths(path: str) -> list[str]:
    """Stored forms that ``path`` may match, most specific first (as the middleware tries them)."""
    if "\0" in path:
        # PostgreSQL refuses NUL in text; such a path cannot match anything.
        return []
    encoded = Redirect.normalise_path(path, decode_unicode=False)
    candidates = [uri_to_iri(encoded), encoded]
    without_query = urlparse(encoded).path
    candidates += [uri_to_iri(without_query), without_query]
    return list(dict.fromkeys(candidates))


def _matching_redirect(*, site: Site, path: str) -> Redirect | None:
    candidates = _candidate_paths(path)
    if not candidates:
        return None
    redirects = Redirect.objects.filter(
        Q(site=site) | Q(site__isnull=True), old_path__in=candidates
    ).select_related("redirect_page")
    rank = {candidate: index for index, candidate in enumerate(candidates)}
    # The most specific path first; for one path, the site's own redirect before the global one.
    ranked = sorted(redirects, key=lambda r: (rank[r.old_path], r.site_id is None))
    return ranked[0] if ranked else None


def _page_location(redirect: Redirect, *, site: Site, request: Any) -> tuple[str, bool] | None:
    """The frontend address of the redirect's page and whether it is on another site, or
    None when the page is not live and public."""
    if not public_pages().filter(pk=redirect.redirect_page_id).exists():
        return None
    page = redirect.redirect_page.specific
    location = page_location(page=page, request=request)
    if location is None:
        return None
    route_path = redirect.redirect_page_route_path
    if location.site_id == site.pk:
        return _with_route(page, location.path, route_path), False
    # A page of another site: the frontend needs that site's full address.
    if location.url is None:
        return None
    return _with_route(page, location.url, route_path), True


def _with_route(page: Page, address: str, route_path: str) -> str:
    """``address`` extended by the redirect's sub-route when the page really has that route."""
    if not route_path:
        return address
    try:
        page.resolve_subpage(route_path)
    except (AttributeError, Resolver404):
        return address
    return address.rstrip("/") + route_path


def find_redirect(*, site: Site, path: str, request: Any = None) -> RedirectTarget | None:
    """The redirect for ``path`` on ``site``, or None when there is none or its target is gone.

    ``path`` is the frontend path as visitors requested it, query string included
    (``/alte-seite/?ref=mail``). A redirect to a page points at that page's frontend path in
    the page's own locale, and only while the page is live and public; ``request`` (optional)
    lets repeated lookups share Wagtail's site root paths::

        >>> find_redirect(site=site, path="/alt/ueber-uns")
        RedirectTarget(status_code=301, location="/ueber-uns/", is_external=False,
                       old_path="/alt/ueber-uns")
    """
    redirect = _matching_redirect(site=site, path=path)
    if redirect is None:
        return None
    # Page locations are cached on the request; any object can hold them between calls.
    request = request if request is not None else SimpleNamespace()
    status_code = 301 if redirect.is_permanent else 302

    if redirect.redirect_page_id is not None:
        target = _page_location(redirect, site=site, request=request)
        if target is None:
            return None
        location, is_external = target
    elif redirect.redirect_link:
        location = redirect.redirect_link
        is_external = not location.startswith("/") or location.startswith("//")
    else:
        return None

    return RedirectTarget(
        status_code=status_code,
        location=location,
        is_external=is_external,
        old_path=redirect.old_path,
    )
