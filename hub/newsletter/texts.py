# ruff: noqa: RUF001 (German and English typography: dashes and quotation marks)
"""The wording of the newsletter's mails and pages, in German and English.

Subscribers read German or English: German for ``de``, English for every other locale (a
later locale gets its content translated but these few sentences in English). The texts
live here rather than in gettext catalogues because they follow the subscriber's language,
not the language of the request that happens to send them.

The consent text is versioned: a subscriber's record keeps the text they were shown and
its version, so change ``CONSENT_VERSION`` whenever the wording changes.
"""

CONSENT_VERSION = "2026-1"

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "consent": (
            "Ich möchte den Newsletter „{series}“ per E-Mail erhalten. Meine E-Mail-Adresse "
            "wird nur für den Versand dieses Newsletters gespeichert; ich kann mich jederzeit "
            "über den Abmeldelink in jeder Ausgabe abmelden."
        ),
        "confirm_subject": "Bitte bestätigen Sie Ihr Abonnement von {series}",
        "confirm_intro": (
            "Sie – oder jemand mit Ihrer E-Mail-Adresse – möchten den Newsletter „{series}“ "
            "abonnieren. Bitte bestätigen Sie das über diesen Link:"
        ),
        "confirm_button": "Abonnement bestätigen",
        "confirm_expiry": "Der Link ist {days} Tage gültig.",
        "confirm_ignore": (
            "Wenn Sie den Newsletter nicht bestellt haben, ignorieren Sie diese E-Mail einfach; "
            "ohne Bestätigung erhalten Sie nichts weiter."
        ),
        "already_subject": "Sie erhalten {series} bereits",
        "already_intro": (
            "Jemand hat den Newsletter „{series}“ für Ihre E-Mail-Adresse bestellt. "
            "Sie sind bereits angemeldet; es ist nichts weiter zu tun."
        ),
        "already_unsubscribe": "Wenn Sie den Newsletter nicht mehr erhalten möchten:",
        "confirm_page_title": "Abonnement bestätigen",
        "confirm_page_intro": (
            "Bitte bestätigen Sie, dass {email} den Newsletter „{series}“ erhalten soll."
        ),
        "confirm_page_consent": "Ihre Einwilligung:",
        "confirmed_title": "Abonnement bestätigt",
        "confirmed_text": "Vielen Dank! {email} erhält ab jetzt den Newsletter „{series}“.",
        "unsubscribe_page_title": "Newsletter abbestellen",
        "unsubscribe_page_intro": "Soll {email} den Newsletter „{series}“ nicht mehr erhalten?",
        "unsubscribe_button": "Abbestellen",
        "unsubscribed_title": "Abgemeldet",
        "unsubscribed_text": "{email} erhält den Newsletter „{series}“ nicht mehr.",
        "read_online": "Im Browser lesen",
        "editorial": "Editorial",
        "contents": "In dieser Ausgabe",
        "by_author": "Von {author}",
        "read_more": "Weiterlesen",
        "pdf_edition": "Diese Ausgabe als PDF",
        "published_by": "{series} ist der Newsletter von {site}.",
        "why_received": "Sie erhalten diese E-Mail, weil Sie „{series}“ abonniert haben.",
        "unsubscribe_link": "Newsletter abbestellen",
        "test_notice": "Testversand – diese E-Mail wurde nur zur Kontrolle verschickt.",
    },
    "en": {
        "consent": (
            "I would like to receive the newsletter “{series}” by email. My email address is "
            "stored only to send this newsletter; I can unsubscribe at any time with the link "
            "in every issue."
        ),
        "confirm_subject": "Please confirm your subscription to {series}",
        "confirm_intro": (
            "You – or someone using your email address – asked to subscribe to the "
            "newsletter “{series}”. Please confirm with this link:"
        ),
        "confirm_button": "Confirm subscription",
        "confirm_expiry": "The link is valid for {days} days.",
        "confirm_ignore": (
            "If you did not ask for the newsletter, simply ignore this email; without "
            "confirmation you will receive nothing more."
        ),
        "already_subject": "You already receive {series}",
        "already_intro": (
            "Someone asked to subscribe your email address to the newsletter “{series}”. "
            "You are subscribed already; there is nothing more to do."
        ),
        "already_unsubscribe": "If you no longer want to receive the newsletter:",
        "confirm_page_title": "Confirm your subscription",
        "confirm_page_intro": (
            "Please confirm that {email} should receive the newsletter “{series}”."
        ),
        "confirm_page_consent": "Your consent:",
        "confirmed_title": "Subscription confirmed",
        "confirmed_text": "Thank you! {email} will receive the newsletter “{series}” from now on.",
        "unsubscribe_page_title": "Unsubscribe from the newsletter",
        "unsubscribe_page_intro": "Should {email} no longer receive the newsletter “{series}”?",
        "unsubscribe_button": "Unsubscribe",
        "unsubscribed_title": "Unsubscribed",
        "unsubscribed_text": "{email} will no longer receive the newsletter “{series}”.",
        "read_online": "Read online",
        "editorial": "Editorial",
        "contents": "In this issue",
        "by_author": "By {author}",
        "read_more": "Read more",
        "pdf_edition": "This issue as a PDF",
        "published_by": "{series} is the newsletter of {site}.",
        "why_received": "You receive this email because you subscribed to “{series}”.",
        "unsubscribe_link": "Unsubscribe",
        "test_notice": "Test send – this email was sent for checking only.",
    },
}

# Pages that do not know whose link they were given (a broken or expired link) say it twice.
INVALID_LINK = {
    "title": "Link ungültig · Invalid link",
    "de": "Dieser Link ist ungültig oder abgelaufen. Bitte melden Sie sich erneut an.",
    "en": "This link is invalid or has expired. Please subscribe again.",
}
TEST_LINK = {
    "title": "Testversand · Test send",
    "de": "Dieser Link stammt aus einem Testversand und meldet niemanden ab.",
    "en": "This link comes from a test send and unsubscribes nobody.",
}


def mail_language(language_code: str) -> str:
    """The language of the mails and pages for a subscriber reading ``language_code``."""
    return "de" if language_code == "de" else "en"


class _KeepUnknown(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def texts_for(language_code: str, **values: object) -> dict[str, str]:
    """The texts for a subscriber reading ``language_code``, with ``values`` filled in
    (``series=..., email=...``); placeholders without a value are left as they are.

    The values are plain text: templates escape the results like any other string.
    """
    filled = _KeepUnknown({name: str(value) for name, value in values.items()})
    texts = TEXTS[mail_language(language_code)]
    return {key: text.format_map(filled) for key, text in texts.items()}


def consent_text(*, language_code: str, series_name: str) -> str:
    """The consent a subscriber gives, as stored with their subscription."""
    return texts_for(language_code, series=series_name)["consent"]
