# German typography: en dashes in ranges and asides.
# ruff: noqa: RUF001
"""ChemieNetzwerk Harz: the network of the chemical-metallurgical industry in the western Harz.

Facts from the network's own texts: Klubgartenstraße 5 in Goslar, about 12,000 jobs and
1.5 billion euros of value added a year, 14 producing companies, two logistics companies,
two universities and one development agency, and two periods of EFRE funding. The member
companies are invented for the demo; the universities and the development agency are real.
"""

import datetime
from decimal import Decimal

from hub.demo import markup as m
from hub.demo.builder import SiteSpec
from hub.demo.content.chemienetzwerk_members import MEMBERS, PARTNERS
from hub.demo.content.common import (
    Org,
    at,
    event,
    event_pages,
    home_page,
    news_pages,
    organisation,
    topics,
)
from hub.demo.images import Palette
from pages.models import (
    DirectoryPage,
    NetworkPage,
    StandardPage,
)
from snippets.choices import OrganisationKind as Kind
from snippets.choices import Region
from snippets.models import Funding

SITE = SiteSpec(
    name="ChemieNetzwerk Harz",
    hostname="chemienetzwerk-harz.localhost",
    palette=Palette("#0b4f3c", "#2a9d8f", "#f4a261"),
    tagline="Zukunft – natürlich innovativ",
    hero_caption="Chemie und Metallurgie im westlichen Harz",
    is_default=True,
)

NI = Region.NIEDERSACHSEN
EFRE = "Europäischer Fonds für regionale Entwicklung (EFRE)"
GUIDELINE = "Richtlinie über die Gewährung von Zuwendungen für Innovationsnetzwerke und -cluster"

NETWORK = Org(
    "ChemieNetzwerk Harz",
    Kind.NETWORK,
    "Goslar",
    "38644",
    NI,
    ("51.905900", "10.428900"),
    sectors=("chemie", "metallurgie", "recycling"),
    summary="Netzwerk der Chemie- und Metallurgieunternehmen, Hochschulen und weiteren Akteure "
    "im westlichen Harz.",
    legal_form="e.V.",
    street="Klubgartenstraße 5",
    fictional=False,
)


INTRO = (
    "Das ChemieNetzwerk Harz bringt Unternehmen, Hochschulen und Wirtschaftsförderung des "
    "westlichen Harzes zusammen, damit aus guten Ideen marktfähige Verfahren und Produkte werden."
)


FIRST_PERIOD = {"start_date": datetime.date(2016, 8, 1), "end_date": datetime.date(2019, 7, 31)}
EFRE_GRANT = {"funder": "NBank", "fund": EFRE, "programme": GUIDELINE}
FUNDINGS = [
    {
        "title": "Innovationsnetzwerk ChemieNetzwerk Harz 2016–2019",
        **EFRE_GRANT,
        **FIRST_PERIOD,
        "amount": Decimal("194300.00"),
        "own_contribution": Decimal("255000.00"),
        "description": "Den Zuwendungsbescheid überreichte Wirtschaftsminister Olaf Lies am "
        "1. August 2016. Die Mitglieder tragen einen Eigenanteil von 255.000 Euro.",
    },
    {
        "title": "Unterstützung durch den Landkreis Goslar 2016–2019",
        "funder": "Landkreis Goslar",
        **FIRST_PERIOD,
        "amount": Decimal("45000.00"),
        "description": "Der Landkreis begleitet die erste Förderphase mit insgesamt 45.000 Euro.",
    },
    {
        "title": "Innovationsnetzwerk ChemieNetzwerk Harz 2019–2022",
        **EFRE_GRANT,
        "start_date": datetime.date(2019, 11, 26),
        "end_date": datetime.date(2022, 6, 30),
        "amount": Decimal("140117.60"),
        "own_contribution": Decimal("351294.00"),
        "description": "Den übrigen Teil der Projektausgaben von 351.294 Euro finanzieren die "
        "Mitglieder über ihre Beiträge.",
    },
]


