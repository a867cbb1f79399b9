"""Sectors (Branchen) and topics shared by all demo sites."""

from snippets.choices import TopicKind
from snippets.models import Topic

SECTORS = {
    "chemie": ("Chemie", "Grund-, Spezial- und Feinchemie einschließlich Chemieparks."),
    "kunststoffe": ("Kunststoffe", "Herstellung und Verarbeitung von Polymeren."),
    "metallurgie": ("Metallurgie", "Gewinnung, Veredelung und Verarbeitung von Metallen."),
    "recycling": ("Recycling", "Sammlung und Aufbereitung von Sekundärrohstoffen."),
    "logistik": ("Logistik", "Transport, Lagerung und Gefahrgutlogistik."),
    "wasserstoff": ("Wasserstoff", "Erzeugung, Speicherung und Nutzung von grünem Wasserstoff."),
    "optoelektronik": ("Optoelektronik", "Optik, Photonik und optische Technologien."),
    "mikroelektronik": ("Mikroelektronik", "Halbleiter, Chipfertigung und Elektroniksysteme."),
}

TOPICS = {
    "innovation": ("Innovation", "Forschung, Entwicklung und Transfer in die Praxis."),
    "fachkraefte": ("Fachkräfte", "Ausbildung, Studium und Karriere in der Region."),
    "internationalisierung": (
        "Internationalisierung",
        "Europäische und internationale Kooperation.",
    ),
    "strukturwandel": ("Strukturwandel", "Regionalentwicklung in den Revieren Mitteldeutschlands."),
    "foerderung": ("Förderung", "Öffentliche Förderprogramme von Land, Bund und EU."),
    "kreislaufwirtschaft": ("Kreislaufwirtschaft", "Rohstoffe im Kreislauf statt auf der Deponie."),
}


def build(builder) -> None:
    for kind, entries in ((TopicKind.SECTOR, SECTORS), (TopicKind.TOPIC, TOPICS)):
        for slug, (name, description) in entries.items():
            builder.snippet(Topic, {"slug": slug}, name=name, kind=kind, description=description)
