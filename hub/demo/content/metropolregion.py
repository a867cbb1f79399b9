# German typography: en dashes in ranges and asides.
# ruff: noqa: RUF001
"""Europäische Metropolregion Mitteldeutschland: the association that supports the clusters.

Facts from the association's cluster page: it supports cluster initiatives in Saxony,
Saxony-Anhalt and Thuringia, tells micro clusters (Optoelektronik Jena, Mikroelektronik
Dresden) from macro clusters, quotes Dr.-Ing. Joachim Löffler of KUMATEC on green hydrogen
and Hypos, keeps a pool of commercial plots and halls and held the FORUM Mitteldeutschland
2019 on 4 March. The site offers and the 2027 dates are invented for the demo.
"""

import datetime

from hub.demo import markup as m
from hub.demo.builder import SiteSpec
from hub.demo.content import metropolregion_services as services
from hub.demo.content import zukunftscluster
from hub.demo.content.common import Org, home_page, news_pages, organisation, topics
from hub.demo.images import Palette
from pages.models import ClusterIndexPage, ClusterPage
from snippets.choices import OrganisationKind as Kind
from snippets.choices import Region
from snippets.models import Person, Quote

SITE = SiteSpec(
    name="Europäische Metropolregion Mitteldeutschland",
    hostname="metropolregion-mitteldeutschland.localhost",
    palette=Palette("#22223b", "#4a4e69", "#e63946"),
    tagline="Net Works!",
    hero_caption="Sachsen · Sachsen-Anhalt · Thüringen",
)

EMMD = Org(
    SITE.name,
    Kind.ASSOCIATION,
    "Leipzig",
    "",
    Region.SACHSEN,
    ("51.339700", "12.373100"),
    summary="Verein von Unternehmen, Kammern, Städten und Landkreisen, der Clusterinitiativen, "
    "Netzwerke und Kooperationen in Mitteldeutschland unterstützt.",
    legal_form="e.V.",
    website="https://www.mitteldeutschland.com",
    fictional=False,
)

KUMATEC = Org(
    "KUMATEC Sondermaschinenbau & Kunststoffverarbeitung",
    Kind.COMPANY,
    "Neuhaus-Schierschnitz",
    "",
    Region.THUERINGEN,
    ("50.313000", "11.233000"),
    ("kunststoffe", "wasserstoff"),
    legal_form="GmbH",
    fictional=False,
)

HYPOS = Org(
    "HYPOS Hydrogen Power Storage & Solutions East Germany",
    Kind.NETWORK,
    "Halle (Saale)",
    "",
    Region.SACHSEN_ANHALT,
    ("51.482800", "11.969700"),
    ("wasserstoff", "chemie"),
    "Konsortium für grünen Wasserstoff in Mitteldeutschland.",
    legal_form="e.V.",
    fictional=False,
)

QUOTE = (
    "Als Unternehmen aus Thüringen gehören wir seit jeher zur Metropolregion Mitteldeutschland "
    "und fühlen uns ihr eng verbunden. Mit ihrer starken Chemie hat die Region beste "
    "Voraussetzungen, in Deutschland bei Zukunftstechnologien wie grünem Wasserstoff voranzugehen "
    "– das Hypos-Konsortium zeigt diese Innovationskraft. Als Mitglied der Metropolregion und "
    "des Hypos e.V. wollen wir unseren Teil zur grünen Wasserstofftechnologie beitragen."
)

INTRO = (
    "„Net Works!“ – im globalen wie im lokalen Kontext: Die Metropolregion fördert Gründer- und "
    "Unternehmenskultur und hilft Investoren, in Sachsen, Sachsen-Anhalt und Thüringen die "
    "passenden Partner zu finden."
)

# slug, title, summary, topic slugs
CLUSTERS = [
    (
        "optoelektronik-jena",
        "Optoelektronik Jena",
        "Ein Mikro-Cluster: Optik und Photonik, dicht gedrängt in einer Stadt.",
        ("optoelektronik", "innovation"),
    ),
    (
        "mikroelektronik-dresden",
        "Mikroelektronik Dresden",
        "Ein Mikro-Cluster: Halbleiter und Elektroniksysteme rund um Dresden.",
        ("mikroelektronik", "innovation"),
    ),
    (
        "gruener-wasserstoff",
        "Grüner Wasserstoff Mitteldeutschland",
        "Ein Makro-Cluster: Erzeugung, Speicherung und Nutzung von Wasserstoff über drei Länder.",
        ("wasserstoff", "chemie", "strukturwandel"),
    ),
]