def _network_page(b, home, network_org, fundings):
    return b.page(
        home,
        NetworkPage,
        "netzwerk",
        title="Das Netzwerk",
        show_in_menus=True,
        organisation=network_org,
        tagline="Chemisch-metallurgische Kompetenzregion Westharz",
        intro=INTRO,
        region_description=m.rich(
            "Der Harz gehört zu den ältesten Industrieregionen Europas. Aus Bergbau und "
            "Hüttenwesen ist eine Chemie- und Metallindustrie mit mehreren Weltmarktführern "
            "gewachsen: Schon in den 1920er-Jahren wurden in Langelsheim erstmals Lithiumsalze "
            "im industriellen Maßstab hergestellt.",
            "Heute hängen rund 12.000 direkte und indirekte Arbeitsplätze an der Chemie im "
            "Westharz, die jährlich rund 1,5 Milliarden Euro Wertschöpfung erzielt.",
        ),
        fundings=fundings,
        body=[
            m.key_figures(
                "Chemie im Westharz",
                ("12.000", "", "direkte und indirekte Arbeitsplätze"),
                ("1,5", "Mrd. €", "Wertschöpfung im Jahr"),
                ("19", "", "Mitglieder"),
            ),
            m.heading("Was wir für unsere Mitglieder tun"),
            m.paragraph(
                "Wir stoßen Forschungs- und Innovationsprojekte an, etwa für umweltfreundlichere "
                "Prozess- und Produktionsverfahren, und begleiten sie bis zur Umsetzung.",
                "Treffen, Seminare und Workshops greifen auf, was die Betriebe bewegt:",
                bullets=(
                    "Personal und Ausbildung",
                    "Arbeitssicherheit, Gesundheits- und Umweltschutz (HSE)",
                    "Internet der Dinge in der Produktion",
                    "Einkauf und Datenschutz",
                ),
            ),
            m.funding_notice(
                fundings[2],
                "Das ChemieNetzwerk Harz e.V. wird mit Mitteln des Europäischen Fonds für "
                "regionale Entwicklung (EFRE) gefördert.",
            ),
        ],
    )


def _news(b, home):
    notice = {
        "title": "Förderbescheid über 194.300 Euro übergeben",
        "date": datetime.date(2016, 8, 1),
        "intro": "Wirtschaftsminister Olaf Lies hat dem ChemieNetzwerk Harz e.V. den "
        "Zuwendungsbescheid der NBank überreicht.",
        "image": b.image("Förderbescheid für das ChemieNetzwerk Harz", "Goslar, 1. August 2016"),
        "topics": topics("foerderung", "innovation"),
        "body": [
            m.paragraph(
                "Am 1. August 2016 erhielt das Netzwerk aus der Hand des niedersächsischen "
                "Wirtschaftsministers Olaf Lies die Zusage über 194.300 Euro. Das Geld stammt "
                "aus dem Europäischen Fonds für regionale Entwicklung und wird von der NBank "
                "über die Förderrichtlinie für Innovationsnetzwerke und -cluster vergeben.",
                "Die Förderung läuft bis zum 31. Juli 2019. Der Landkreis Goslar steuert im "
                "selben Zeitraum 45.000 Euro bei, die Mitglieder zusammen 255.000 Euro.",
            ),
        ],
    }
    second_period = {
        "title": "Zweite Förderphase beginnt",
        "date": datetime.date(2019, 11, 26),
        "intro": "Bis Ende Juni 2022 unterstützt der EFRE das Netzwerk mit weiteren "
        "140.117,60 Euro.",
        "topics": topics("foerderung"),
        "body": [
            m.paragraph(
                "Seit dem 26. November 2019 wird das ChemieNetzwerk Harz erneut aus EFRE-Mitteln "
                "gefördert. Den übrigen Teil der Ausgaben von 351.294 Euro bringen die Mitglieder "
                "über ihre Beiträge auf."
            ),
        ],
    }
    news_pages(
        b,
        home,
        {"foerderbescheid-2016": notice, "zweite-foerderphase-2019": second_period},
        intro="Neuigkeiten aus dem Netzwerk und seinen Mitgliedsunternehmen.",
    )


