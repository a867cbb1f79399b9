"""Queries behind the page models: frontend addresses and the members of a group page."""

from typing import Any

from django.apps import apps
from django.db.models import Count, QuerySet
from wagtail.models import Locale, Page

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
