"""Queries behind the page models: frontend addresses, alternates in other languages and
the members of a group page."""

from types import SimpleNamespace
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import Locale, Page, PageViewRestriction

_REQUEST_CACHE_ATTR = "_pages_frontend_base_urls"


def frontend_base_url(*, site_id: int, request: Any = None) -> str:
    """The frontend base URL of a site without trailing slash, or "" when none is set.

    Looked up by ``site_id`` rather than through ``FrontendSettings.for_request``: the page's
    site is not necessarily the site the request came in on (the admin serves every site).
    The answer is remembered on ``request``, so listing many pages costs one query per site.
    A read-only lookup also avoids the row that ``for_site`` would create for every site.
    """
    cache = getattr(request, _REQUEST_CACHE_ATTR, None) if request is not None else None
    if cache is not None and site_id in cache:
        return cache[site_id]

    frontend_settings = apps.get_model("hub", "FrontendSettings")
    base_url = (
        frontend_settings.objects.filter(site_id=site_id).values_list("base_url", flat=True).first()
        or ""
    ).rstrip("/")

    if request is not None:
        if cache is None:
            cache = {}
            try:
                setattr(request, _REQUEST_CACHE_ATTR, cache)
            except AttributeError:
                return base_url
        cache[site_id] = base_url
    return base_url


def view_restrictions_covering() -> QuerySet:
    """Restrictions on the outer page or one of its ancestors, for ``Exists()``."""
    return PageViewRestriction.objects.filter(
        # A restriction's page path prefixes the paths of every page below it.
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )


def public_pages(queryset: QuerySet | None = None) -> QuerySet:
    """Live pages outside any view restriction, aliases included; one query, no lookups."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(live=True).exclude(Exists(view_restrictions_covering()))


def page_alternates(*, page: Page, request: Any = None) -> list[dict]:
    """The live, public versions of ``page`` in each locale, ``page`` itself included.

    For hreflang links and language switchers, ordered as ``settings.LANGUAGES`` lists the
    languages; ``path`` is the page's path on its site with the locale prefix::

        [{"locale": "de", "path": "/ueber-uns/", "id": 7},
         {"locale": "en", "path": "/en/about-us/", "id": 12}]

    Drafts and pages under a view restriction are left out, and so are aliases of other
    pages: wagtail-localize creates them as stand-ins for untranslated pages and they show
    the German content. One query, whatever the number of locales; the paths come from the
    site root paths that Wagtail caches (on ``request`` too, when one is given).
    """
    # Plain Page rows suffice: page types change the URL's host (the frontend), not its path.
    translations = (
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .filter(Q(alias_of__isnull=True) | Q(pk=page.pk))
        .exclude(Exists(view_restrictions_covering()))
        .select_related("locale")
    )

    # Any object can hold the site root paths between the calls; a request keeps them.
    cache_object = request if request is not None else SimpleNamespace()
    alternates = []
    for translation in translations:
        url_parts = translation.get_url_parts(request=cache_object)
        if url_parts is None or url_parts[2] is None:
            continue
        alternates.append(
            {
                "locale": translation.locale.language_code,
                "path": url_parts[2],
                "id": translation.pk,
            }
        )

    language_order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    return sorted(
        alternates, key=lambda item: language_order.get(item["locale"], len(language_order))
    )


def member_translation_keys(*, group: Page) -> QuerySet:
    """Translation keys of the organisations with a membership in ``group``.

    Memberships are attached to the source page of a group; matching on the page's
    translation key lets every translation of that page see the same members.
    """
    membership = apps.get_model("snippets", "Membership")
    return (
        membership.objects.filter(group__translation_key=group.translation_key)
        .values("organisation__translation_key")
        .distinct()
    )


def organisations_in_group(*, group: Page, locale: Locale | None = None) -> QuerySet:
    """Live organisations that are members of ``group``, in ``locale`` (default: the group's)."""
    organisation = apps.get_model("snippets", "Organisation")
    locale_id = locale.pk if locale is not None else group.locale_id
    return organisation.objects.filter(
        live=True,
        locale_id=locale_id,
        translation_key__in=member_translation_keys(group=group),
    ).order_by("name")


def member_counts_by_kind(*, group: Page) -> dict[str, int]:
    """Number of live member organisations of ``group`` per organisation kind, in one query.

    Each organisation counts once, however many locales it has been translated into.
    """
    organisation = apps.get_model("snippets", "Organisation")
    rows = (
        organisation.objects.filter(
            live=True, translation_key__in=member_translation_keys(group=group)
        )
        .values("kind")
        .annotate(count=Count("translation_key", distinct=True))
        .order_by("-count", "kind")
    )
    return {row["kind"]: row["count"] for row in rows}
