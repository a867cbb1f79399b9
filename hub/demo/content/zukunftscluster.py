# German typography: en dashes in ranges and asides.
# ruff: noqa: RUF001
"""Zukunftscluster Chemie/Kunststoffe Mitteldeutschland: speakers, management, strategy.

Facts from the cluster's texts: the four speakers and their organisations, the cluster
management at isw in Halle (Saale) with its contact data, the vision by Dr. Christoph
Mühlhaus, the goals and the five fields of action with their measures. The people and
member organisations are in :mod:`~hub.demo.content.zukunftscluster_people`, the
publications (CKnews, CKreihe) and events in :mod:`~hub.demo.content.zukunftscluster_publications`.
"""

from hub.demo import markup as m
from hub.demo.builder import SiteSpec
from hub.demo.content import zukunftscluster_people as people
from hub.demo.content import zukunftscluster_publications as publications
from hub.demo.content.common import Org, home_page, organisation, topics
from hub.demo.images import Palette
from pages.models import (
    ClusterManagementContact,
    ClusterPage,
    ClusterSpeaker,
    DirectoryPage,
)
from snippets.choices import OrganisationKind as Kind

SITE = SiteSpec(
    name="Zukunftscluster Chemie/Kunststoffe Mitteldeutschland",
    hostname="cluster-chemie-kunststoffe.localhost",
    palette=Palette("#12355b", "#3d7bb6", "#f28f3b"),
    tagline="Chemie und Kunststoffe – länderübergreifend vernetzt",
    hero_caption="Sachsen · Sachsen-Anhalt · Thüringen",
)

WEBSITE = "https://www.cluster-chemie-kunststoffe.de"

CLUSTER = Org(
    SITE.name,
    Kind.NETWORK,
    "Halle (Saale)",
    "06120",
    people.ST,
    people.HALLE,
    ("chemie", "kunststoffe"),
    "Länderübergreifende Plattform der Chemie- und Kunststoffindustrie in Sachsen, "
    "Sachsen-Anhalt und Thüringen.",
    street="Hoher Weg 3",
    website=WEBSITE,
    fictional=False,
    extra={"email": people.EMAIL, "phone": people.PHONE},
)

INTRO = (
    "Das Zukunftscluster ist eine Plattform, die aus der Wirtschaft heraus entstanden ist: "
    "Große Unternehmen und Mittelständler, ihre Verbände, Hochschulen und Forschungsinstitute, "
    "Dienstleister, Politik und Verwaltung arbeiten hier über Ländergrenzen hinweg zusammen."
)

VISION = (
    "Mitteldeutschland soll wieder ein Zentrum der Kompetenz für die Herstellung und "
    "Verarbeitung von Polymeren werden. Innovative Unternehmen und anerkannte "
    "Forschungseinrichtungen schaffen dafür die Grundlage einer nachhaltigen Entwicklung "
    "der Region."
)

GOALS = m.rich(
    "Einzelaktivitäten, Netzwerke und Projekte in den drei Ländern sollen in neuer Qualität "
    "koordiniert werden, damit Synergien sichtbar werden und das Cluster Merkmale ausbildet, "
    "die es international unterscheiden.",
    "Das Ziel dahinter: Mitteldeutschland als international wettbewerbsfähige Chemie- und "
    "Kunststoffregion, die neue Ansiedlungen anzieht und die Marktposition der ansässigen "
    "Unternehmen und Institutionen stärkt.",
)

