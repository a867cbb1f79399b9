# German typography: en dashes in ranges and asides.
# ruff: noqa: RUF001
"""The Zukunftscluster's events and publications: Termine, CKreihe and CKnews.

CKnews (a quarterly themed newsletter) and CKreihe (documents on the events held) are
named in the cluster's texts; the issues, events and their dates are invented for the demo.
"""

import datetime

from hub.demo import markup as m
from hub.demo.content.common import at, documentation_page, event, event_pages, topics
from pages.models import (
    DocumentSeriesPage,
    NewsletterIssuePage,
    NewsletterSeriesPage,
)

EVENTS = [
    event(
        "roadmap-workshop-chemisches-recycling-2026",
        "Roadmap-Workshop Chemisches Recycling",
        at(2026, 3, 12, 10),
        at(2026, 3, 12, 16),
        "workshop",
        "Unternehmen und Forschung sammeln, welche Verfahren zur Rückgewinnung von Rohstoffen "
        "aus Kunststoffabfällen sie in den nächsten Jahren brauchen.",
        venue_name="Kulturhaus Leuna",
        postal_code="06237",
        city="Leuna",
    ),
    event(
        "clusterforum-kunststoffe-im-kreislauf-2026",
        "Clusterforum Kunststoffe im Kreislauf",
        at(2026, 6, 18, 9, 30),
        at(2026, 6, 18, 17),
        "forum",
        "Verarbeiter, Rezyklathersteller und Chemieparks diskutieren, wie mehr Rezyklat in "
        "langlebige Kunststoffprodukte gelangt.",
        venue_name="Tagungszentrum Schkopau",
        postal_code="06258",
        city="Schkopau",
    ),
    event(
        "clustertreffen-2027",
        "Clustertreffen Chemie/Kunststoffe 2027",
        at(2027, 5, 20, 13),
        at(2027, 5, 20, 18),
        "network_meeting",
        "Das jährliche Treffen der Akteure: Bericht des Clustermanagements, Kurzvorträge aus "
        "den Mitgliedsunternehmen und Zeit für Gespräche.",
        venue_name="Konferenzzentrum Halle",
        postal_code="06108",
        city="Halle (Saale)",
        registration_deadline=datetime.date(2027, 5, 6),
    ),
]

# number, event slug, summary, documents (title, text)
DOCUMENTATION = [
    (
        1,
        "roadmap-workshop-chemisches-recycling-2026",
        "Rund 40 Teilnehmende aus Unternehmen und Instituten haben Forschungsbedarfe für "
        "chemische Recyclingverfahren gesammelt und nach Dringlichkeit geordnet.",
        [
            ("CKreihe 1 – Ergebnisprotokoll Roadmap-Workshop", "Die gesammelten Bedarfe."),
            ("CKreihe 1 – Präsentation Clustermanagement", "Einführung in den Roadmap-Prozess."),
        ],
    ),
    (
        2,
        "clusterforum-kunststoffe-im-kreislauf-2026",
        "Das Forum zeigte Beispiele für Rezyklat in technischen Bauteilen und benannte Hürden "
        "bei Qualität, Normung und Beschaffung.",
        [("CKreihe 2 – Tagungsband Clusterforum", "Alle Vorträge des Forums.")],
    ),
]

