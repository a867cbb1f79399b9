"""Queries behind the directory endpoints: organisations (the Clusteratlas), people,
fundings, site offers, newsletters, and the translations of the snippets they refer to.

Listing rule for every translatable snippet: one entry per ``translation_key``, in the
requested locale where a (live) translation exists, otherwise the German original. A
frontend in English therefore sees the whole directory, partly in German, rather than only
the few entries already translated.
"""

from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from wagtail.models import DraftStateMixin, Locale, Page, Site

from api.selectors.events import site_root_in_locale
from pages.models import NewsletterIssuePage, NewsletterSeriesPage
from pages.selectors import member_translation_keys, public_pages
from snippets.models import Funding, Organisation, Person, SiteOffer, Topic


def in_locale_with_fallback(queryset: QuerySet, *, locale: Locale) -> QuerySet:
    """``queryset`` with one row per translation: ``locale``'s where it exists, else German.

    For models with a draft state only live rows count, on both sides: an English draft
    does not hide the live German original. ``queryset`` must not be filtered by locale.
    """
    default_locale = Locale.get_default()
    candidates = queryset
    if issubclass(queryset.model, DraftStateMixin):
        candidates = candidates.filter(live=True)
    if locale.pk == default_locale.pk:
        return candidates.filter(locale_id=locale.pk)

    translated = queryset.model.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale.pk
    )
    if issubclass(queryset.model, DraftStateMixin):
        translated = translated.filter(live=True)
    return candidates.filter(
        Q(locale_id=locale.pk) | (Q(locale_id=default_locale.pk) & ~Exists(translated))
    )


def group_page(*, page_id: int) -> Page | None:
    """The network, cluster or project page with ``page_id`` in any locale, if live and
    public (the members of a private project are not public either)."""
    return (
        public_pages()
        .filter(
            pk=page_id,
            content_type__app_label="pages",
            content_type__model__in=["networkpage", "clusterpage", "projectpage"],
        )
        .first()
    )


def organisations(
    *,
    locale: Locale,
    group: Page | None = None,
    kind: str | None = None,
    sector: Topic | None = None,
    region: str | None = None,
    name_contains: str | None = None,
) -> QuerySet[Organisation]:
    """Live organisations for the Clusteratlas in ``locale`` (German where untranslated),
    ordered by name.

    ``group`` keeps the members of a network, cluster or project page (memberships hang on
    the German page and are matched by translation key, so any translation of the page
    works); ``sector`` matches by translation key too, since sector relations point at the
    German topics.
    """
    queryset = in_locale_with_fallback(Organisation.objects.all(), locale=locale)
    if group is not None:
        queryset = queryset.filter(translation_key__in=member_translation_keys(group=group))
    if kind:
        queryset = queryset.filter(kind=kind)
    if sector is not None:
        queryset = queryset.filter(sectors__translation_key=sector.translation_key).distinct()
    if region:
        queryset = queryset.filter(region=region)
    if name_contains:
        queryset = queryset.filter(name__icontains=name_contains)
    return queryset.select_related("logo").order_by("name", "pk")


def published_organisation(*, organisation_id: int) -> Organisation | None:
    """The organisation with ``organisation_id`` if it is live (in any locale)."""
    return Organisation.objects.filter(pk=organisation_id, live=True).first()


def organisation_detail(*, organisation_id: int) -> Organisation | None:
    """The live organisation with ``organisation_id``, with what its profile shows."""
    return (
        Organisation.objects.filter(pk=organisation_id, live=True)
        .select_related("logo", "locale")
        .prefetch_related("sectors")
        .first()
    )