def _quote(b):
    kumatec = organisation(b, KUMATEC, logo=True)
    author = b.snippet(
        Person,
        {"first_name": "Joachim", "last_name": "Löffler"},
        honorific="Dr.-Ing.",
        organisation=kumatec,
    )
    return b.snippet(
        Quote,
        {"person": author},
        text=QUOTE,
        author_role=kumatec.legal_name,
        organisation=kumatec,
    )


def _clusters(b, home, quote):
    index = b.page(
        home,
        ClusterIndexPage,
        "cluster",
        title="Cluster in Mitteldeutschland",
        show_in_menus=True,
        intro="Die Metropolregion unterstützt Clusterinitiativen, Netzwerke und Kooperationen "
        "in Branchen, in denen sich Unternehmen und Forschung überdurchschnittlich ballen.",
        body=[
            m.heading("Entwicklung und Effekte von Clustern"),
            m.paragraph(
                "Cluster sind flexible Netzwerke aus kleinen und großen Unternehmen sowie "
                "Einrichtungen für Forschung, Entwicklung und Qualifizierung, die sich ergänzen. "
                "Enge Liefer- und Kooperationsbeziehungen machen sie besonders wettbewerbsfähig.",
                "Mikro-Cluster konzentrieren sich in einer Stadt; Makro-Cluster erreichen ihre "
                "kritische Masse erst über mehrere Länder hinweg. Die Grenzen eines Clusters "
                "folgen Wertschöpfungsketten, nicht Verwaltungsgrenzen.",
            ),
            m.call_to_action(
                zukunftscluster.SITE.name,
                "Zum Cluster",
                page=b.site_page(zukunftscluster.SITE, "cluster"),
                text="Ein Makro-Cluster der Chemie- und Kunststoffindustrie.",
            ),
        ],
    )
    hypos = organisation(b, HYPOS)
    for slug, title, summary, topic_slugs in CLUSTERS:
        b.page(
            index,
            ClusterPage,
            slug,
            title=title,
            show_in_menus=True,
            intro=summary,
            listing_summary=summary,
            topics=topics(*topic_slugs),
            management_organisation=hypos if slug == "gruener-wasserstoff" else None,
            body=[m.quote_snippet(quote)] if slug == "gruener-wasserstoff" else [],
        )
    return index


def _news(b, home, quote, clusters):
    hydrogen = {
        "title": "Grüner Wasserstoff: Stimmen aus der Region",
        "date": datetime.date(2026, 10, 20),
        "intro": "Unternehmen der Metropolregion setzen auf Wasserstoff aus erneuerbarem Strom.",
        "image": b.image("Grüner Wasserstoff in Mitteldeutschland", "Stimmen aus der Region"),
        "topics": topics("wasserstoff", "chemie"),
        "body": [
            m.paragraph(
                "Chemiestandorte, Maschinenbauer und Forschung arbeiten daran, grünen "
                "Wasserstoff in Mitteldeutschland zu erzeugen, zu speichern und zu nutzen."
            ),
            m.quote_snippet(quote),
        ],
    }
    cluster_types = {
        "title": "Mikro- und Makro-Cluster: zwei Wege zur kritischen Masse",
        "date": datetime.date(2026, 9, 15),
        "intro": "Warum die Optoelektronik in Jena anders wächst als die Chemie über drei Länder.",
        "topics": topics("innovation", "strukturwandel"),
        "body": [
            m.paragraph(
                "Manche Cluster finden alles, was sie brauchen, in einer Stadt – etwa die "
                "Optoelektronik in Jena oder die Mikroelektronik in Dresden. Andere erreichen "
                "ihre kritische Masse erst über Sachsen, Sachsen-Anhalt und Thüringen hinweg.",
            ),
            m.call_to_action("Cluster in Mitteldeutschland", "Zur Übersicht", page=clusters),
        ],
    }
    news_pages(
        b,
        home,
        {"wasserstoff-stimmen-aus-der-region": hydrogen, "mikro-und-makro-cluster": cluster_types},
    )


def build(b) -> None:
    b.use_site(SITE)
    emmd = organisation(b, EMMD, logo=True)
    quote = _quote(b)
    home = home_page(
        b,
        emmd,
        intro=INTRO,
        body=[
            m.paragraph(
                "Ziel ist mehr Innovationskraft und Wettbewerbsfähigkeit – und ein Profil, das "
                "international überzeugt."
            ),
            m.quote_snippet(quote),
        ],
    )
    clusters = _clusters(b, home, quote)
    services.build(b, home, organiser=emmd)
    _news(b, home, quote, clusters)