# number, quarter, publication date, theme, editorial, articles (headline, teaser, text)
ISSUES = [
    (
        1,
        1,
        datetime.date(2026, 3, 20),
        "Wasserstoff als Rohstoff der Chemie",
        "Grüner Wasserstoff verändert die Rohstoffbasis der Chemie in Mitteldeutschland.",
        [
            (
                "Vom Elektrolyseur in den Chemiepark",
                "Wie Wasserstoff aus erneuerbarem Strom die Standorte erreicht.",
                "Pipelines, Speicher und Abnehmer müssen zusammenfinden. Das Cluster bringt "
                "die Beteiligten an einen Tisch.",
            ),
            (
                "Roadmap-Workshop angekündigt",
                "Im März sammeln Unternehmen und Forschung ihre Bedarfe zum chemischen Recycling.",
                "Die Ergebnisse erscheinen in der CKreihe.",
            ),
        ],
    ),
    (
        2,
        2,
        datetime.date(2026, 6, 24),
        "Kunststoffe im Kreislauf",
        "Rezyklate sind gefragt – doch Qualität und Mengen müssen stimmen.",
        [
            (
                "Rezyklat im technischen Bauteil",
                "Was Verarbeiter brauchen, damit Rezyklat Neuware ersetzen kann.",
                "Gleichbleibende Eigenschaften und verlässliche Lieferungen stehen ganz oben.",
            ),
            (
                "Rückblick auf das Clusterforum",
                "Über hundert Gäste diskutierten in Schkopau.",
                "Der Tagungsband steht in der CKreihe zum Download bereit.",
            ),
        ],
    ),
    (
        3,
        3,
        datetime.date(2026, 9, 23),
        "Fachkräfte für Chemie und Kunststoffe",
        "Ausbildung und Studium in der Region – und wie Betriebe Nachwuchs gewinnen.",
        [
            (
                "Ausbildung im Verbund",
                "Kleine Betriebe bilden gemeinsam mit großen Standorten aus.",
                "Verbundausbildung senkt den Aufwand und erweitert die Praxis der Auszubildenden.",
            ),
        ],
    ),
]


def _documentation(b, home, events):
    series = b.page(
        home,
        DocumentSeriesPage,
        "ckreihe",
        title="CKreihe",
        show_in_menus=True,
        short_name="CKreihe",
        intro="Dokumente zu den Veranstaltungen des Zukunftsclusters: Protokolle, "
        "Präsentationen und Tagungsbände.",
    )
    for number, event_slug, summary, documents in DOCUMENTATION:
        held = events[event_slug]
        picture = b.image(held.title, held.city)
        documentation_page(
            b,
            series,
            f"ckreihe-{number}",
            f"CKreihe {number}: {held.title}",
            held,
            summary,
            documents,
            number_in_series=number,
            gallery=[m.image(picture, picture.description)],
        )
    return series


def _newsletter(b, home, author):
    series = b.page(
        home,
        NewsletterSeriesPage,
        "cknews",
        title="CKnews",
        show_in_menus=True,
        short_name="CKnews",
        frequency="quarterly",
        intro="Der thematische Newsletter des Zukunftsclusters erscheint viermal im Jahr.",
    )
    for number, quarter, published, theme, editorial, articles in ISSUES:
        label = f"CKnews {number}/{published.year}"
        cover = b.image(f"{label}: {theme}", "Newsletter des Zukunftsclusters")
        b.page(
            series,
            NewsletterIssuePage,
            f"cknews-{published.year}-{number}",
            title=f"{label} – {theme}",
            issue_number=number,
            year=published.year,
            quarter=quarter,
            theme=theme,
            publication_date=published,
            cover_image=cover,
            editorial=m.rich(editorial),
            articles=[
                m.article(
                    headline,
                    teaser,
                    m.rich(text),
                    # The lead article carries the cover picture and the manager's byline.
                    picture=cover if i == 0 else None,
                    alt_text=theme,
                    author=author if i == 0 else None,
                )
                for i, (headline, teaser, text) in enumerate(articles)
            ],
            pdf_edition=b.document(f"{label} (PDF-Ausgabe)", theme, editorial),
        )
    return series


def build(b, home, *, organiser, managers) -> list:
    """Events, CKreihe and CKnews below ``home``; returns the two series pages."""
    events = event_pages(
        b,
        home,
        "termine",
        "Termine",
        EVENTS,
        organiser=organiser,
        topics=topics("chemie", "kunststoffe"),
    )
    return [_newsletter(b, home, managers[0]), _documentation(b, home, events)]