def organisation_memberships_in_locale(
    *, organisation: Organisation, locale: Locale, request: Any = None
) -> list[dict]:
    """Memberships of ``organisation`` in live, public group pages, each with the group page
    in ``locale`` (German where untranslated) and its frontend path::

        [{"membership": <Membership>, "group": <Page>, "path": "/en/the-network/"}]

    Memberships point at the German group pages and are copied to translations of the
    organisation, so both versions list the same groups. Groups outside any site (no path)
    are left out. Two queries, whatever the number of memberships.
    """
    groups = public_pages().filter(alias_of__isnull=True)
    memberships = list(
        organisation.memberships.filter(group__in=groups)
        .select_related("group")
        .order_by("sort_order", "pk")
    )
    translated_groups = {
        page.translation_key: page
        for page in groups.filter(
            locale_id=locale.pk,
            translation_key__in={membership.group.translation_key for membership in memberships},
        )
    }
    entries = []
    for membership in memberships:
        group = translated_groups.get(membership.group.translation_key, membership.group)
        url_parts = group.get_url_parts(request=request)
        if url_parts is None or url_parts[2] is None:
            continue
        entries.append({"membership": membership, "group": group, "path": url_parts[2]})
    return entries


def sector_by_slug(*, slug: str) -> Topic | None:
    """The sector with ``slug`` in any locale (slugs are copied to translations)."""
    return Topic.objects.filter(slug=slug, kind="sector").order_by("locale_id").first()


def people(*, locale: Locale, organisation: Organisation | None = None) -> QuerySet[Person]:
    """People in ``locale`` (German where untranslated), by last and first name.

    ``organisation`` keeps the people of that organisation in any of its locales: people
    point at the German organisation, translations included.
    """
    queryset = in_locale_with_fallback(Person.objects.all(), locale=locale)
    if organisation is not None:
        queryset = queryset.filter(organisation__translation_key=organisation.translation_key)
    return queryset.select_related("photo", "organisation").order_by(
        "last_name", "first_name", "pk"
    )


def fundings(*, locale: Locale) -> QuerySet[Funding]:
    """Fundings in ``locale`` (German where untranslated), newest grant first."""
    queryset = in_locale_with_fallback(Funding.objects.all(), locale=locale)
    return queryset.select_related("recipient").order_by("-start_date", "title", "pk")


def site_offers(*, locale: Locale, kind: str | None = None, region: str | None = None):
    """Site offers in ``locale`` (German where untranslated), with coordinates only."""
    queryset = in_locale_with_fallback(SiteOffer.objects.all(), locale=locale).filter(
        latitude__isnull=False, longitude__isnull=False
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if region:
        queryset = queryset.filter(region=region)
    return queryset.select_related("locale", "image", "contact").order_by("city", "title", "pk")


def newsletter_series(*, site: Site, locale: Locale) -> QuerySet[NewsletterSeriesPage]:
    """Live, public newsletter series of ``site`` in ``locale``, in the order of the page
    tree, aliases (untranslated stand-ins) left out."""
    root = site_root_in_locale(site=site, locale=locale)
    if root is None:
        return NewsletterSeriesPage.objects.none()
    return (
        public_pages(NewsletterSeriesPage.objects.all())
        .descendant_of(root)
        .filter(locale_id=locale.pk, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )


def published_newsletter_series(*, series_id: int) -> NewsletterSeriesPage | None:
    """The live, public newsletter series with ``series_id``; None for aliases too."""
    return (
        public_pages(NewsletterSeriesPage.objects.all())
        .filter(pk=series_id, alias_of__isnull=True)
        .first()
    )


def newsletter_issues(
    *, series: NewsletterSeriesPage, year: int | None = None
) -> QuerySet[NewsletterIssuePage]:
    """Live, public issues of ``series``, newest first (by publication date, then year and
    number for issues without a date)."""
    queryset = (
        public_pages(NewsletterIssuePage.objects.all())
        .child_of(series)
        .filter(alias_of__isnull=True)
        .select_related("locale", "cover_image", "pdf_edition")
    )
    if year is not None:
        queryset = queryset.filter(year=year)
    return queryset.order_by(
        F("publication_date").desc(nulls_last=True),
        F("year").desc(nulls_last=True),
        F("issue_number").desc(nulls_last=True),
        "-pk",
    )
