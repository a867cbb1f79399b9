"""The 19 members of ChemieNetzwerk Harz.

14 producing companies, two logistics companies, two universities and one business
development agency. The companies are invented for the demo (realistic names, no real
firms); the universities and the development agency are the real ones of the region.
"""

from hub.demo.content.common import Org, org_table
from snippets.choices import OrganisationKind as Kind
from snippets.choices import Region

NI = Region.NIEDERSACHSEN

COMPANIES = """
Innerste Lithiumsalze | 38685 | Langelsheim | 51.9370 10.3330 | 250-999
    chemie | Lithiumsalze für Batterien, Pharmazie und Spezialanwendungen.
Okertaler Zinkhütte | 38642 | Goslar | 51.9020 10.4840 | 250-999
    metallurgie recycling | Zink aus Stahlwerksstäuben und anderen Reststoffen.
Granetal Pigmente | 38685 | Langelsheim | 51.9305 10.3512 | 50-249
    chemie | Anorganische Pigmente für Lacke, Kunststoffe und Baustoffe.
Kaiserpfalz Feinchemie | 38640 | Goslar | 51.9118 10.4217 | 50-249
    chemie | Feinchemikalien und Zwischenprodukte in Lohnfertigung.
Oberharzer Pulvermetallurgie | 38678 | Clausthal-Zellerfeld | 51.8123 10.3421 | 10-49
    metallurgie | Metallpulver für additive Fertigung und Sinterteile.
Harzer Akkurecycling | 38667 | Bad Harzburg | 51.8764 10.5703 | 50-249
    recycling chemie | Aufbereitung von Lithium-Ionen- und Bleibatterien.
Seesener Polymeradditive | 38723 | Seesen | 51.8897 10.1708 | 50-249
    chemie kunststoffe | Stabilisatoren und Flammschutzmittel für Kunststoffe.
Sösetal Galvanotechnik | 37520 | Osterode am Harz | 51.7269 10.2464 | 10-49
    metallurgie | Galvanische Beschichtungen für Automobil- und Maschinenbau.
Rammelsberger Edelmetallrückgewinnung | 38640 | Goslar | 51.8936 10.4191 | 50-249
    recycling | Rückgewinnung von Edelmetallen aus Katalysatoren und Elektronikschrott.
Vienenburger Salzchemie | 38690 | Goslar | 51.9530 10.5620 | 10-49
    chemie | Spezialsalze und Sole für Industrie und Wasseraufbereitung.
Odertal Oxidkeramik | 37431 | Bad Lauterberg im Harz | 51.6330 10.4700 | 50-249
    chemie | Oxidkeramische Pulver und Bauteile für die Hochtemperaturtechnik.
Herzberger Schmelzwerk | 37412 | Herzberg am Harz | 51.6560 10.3390 | 250-999
    metallurgie recycling | Umschmelzen und Legieren von Aluminiumschrotten.
Liebenburger Katalysatortechnik | 38704 | Liebenburg | 52.0200 10.4300 | 10-49
    chemie | Katalysatoren für Chemie- und Abgasanwendungen.
Westharz Kreislaufmetalle | 37539 | Bad Grund (Harz) | 51.8090 10.2380 | 10-49
    recycling | Sortierung und Handel von Nichteisenmetallschrotten.
"""

LOGISTICS = """
Harzland Chemielogistik | 38644 | Goslar | 51.9152 10.4556 | 50-249
    logistik | Lager- und Transportlogistik für Chemikalien.
Nordharz Gefahrgutspedition | 38723 | Seesen | 51.8974 10.1862 | 10-49
    logistik | Gefahrguttransporte in Tank- und Silofahrzeugen.
"""

TU_CLAUSTHAL = Org(
    "Technische Universität Clausthal",
    Kind.UNIVERSITY,
    "Clausthal-Zellerfeld",
    "38678",
    NI,
    ("51.804700", "10.334700"),
    ("chemie", "metallurgie", "recycling"),
    "Technische Universität mit Schwerpunkten in Rohstoffen, Materialien und Recycling.",
    street="Adolph-Roemer-Straße 2A",
    website="https://www.tu-clausthal.de",
    founded_year=1775,
    fictional=False,
)
HOCHSCHULE_HARZ = Org(
    "Hochschule Harz",
    Kind.UNIVERSITY,
    "Wernigerode",
    "38855",
    Region.SACHSEN_ANHALT,
    ("51.842000", "10.796000"),
    summary="Hochschule für angewandte Wissenschaften in Wernigerode und Halberstadt.",
    street="Friedrichstraße 57-59",
    website="https://www.hs-harz.de",
    fictional=False,
)
WIREGO = Org(
    "WiReGo Wirtschaftsförderung Region Goslar",
    Kind.DEVELOPMENT_AGENCY,
    "Goslar",
    "",
    NI,
    ("51.906000", "10.429000"),
    summary="Wirtschaftsförderung für Unternehmen im Landkreis Goslar.",
    legal_form="GmbH & Co. KG",
    fictional=False,
)
PARTNERS = [TU_CLAUSTHAL, HOCHSCHULE_HARZ, WIREGO]

MEMBERS = [
    *org_table(COMPANIES, kind=Kind.COMPANY, region=NI),
    *org_table(LOGISTICS, kind=Kind.LOGISTICS, region=NI),
    *PARTNERS,
]
