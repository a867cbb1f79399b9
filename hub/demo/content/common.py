"""Shared helpers: organisations, topics, dates, home, event and documentation pages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.text import slugify
from wagtail.models import Locale

from hub.demo import markup as m
from hub.demo.markup import document, rich
from pages.models import (
    DocumentationItemPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from snippets.models import Membership, Organisation, Topic

BERLIN = ZoneInfo("Europe/Berlin")
FICTIONAL_NOTE = "Fiktives Unternehmen der Demo-Inhalte; Name und Angaben sind erfunden."


@dataclass(frozen=True)
class Org:
    """An organisation as the site modules list it; ``fictional`` ones get a note."""

    name: str
    kind: str
    city: str
    postal_code: str
    region: str
    coordinates: tuple[str, str] | None
    sectors: tuple[str, ...] = ()
    summary: str = ""
    legal_form: str = ""
    street: str = ""
    website: str = ""
    employee_band: str = ""
    founded_year: int | None = None
    fictional: bool = True
    extra: dict = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return slugify(self.name)


def org_table(table: str, **fields) -> list[Org]:
    """Fictional GmbHs from a table of two-line rows::

    name | postal code | city | latitude longitude | employees
        sectors | profile
    """
    rows = []
    for head, tail in zip(*[iter(table.strip().splitlines())] * 2, strict=True):
        name, postal_code, city, position, band = (cell.strip() for cell in head.split("|"))
        sectors, profile = (cell.strip() for cell in tail.split("|"))
        rows.append(
            Org(
                name=name,
                postal_code=postal_code,
                city=city,
                coordinates=tuple(f"{float(c):.6f}" for c in position.split()),
                sectors=tuple(sectors.split()),
                summary=profile,
                legal_form="GmbH",
                employee_band=band,
                **fields,
            )
        )
    return rows


def topics(*slugs: str) -> list[Topic]:
    """The topics with these slugs in the default locale, in the order given."""
    found = {t.slug: t for t in Topic.objects.filter(slug__in=slugs, locale=Locale.get_default())}
    return [found[slug] for slug in slugs]


def organisation(
    builder, org: Org, *, group=None, role: str = "member", logo: bool = False
) -> Organisation:
    """Create ``org`` once (published), with a membership in ``group`` when given."""
    latitude, longitude = org.coordinates or (None, None)
    description = rich(*(p for p in (org.summary, FICTIONAL_NOTE if org.fictional else "") if p))
    fields = {
        "name": org.name,
        "kind": org.kind,
        "legal_form": org.legal_form,
        "summary": org.summary,
        "description": description,
        "street": org.street,
        "postal_code": org.postal_code,
        "city": org.city,
        "region": org.region,
        "latitude": latitude,
        "longitude": longitude,
        "website": org.website,
        "employee_band": org.employee_band,
        "founded_year": org.founded_year,
        "sectors": topics(*org.sectors),
        "logo": builder.logo(org.name) if logo else None,
        "memberships": [Membership(group=group, role=role)] if group is not None else [],
        **org.extra,
    }
    return builder.snippet(Organisation, {"slug": org.slug}, **fields)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    """A moment in German local time."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def home_page(builder, owner: Organisation, *, intro: str, body: list) -> HomePage:
    """The current site's home page, run by ``owner``, with a generated hero image and the
    legal pages every site links to from its footer."""
    spec = builder.site
    home = builder.home(
        spec,
        HomePage,
        title=spec.name,
        tagline=spec.tagline,
        intro=intro,
        hero_image=builder.image(spec.name, spec.hero_caption),
        organisation=owner,
        body=body,
    )
    legal_pages(builder, home, owner)
    return home


def legal_pages(builder, home: HomePage, owner: Organisation) -> None:
    """Imprint and privacy notice below ``home``, in the footer rather than the main menu."""
    builder.page(
        home,
        StandardPage,
        "impressum",
        title="Impressum",
        show_in_footer=True,
        intro="Angaben zum Anbieter dieser Website.",
        body=[
            m.paragraph(
                "Diese Website wird von der unten genannten Organisation betrieben. Sie ist "
                "für die Inhalte verantwortlich, soweit nicht anders angegeben."
            ),
            m.organisations("Anbieter", [owner]),
        ],
    )
    builder.page(
        home,
        StandardPage,
        "datenschutz",
        title="Datenschutz",
        show_in_footer=True,
        intro="Wie diese Website mit personenbezogenen Daten umgeht.",
        body=[
            m.paragraph(
                "Kontaktdaten von Personen zeigt diese Website nur mit deren Einwilligung. "
                "Wer den Newsletter bestellt, kann ihn jederzeit wieder abbestellen."
            ),
        ],
    )


def event(slug, title, start, end, event_format: str, intro: str, **fields) -> dict:
    """The fields of an EventPage; trade fairs and events without an end last all day."""
    all_day = fields.pop("all_day", event_format == "trade_fair" or end is None)
    return {
        "slug": slug,
        "title": title,
        "start": start,
        "end": end,
        "all_day": all_day,
        "format": event_format,
        "intro": intro,
        **fields,
    }


def event_pages(
    builder, home, slug: str, title: str, events: list[dict], *, intro: str = "", **shared
) -> dict:
    """An event index below ``home`` with one EventPage per entry; returns them by slug."""
    index = builder.page(home, EventIndexPage, slug, title=title, intro=intro, show_in_menus=True)
    return {row["slug"]: builder.page(index, EventPage, **shared, **row) for row in events}


def news_pages(builder, home, items: dict[str, dict], *, intro: str = "") -> None:
    """The news index "Aktuelles" below ``home`` with a NewsPage per slug in ``items``."""
    index = builder.page(
        home, NewsIndexPage, "aktuelles", title="Aktuelles", intro=intro, show_in_menus=True
    )
    for slug, fields in items.items():
        builder.page(index, NewsPage, slug, **fields)


def documentation_page(
    builder, series, slug: str, title: str, held: EventPage, summary: str, files: list, **fields
) -> DocumentationItemPage:
    """The documentation of the event ``held``, with a generated PDF for each
    ``(document title, note)`` in ``files``.
    """
    return builder.page(
        series,
        DocumentationItemPage,
        slug,
        title=title,
        event_title=held.title,
        event_date=held.start.date(),
        venue=held.venue_name,
        city=held.city,
        summary=summary,
        related_event=held,
        documents=[document(builder.document(name, summary), note) for name, note in files],
        **fields,
    )
