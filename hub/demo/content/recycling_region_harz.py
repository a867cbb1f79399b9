# German typography: en dashes in ranges and asides.
# ruff: noqa: RUF001
"""Innovationsforum Recycling Region Harz: a BMBF-funded project (reference 01MI2001).

Facts from the project description: the Harz as a raw-material region, the challenges of
SMEs in the waste sector, the goals (research needs, new networks, workshops and a two-day
event with stands and lectures) and the reference number, which belongs to the BMBF
programme "Innovationsforen Mittelstand". The amount is not public and stays empty; the
project period and the workshop dates are assumptions of the demo.
"""

import datetime

from hub.demo import markup as m
from hub.demo.builder import SiteSpec
from hub.demo.content.chemienetzwerk_members import MEMBERS as HARZ_MEMBERS
from hub.demo.content.chemienetzwerk_members import TU_CLAUSTHAL
from hub.demo.content.common import Org, at, event, event_pages, home_page, organisation, topics
from hub.demo.images import Palette
from pages.models import (
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    StandardPage,
)
from snippets.choices import OrganisationKind as Kind
from snippets.choices import Region
from snippets.models import Funding

SITE = SiteSpec(
    name="Innovationsforum Recycling Region Harz",
    hostname="recycling-region-harz.localhost",
    palette=Palette("#1b4332", "#40916c", "#ffd166"),
    tagline="Rohstoffe aus dem Kreislauf",
    hero_caption="Förderkennzeichen 01MI2001",
)

REWIMET = Org(
    "REWIMET",
    Kind.NETWORK,
    "Clausthal-Zellerfeld",
    "38678",
    Region.NIEDERSACHSEN,
    ("51.807000", "10.338000"),
    ("recycling", "metallurgie"),
    "Recycling-Cluster wirtschaftsstrategische Metalle: Unternehmen, Forschung und "
    "Gebietskörperschaften rund um das Recycling im Harz.",
    legal_form="e.V.",
    founded_year=2011,
    fictional=False,
)

INTRO = (
    "Das Innovationsforum gibt kleinen und mittleren Unternehmen der Recyclingwirtschaft im "
    "Harz eine Bühne: für ihren Forschungsbedarf, für neue Kontakte und für gemeinsame Projekte."
)

GOALS = m.rich(
    "Das Forum soll Betrieben, Forschung und Kommunen helfen, sich neu zu vernetzen:",
    bullets=(
        "KMU formulieren ihren Forschungsbedarf und stellen ihn Forschungseinrichtungen vor.",
        "Unternehmen tauschen sich aus und gehen Kooperationen ein, die ihre Innovationskraft "
        "stärken.",
        "In Workshops und auf einer zweitägigen Veranstaltung mit Ständen, Vorträgen und "
        "Gesprächen entstehen Netzwerke aus Unternehmen, Forschung und Gebietskörperschaften.",
        "Die Akteure identifizieren sich stärker mit ihrer Region, und die Recyclingregion Harz "
        "strahlt als Leuchtturm in ihr Umland aus.",
    ),
)

EVENTS = [
    event(
        "workshop-forschungsbedarf",
        "Workshop 1: Forschungsbedarf der Recycling-KMU",
        at(2020, 11, 12, 10),
        at(2020, 11, 12, 13),
        "workshop",
        "Betriebe beschreiben technische Fragen, die sie allein nicht lösen können.",
    ),
    event(
        "workshop-logistik-stoffstroeme",
        "Workshop 2: Logistik und wechselnde Stoffströme",
        at(2021, 1, 21, 10),
        at(2021, 1, 21, 13),
        "workshop",
        "Wie Sammlung, Transport und Sortierung mit schwankenden Eingangsmengen umgehen.",
    ),
    event(
        "workshop-fachkraefte",
        "Workshop 3: Fachkräfte für die Kreislaufwirtschaft",
        at(2021, 3, 4, 10),
        at(2021, 3, 4, 13),
        "workshop",
        "Ausbildung, Weiterbildung und Nachwuchswerbung in der Abfallwirtschaft.",
    ),
    event(
        "innovationsforum-2021",
        "Innovationsforum Recyclingregion Harz 2021",
        at(2021, 4, 29),
        at(2021, 4, 30, 23, 59),
        "trade_fair",
        "Zwei Tage mit virtuellen Messeständen, Fachvorträgen und Gesprächen zwischen KMU, "
        "Forschung, Wirtschaftsförderung und Kommunen.",
    ),
]


