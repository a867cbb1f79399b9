"""The plain-text conversion of rich text and the keys of the rate limits."""

from django.test import RequestFactory

from hub.newsletter.plaintext import html_to_text
from hub.newsletter.ratelimit import RateLimit, client_key


def test_rich_text_becomes_readable_plain_text():
    html = (
        '<h2 data-block-key="a">Termine</h2><p>Erste Zeile<br/>zweite &amp; letzte</p>'
        "<ol><li>Anmeldung</li><li>FORUM <b>Chemie</b></li></ol>"
        '<ul><li>Goslar</li></ul><p>Mehr im <a href="https://x.example/archiv/">Archiv</a>, '
        'Fragen an <a href="mailto:info@x.example">info@x.example</a>, '
        '<a href="#oben">nach oben</a>.</p>'
    )

    assert html_to_text(html) == (
        "Termine\n\n"
        "Erste Zeile\nzweite & letzte\n\n"
        "1. Anmeldung\n2. FORUM Chemie\n\n"
        "- Goslar\n\n"
        "Mehr im Archiv <https://x.example/archiv/>, Fragen an info@x.example, nach oben."
    )


def test_empty_rich_text_is_empty():
    assert html_to_text("") == ""
    assert html_to_text("<p> </p>") == ""


def test_clients_are_counted_by_address_and_ipv6_by_network(settings):
    factory = RequestFactory()

    assert client_key(factory.get("/", REMOTE_ADDR="192.0.2.7")) == "192.0.2.7"
    assert client_key(factory.get("/", REMOTE_ADDR="2001:db8:1:2::7")) == client_key(
        factory.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::1")
    )
    assert client_key(factory.get("/", REMOTE_ADDR="2001:db8:1:3::7")) != client_key(
        factory.get("/", REMOTE_ADDR="2001:db8:1:2::7")
    )
    # Without a configured proxy, X-Forwarded-For is anyone's to write and is ignored.
    forged = factory.get("/", REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_key(forged) == "192.0.2.7"
    settings.NEWSLETTER_PROXY_COUNT = 2
    behind_two = factory.get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1, 10.0.0.1"
    )
    assert client_key(behind_two) == "198.51.100.1"


def test_a_limit_resets_with_its_window(settings):
    limit = RateLimit(name="check", setting="UNSET_LIMIT", default=2, period=3600)
    start = 7200.0  # the beginning of a window

    assert limit.hit("k", now=start) is None
    assert limit.hit("k", now=start + 10) is None
    assert limit.hit("k", now=start + 1000) == 2600
    assert limit.hit("k", now=start + 3600) is None  # a new hour
