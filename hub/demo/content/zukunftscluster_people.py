"""People and member organisations of the Zukunftscluster Chemie/Kunststoffe Mitteldeutschland.

The speakers, their organisations and the cluster management (isw, Hoher Weg 3, Halle) with
its telephone, fax and email come from the cluster's texts; the member companies are invented.
"""

from hub.demo.content.common import Org, at, org_table, organisation
from snippets.choices import OrganisationKind as Kind
from snippets.choices import Region
from snippets.models import Person

ST = Region.SACHSEN_ANHALT
EMAIL = "cluster-chemie-kunststoffe@online.de"
PHONE = "+49 345 29982726"
HALLE = ("51.496900", "11.967900")

ISW = Org(
    "isw Gesellschaft für wissenschaftliche Beratung und Dienstleistung",
    Kind.RESEARCH_INSTITUTE,
    "Halle (Saale)",
    "06120",
    ST,
    HALLE,
    summary="Führt das Clustermanagement des Zukunftsclusters (Fax +49 345 29982711).",
    legal_form="mbH",
    street="Hoher Weg 3",
    fictional=False,
    extra={"email": EMAIL, "phone": PHONE},
)

# Organisations of the speakers: name, kind, postal code, city, coordinates, legal form.
SPEAKER_ORGANISATIONS = {
    "dow": Org(
        "Dow Olefinverbund",
        Kind.COMPANY,
        "Schkopau",
        "06258",
        ST,
        ("51.392000", "11.954000"),
        ("chemie", "kunststoffe"),
        legal_form="GmbH",
        fictional=False,
    ),
    "infraleuna": Org(
        "InfraLeuna",
        Kind.COMPANY,
        "Leuna",
        "06237",
        ST,
        ("51.316000", "12.017000"),
        ("chemie",),
        "Betreibt den Chemiestandort Leuna.",
        legal_form="GmbH",
        fictional=False,
    ),
    "vci": Org(
        "Verband der Chemischen Industrie, Landesverband Nordost",
        Kind.ASSOCIATION,
        "",
        "",
        Region.OTHER,
        None,
        ("chemie",),
        fictional=False,
    ),
    "gkv": Org(
        "Gesamtverband Kunststoffverarbeitende Industrie",
        Kind.ASSOCIATION,
        "",
        "",
        Region.OTHER,
        None,
        ("kunststoffe",),
        legal_form="e.V.",
        fictional=False,
    ),
}

# honorific, first name, last name, position, organisation key, role on the cluster page
SPEAKERS = [
    ("Dr.", "Christoph", "Mühlhaus", "Geschäftsführer a.D.", "dow", "Sprecher"),
    (
        "",
        "Andreas",
        "Hiltermann",
        "Geschäftsführer",
        "infraleuna",
        "Sprecher für Chemieparks & Feedstocks",
    ),
    ("", "Wolfgang", "Blümel", "Stellvertretender Geschäftsführer", "vci", "Sprecher für Chemie"),
    ("Dr.", "Reinhard", "Proske", "Präsident", "gkv", "Sprecher für Kunststoffe"),
]

MANAGERS = [("Dr. habil.", "Gunthard", "Bratzke"), ("", "Andreas", "Dockhorn")]

MEMBERS_SACHSEN_ANHALT = """
Saale Rezyklat-Compounds | 06749 | Bitterfeld-Wolfen | 51.6260 12.3180 | 50-249
    kunststoffe recycling | Compounds aus Post-Consumer-Rezyklaten für Spritzguss und Extrusion.
Geiseltal Spezialpolymere | 06242 | Braunsbedra | 51.2860 11.8880 | 10-49
    chemie kunststoffe | Spezialpolymere und Additive im Kleinmengenmaßstab.
"""

MEMBERS_SACHSEN = """
Elster Folientechnik | 04179 | Leipzig | 51.3540 12.3100 | 50-249
    kunststoffe | Mehrschichtfolien für Verpackungen und technische Anwendungen.
Mulde Kunststofftechnik | 04808 | Wurzen | 51.3700 12.7390 | 10-49
    kunststoffe | Werkzeugbau und Spritzgussteile für die Automobilzulieferung.
"""

MERSEBURG = Org(
    "Hochschule Merseburg",
    Kind.UNIVERSITY,
    "Merseburg",
    "06217",
    ST,
    ("51.341600", "11.989000"),
    ("chemie", "kunststoffe"),
    "Hochschule für angewandte Wissenschaften mit Studiengängen in Chemie- und Kunststofftechnik.",
    street="Eberhard-Leibnitz-Straße 2",
    website="https://www.hs-merseburg.de",
    fictional=False,
)


def speakers_and_management(b):
    """The four speakers with their roles, the management organisation and its two managers."""
    orgs = {key: organisation(b, org) for key, org in SPEAKER_ORGANISATIONS.items()}
    speakers = [
        (
            b.snippet(
                Person,
                {"first_name": first, "last_name": last},
                honorific=honorific,
                position=position,
                organisation=orgs[org_key],
            ),
            role,
        )
        for honorific, first, last, position, org_key, role in SPEAKERS
    ]
    isw = organisation(b, ISW)
    managers = [
        b.snippet(
            Person,
            {"first_name": first, "last_name": last},
            honorific=honorific,
            position="Clustermanagement",
            organisation=isw,
            email=EMAIL,
            phone=PHONE,
            contact_consent=True,
            consent_given_at=at(2024, 6, 3, 10),
        )
        for honorific, first, last in MANAGERS
    ]
    return speakers, isw, managers


def members(b, cluster) -> list:
    """The member organisations of the cluster page, for its Clusteratlas."""
    tables = [(MEMBERS_SACHSEN_ANHALT, ST), (MEMBERS_SACHSEN, Region.SACHSEN)]
    companies = [
        organisation(b, org, group=cluster, logo=True)
        for table, region in tables
        for org in org_table(table, kind=Kind.COMPANY, region=region)
    ]
    return [*companies, organisation(b, MERSEBURG, group=cluster)]