def _project(b, projects, lead):
    funding = b.snippet(
        Funding,
        {"reference_number": "01MI2001"},
        title="Innovationsforum Recycling Region Harz",
        funder="Bundesministerium für Bildung und Forschung",
        programme="Innovationsforen Mittelstand",
        start_date=datetime.date(2020, 7, 1),
        end_date=datetime.date(2021, 6, 30),
        description="Förderkennzeichen 01MI2001. Die Projektlaufzeit ist in den Demo-Inhalten "
        "angenommen.",
    )
    partners = [organisation(b, TU_CLAUSTHAL)] + [
        organisation(b, org)
        for org in HARZ_MEMBERS
        if org.fictional and org.kind == Kind.COMPANY and "recycling" in org.sectors
    ]
    roles = ["Forschungspartner"] + ["KMU-Partner"] * (len(partners) - 1)
    return b.page(
        projects,
        ProjectPage,
        "projekt",
        title="Das Innovationsforum",
        show_in_menus=True,
        intro=INTRO,
        lead_organisation=lead,
        fundings=[funding],
        start_date=funding.start_date,
        end_date=funding.end_date,
        goals=GOALS,
        partners=[
            ProjectPartner(organisation=org, role=role)
            for org, role in zip(partners, roles, strict=True)
        ],
        body=[
            m.heading("Ausgangslage"),
            m.paragraph(
                "Sammlung und erste Aufbereitung von Sekundärrohstoffen liegen meist in der Hand "
                "kleiner und mittlerer Unternehmen. Sie ringen mit dem Zugang zu neuen "
                "Technologien, mit logistischen Hürden, wechselnden Stoffströmen und der Suche "
                "nach Fachkräften – und ihnen fehlen oft Personal, Ausstattung und Geld, um neben "
                "dem Tagesgeschäft zu forschen.",
                "Weil Abfallwirtschaft Umwelt und Klima schont, Rohstoffe liefert und viele "
                "Menschen beschäftigt, lohnt es sich, gerade diese Betriebe zu unterstützen.",
            ),
            m.organisations("Projektpartner", partners),
            m.funding_notice(
                funding,
                "Gefördert vom Bundesministerium für Bildung und Forschung im Programm "
                "„Innovationsforen Mittelstand“ (Förderkennzeichen 01MI2001).",
            ),
        ],
    )


def build(b) -> None:
    b.use_site(SITE)
    lead = organisation(b, REWIMET, logo=True)
    home = home_page(
        b,
        lead,
        intro=INTRO,
        body=[
            m.paragraph(
                "Der Bergbau im Harz ist weitgehend Geschichte, sein Wissen nicht: Aufbereitung, "
                "Metallurgie und Werkstoffwissenschaft arbeiten heute für Sekundärrohstoffe und "
                "Hightech-Werkstoffe."
            ),
        ],
    )
    projects = b.page(
        home,
        ProjectIndexPage,
        "projekte",
        title="Projekte",
        show_in_menus=True,
        intro="Das Innovationsforum und die Vorhaben, die aus ihm hervorgehen.",
    )
    project = _project(b, projects, lead)
    b.page(
        project,
        StandardPage,
        "recyclingregion-harz",
        title="Die Recyclingregion Harz",
        show_in_menus=True,
        intro="Vom Rohstoffabbau zur Rohstoffrückgewinnung.",
        body=[
            m.paragraph(
                "Die Rohstoffgewinnung aus Lagerstätten ist Sache großer Konzerne. Die "
                "„Gewinnung“ aus Abfällen dagegen beginnt in kleinen Betrieben, die sammeln, "
                "sortieren und aufbereiten.",
                "Ihr Know-how und das der Hochschulen der Region macht den Harz zu einem "
                "Standort, an dem Kreislaufwirtschaft praktisch gelebt wird.",
            ),
        ],
    )
    event_pages(
        b,
        home,
        "veranstaltungen",
        "Veranstaltungen",
        EVENTS,
        venue_name="Online",
        organiser=lead,
        topics=topics("recycling", "kreislaufwirtschaft"),
    )