FIELDS_OF_ACTION = [
    m.field_of_action(
        "Koordination & Kooperationen",
        "Das Clustermanagement bringt die Akteure zusammen und gewinnt neue Partner.",
        (
            "Netzwerkbildung",
            "Neue Netzwerke entstehen, wo Unternehmen und Forschung gemeinsame Themen haben.",
        ),
        (
            "Kooperationen entlang der Wertschöpfungskette",
            "Kooperationschancen erkennen und Kontakte zu anderen Querschnittsclustern anbahnen.",
        ),
        (
            "Bundesweites Treffen der Clusterinitiativen",
            "2007 lud das Cluster die Chemie- und "
            "Kunststoffcluster Deutschlands zum ersten gemeinsamen Treffen nach Schkopau ein.",
        ),
    ),
    m.field_of_action(
        "Strategiebildung",
        "Aus den Interessen der Akteure entsteht eine Clusterstrategie, abgestimmt mit den "
        "Landesregierungen; daraus folgen Handlungsbedarf und konkrete Maßnahmen.",
        ("Interessen erheben", "Was die Akteure im Cluster brauchen und erwarten."),
        ("Clusterstrategie", "Gemeinsam mit den Landesregierungen entwickelt."),
    ),
    m.field_of_action(
        "Innovation",
        "Gründer, Unternehmen und Wissenschaft gestalten eine chemiegeprägte "
        "Innovationslandschaft; Transfer und die Teilnahme an Förderprogrammen nehmen zu.",
        (
            "IQ-Cluster-Innovationspreis (Prof. J. Nelles Preis)",
            "Ein Clusterpreis würdigt innovative Ideen.",
        ),
        ("Roadmap-Prozess", "Ermittelt den Innovationsbedarf von Unternehmen und Wissenschaft."),
    ),
    m.field_of_action(
        "Internationale Aktivitäten",
        "Kleine und mittlere Unternehmen knüpfen internationale Kontakte; Unternehmen und "
        "Institutionen arbeiten in interregionalen Kooperationen mit.",
        ("ECRN", "Mitarbeit im Europäischen Netzwerk der Chemieregionen."),
        ("High-Level Group Chemie", "Ergebnisse der HLG für die Region nutzen und umsetzen."),
        ("ChemLog", "Initiative für einen Stoffverbund in Mittel- und Osteuropa."),
        ("ChemClust", "Europäischer Erfahrungsaustausch zur Cluster- und Innovationspolitik."),
        ("EU-Förderprogramme", "Unterstützung beim Einstieg in EU-Kooperationsprojekte."),
    ),
    m.field_of_action(
        "Öffentlichkeitsarbeit",
        "Das Cluster zeigt sich regional, national und international auf Tagungen, "
        "Branchentreffen, Events und Messen.",
        ("Clusteratlas", "Broschüre mit einem Überblick über die Akteure im Cluster."),
        ("CKnews", "Thematischer Newsletter, viermal im Jahr."),
        ("CKreihe", "Dokumente zu den Veranstaltungen des Clusters."),
        ("Website", "Aktuelles, Terminkalender und Downloadbereich."),
    ),
]


def build(b) -> None:
    b.use_site(SITE)
    cluster_org = organisation(b, CLUSTER, logo=True)
    speakers, isw, managers = people.speakers_and_management(b)
    home = home_page(
        b,
        cluster_org,
        intro=INTRO,
        body=[m.quote(VISION, speakers[0][0].full_name, "Clustersprecher")],
    )
    series = publications.build(b, home, organiser=cluster_org, managers=managers)
    cluster = b.page(
        home,
        ClusterPage,
        "cluster",
        title="Das Zukunftscluster",
        show_in_menus=True,
        intro=INTRO,
        website=WEBSITE,
        vision=VISION,
        vision_author=speakers[0][0],
        goals=GOALS,
        fields_of_action=FIELDS_OF_ACTION,
        management_organisation=isw,
        speakers=[ClusterSpeaker(person=person, role=role) for person, role in speakers],
        management_contacts=[
            ClusterManagementContact(person=person, role="Clustermanagement") for person in managers
        ],
        topics=topics("chemie", "kunststoffe", "innovation", "internationalisierung"),
        body=[
            m.timeline(
                "Meilensteine",
                (
                    "2007",
                    "Erstes bundesweites Treffen",
                    "Clusterinitiativen der Chemie- und "
                    "Kunststoffbranche treffen sich auf Einladung des Clusters in Schkopau.",
                ),
            ),
            *(m.call_to_action(page.title, "Zur Übersicht", page=page) for page in series),
        ],
    )
    members = people.members(b, cluster)
    b.page(
        cluster,
        DirectoryPage,
        "clusteratlas",
        title="Clusteratlas",
        show_in_menus=True,
        intro="Die Akteure des Zukunftsclusters mit Profil, Branche und Standort.",
        group=cluster,
        brochure=b.document(
            "Clusteratlas Chemie/Kunststoffe Mitteldeutschland",
            "Ein Überblick über Unternehmen, Hochschulen und Forschungseinrichtungen im Cluster.",
        ),
        body=[m.organisations("Mitglieder im Cluster", members)],
    )