EVENTS = [
    event(
        "netzwerktreffen-hse-2027",
        "Netzwerktreffen Arbeitssicherheit und Umweltschutz",
        at(2027, 2, 18, 14),
        at(2027, 2, 18, 17),
        "network_meeting",
        "HSE-Verantwortliche der Mitgliedsbetriebe tauschen Erfahrungen mit Audits, "
        "Gefährdungsbeurteilungen und neuen Vorschriften aus.",
        venue_name="Kaiserpfalz Feinchemie, Besprechungszentrum",
        postal_code="38640",
        city="Goslar",
        fee_note="Für Mitglieder kostenfrei",
        registration_deadline=datetime.date(2027, 2, 11),
    ),
    event(
        "workshop-iot-produktion-2027",
        "Workshop: Internet der Dinge in der Produktion",
        at(2027, 4, 22, 9, 30),
        at(2027, 4, 22, 16),
        "workshop",
        "Wie Sensorik und vernetzte Anlagen Wartung und Energieeinsatz in Chemie- und "
        "Metallbetrieben verbessern – mit Beispielen aus der Region.",
        venue_name="Technische Universität Clausthal",
        street="Adolph-Roemer-Straße 2A",
        postal_code="38678",
        city="Clausthal-Zellerfeld",
    ),
]


def build(b) -> None:
    b.use_site(SITE)
    network_org = organisation(b, NETWORK, logo=True)
    fundings = b.snippets(Funding, "title", FUNDINGS, recipient=network_org)
    home = home_page(
        b,
        network_org,
        intro=INTRO,
        body=[
            m.heading("Kompetenzregion im Westharz"),
            m.paragraph(
                "Unser Ziel: den westlichen Harz als chemisch-metallurgischen Standort bekannt "
                "machen – in Deutschland und darüber hinaus. Dazu vernetzen wir Betriebe, "
                "Forschung, Verwaltung und Politik und entwickeln gemeinsame Projekte."
            ),
        ],
    )
    network = _network_page(b, home, network_org, fundings)
    members = [organisation(b, org, group=network, logo=org.fictional) for org in MEMBERS]
    b.page(
        network,
        DirectoryPage,
        "clusteratlas",
        title="Clusteratlas",
        show_in_menus=True,
        intro="Alle Mitglieder des ChemieNetzwerks Harz mit Branche, Standort und Profil.",
        group=network,
        brochure=b.document(
            "Clusteratlas ChemieNetzwerk Harz",
            "Die Mitglieder des Netzwerks im Überblick: 14 produzierende Unternehmen, "
            "zwei Logistikunternehmen, zwei Hochschulen und eine Wirtschaftsförderung.",
        ),
        body=[m.organisations("Hochschulen und Wirtschaftsförderung", members[-len(PARTNERS) :])],
    )
    b.page(
        home,
        StandardPage,
        "karriere",
        title="Karriere im Harz",
        show_in_menus=True,
        intro="Ausbildung, Studium und Beruf in der Chemie- und Metallindustrie des Westharzes.",
        body=[
            m.paragraph(
                "Wer im Harz in die Chemie oder Metallurgie einsteigt, findet Betriebe mit "
                "Weltmarktgeltung und Hochschulen in der Nähe. Davon profitieren Schülerinnen "
                "und Schüler, Auszubildende, Studierende und erfahrene Fachkräfte.",
                "Dazu kommen kurze Wege und ein Freizeitwert, den man sonst im Urlaub sucht.",
            ),
        ],
    )
    _news(b, home)
    event_pages(
        b,
        home,
        "veranstaltungen",
        "Veranstaltungen",
        EVENTS,
        organiser=network_org,
        topics=topics("chemie", "innovation"),
    )
