# German typography: en dashes in ranges and asides.
# ruff: noqa: RUF001
"""The Metropolregion's Termine, its event documentation and its pool of plots and halls.

The FORUM Mitteldeutschland 2019 (4 March, "Strukturwandel und Regionalentwicklung im
Mitteldeutschen Revier") is from the association's page; the 2027 events and the site
offers are invented, at real places with plausible sizes.
"""

import datetime

from hub.demo import markup as m
from hub.demo.content.common import at, documentation_page, event, event_pages, topics
from pages.models import (
    DocumentSeriesPage,
    StandardPage,
)
from snippets.choices import Region, SiteOfferKind
from snippets.models import SiteOffer

FORUM_THEME = "Strukturwandel und Regionalentwicklung im Mitteldeutschen Revier"

EVENTS = [
    event(
        "forum-mitteldeutschland-2019",
        "FORUM Mitteldeutschland 2019",
        at(2019, 3, 4),
        None,
        "forum",
        f"Im Mittelpunkt stand das Thema „{FORUM_THEME}“.",
    ),
    event(
        "clustermanager-treffen-2027",
        "Treffen der Clustermanager Mitteldeutschlands",
        at(2027, 2, 25, 13),
        at(2027, 2, 25, 17),
        "network_meeting",
        "Clustermanagerinnen und -manager aus drei Ländern stimmen ihre Vorhaben ab.",
        city="Halle (Saale)",
    ),
    event(
        "webinar-foerderung-wasserstoff-2027",
        "Webinar: Förderprogramme für Wasserstoffprojekte",
        at(2027, 4, 15, 10),
        at(2027, 4, 15, 11, 30),
        "webinar",
        "Welche Programme von Land, Bund und EU Vorhaben rund um grünen Wasserstoff fördern.",
    ),
    event(
        "exkursion-chemiestandort-leuna-2027",
        "Exkursion zum Chemiestandort Leuna",
        at(2027, 6, 10, 9),
        at(2027, 6, 10, 15),
        "excursion",
        "Rundgang über einen der großen Chemiestandorte des Mitteldeutschen Reviers.",
        city="Leuna",
    ),
    event(
        "expo-real-2027",
        "Gemeinschaftsstand auf der EXPO REAL 2027",
        at(2027, 10, 4),
        at(2027, 10, 6, 18),
        "trade_fair",
        "Die Metropolregion stellt Investoren ihre Gewerbeflächen und Hallenobjekte vor.",
        city="München",
    ),
]

# title, kind, area, plot area, postal code, city, region, latitude, longitude, note
OFFERS = [
    (
        "Gewerbefläche im Star Park Halle",
        SiteOfferKind.PLOT,
        42_000,
        None,
        "06188",
        "Halle (Saale)",
        Region.SACHSEN_ANHALT,
        "51.493100",
        "12.085300",
        "Voll erschlossen, direkter Anschluss an die A 14.",
    ),
    (
        "Industriefläche am Erfurter Kreuz",
        SiteOfferKind.PLOT,
        85_000,
        None,
        "99334",
        "Amt Wachsenburg",
        Region.THUERINGEN,
        "50.873500",
        "10.974500",
        "Großflächige Industrieansiedlung, teilbar ab 20.000 m².",
    ),
    (
        "Chemiestandortfläche Bitterfeld-Wolfen",
        SiteOfferKind.PLOT,
        30_000,
        None,
        "06749",
        "Bitterfeld-Wolfen",
        Region.SACHSEN_ANHALT,
        "51.640800",
        "12.290500",
        "Im Chemiepark, mit Anschluss an Medien- und Rohstoffverbund.",
    ),
    (
        "Logistikhalle am Flughafen Leipzig/Halle",
        SiteOfferKind.HALL,
        12_500,
        30_000,
        "04435",
        "Schkeuditz",
        Region.SACHSEN,
        "51.418200",
        "12.224900",
        "Hallenhöhe 12 m, 14 Andocktore, Vorfeldnähe.",
    ),
    (
        "Produktionshalle in Chemnitz-Süd",
        SiteOfferKind.HALL,
        4_800,
        11_000,
        "09125",
        "Chemnitz",
        Region.SACHSEN,
        "50.800300",
        "12.930100",
        "Kranbahn 10 t, Büroanteil 600 m².",
    ),
    (
        "Fertigungshalle in Jena-Göschwitz",
        SiteOfferKind.HALL,
        2_600,
        6_500,
        "07745",
        "Jena",
        Region.THUERINGEN,
        "50.884700",
        "11.590200",
        "Reinraumfähig, nahe Hochschulen und Optikunternehmen.",
    ),
]


def _documentation(b, home, forum):
    series = b.page(
        home,
        DocumentSeriesPage,
        "veranstaltungsdokumentation",
        title="Veranstaltungsdokumentation",
        show_in_menus=True,
        intro="Berichte und Unterlagen zu den Veranstaltungen der Metropolregion.",
    )
    documentation_page(
        b,
        series,
        "forum-mitteldeutschland-2019",
        "Dokumentation FORUM Mitteldeutschland 2019",
        forum,
        f"Das FORUM 2019 widmete sich dem Thema „{FORUM_THEME}“.",
        [("FORUM Mitteldeutschland 2019 – Dokumentation", "Zusammenfassung der Beiträge.")],
    )


def _offers(b):
    for title, kind, area, plot, postal_code, city, region, lat, lon, note in OFFERS:
        b.snippet(
            SiteOffer,
            {"title": title},
            kind=kind,
            description=m.rich(note, "Beispielangebot der Demo-Inhalte."),
            area_m2=area,
            plot_area_m2=plot,
            postal_code=postal_code,
            city=city,
            region=region,
            latitude=lat,
            longitude=lon,
            available_from=datetime.date(2027, 1, 1),
            price_note="Preis auf Anfrage",
            image=b.image(title, city) if kind == SiteOfferKind.HALL else None,
        )


def build(b, home, *, organiser) -> None:
    events = event_pages(
        b,
        home,
        "termine",
        "Termine",
        EVENTS,
        intro="Veranstaltungen aus Wirtschaft und Wissenschaft in und aus Mitteldeutschland.",
        organiser=organiser,
        topics=topics("strukturwandel"),
    )
    _documentation(b, home, events["forum-mitteldeutschland-2019"])
    _offers(b)
    b.page(
        home,
        StandardPage,
        "gewerbeflaechen",
        title="Industrie- und Gewerbeflächen-Pool",
        show_in_menus=True,
        intro="Gewerbeflächen und Hallenobjekte in Sachsen, Sachsen-Anhalt und Thüringen – "
        "als Liste und auf der Standortkarte.",
        body=[
            m.paragraph(
                "Investoren finden hier verfügbare Flächen und Hallen mit Größe, Lage und "
                "Ansprechpartnern. Die Angebote werden laufend aktualisiert."
            ),
        ],
    )
