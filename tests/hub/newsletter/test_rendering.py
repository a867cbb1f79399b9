"""An issue as an HTML and a plain-text mail, per reader language."""

import re

import pytest
from django.test import Client

from hub.models import FrontendSettings
from hub.newsletter.rendering import EditionError, render_edition
from hub.newsletter.texts import TEXTS
from tests.factories import locale
from tests.factories.pages import translate_page
from tests.hub.newsletter.conftest import FRONTEND, publish

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')
IMG = re.compile(r"<img [^>]*>")


def hrefs(html: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in HREF.findall(html)]


def test_subject_names_series_number_and_theme(issue):
    edition = render_edition(issue, locale=locale("de"))

    assert edition.subject == "CKnews 2/2026 \u2013 Kreislaufwirtschaft"


def test_every_link_is_absolute_and_pages_lead_to_the_frontend(issue, network_page):
    edition = render_edition(issue, locale=locale("de"))
    _subject, html, _text = edition.for_recipient(unsubscribe_url="https://hub.example/u/")

    links = [href for href in hrefs(html) if not href.startswith("#")]
    assert links
    assert all(href.startswith(("https://", "http://")) for href in links), links
    assert f"{FRONTEND}/cknews/cknews-2-2026/" in links  # read online
    assert f"{FRONTEND}/netzwerk/" in links  # editorial link and the article's related link
    assert "https://www.example.org/mehr" in links
    pdf = issue.pdf_edition
    assert f"http://testserver{pdf.url}" in links
    # The internal link markup is gone; the text around it stays.
    assert "linktype" not in edition.html
    assert ">das Netzwerk</a>" in edition.html


def test_images_are_absolute_renditions_with_size_and_alt_text(issue):
    edition = render_edition(issue, locale=locale("de"))

    images = IMG.findall(edition.html)
    assert len(images) == 2  # the cover and the first article's image
    cover = images[0]
    assert 'alt="Recyclinghof in Goslar"' in cover
    assert 'width="64"' in cover  # never wider than the original
    assert re.search(r'src="http://testserver/media/images/[^"]+\.width-1200\.\w+"', cover)
    assert 'alt="Blick in die Halle"' in images[1]
    assert all("style=" in image for image in images)


def test_text_from_editors_is_escaped(issue):
    edition = render_edition(issue, locale=locale("de"))

    assert "Neue Mitglieder &lt;im&gt; Netzwerk" in edition.html
    assert "<im>" not in edition.html
    # Rich text keeps its markup, with inline styles for mail programs.
    assert re.search(r'<p style="[^"]+" data-block-key="e1">Lesen Sie', edition.html)
    assert "<b>mehr</b>" in edition.html


def test_plain_text_edition_has_the_content_and_its_addresses(issue, network_page):
    edition = render_edition(issue, locale=locale("de"))
    text = edition.text

    assert "CKNEWS 2/2026" in text
    assert f"Im Browser lesen: {FRONTEND}/cknews/cknews-2-2026/" in text
    assert f"das Netzwerk <{FRONTEND}/netzwerk/>" in text
    assert "Neue Mitglieder <im> Netzwerk" in text  # plain text: nothing to escape
    assert "Von Dr. Christoph Mühlhaus" in text
    assert f"Zum Netzwerk: {FRONTEND}/netzwerk/" in text
    assert "<p" not in text and "&amp;" not in text
    assert "\n\n\n" not in text


def test_english_readers_get_the_live_translation(issue, network_page):
    translate_page(network_page, "en", title="The network", slug="network")
    translate_page(issue, "en", title="CKnews 2/2026 (English)", theme="Circular economy")

    edition = render_edition(issue, locale=locale("en"))

    assert edition.subject == "CKnews 2/2026 \u2013 Circular economy"
    assert "CKnews 2/2026 (English)" in edition.html
    assert TEXTS["en"]["read_online"] in edition.html
    assert f"{FRONTEND}/en/cknews/cknews-2-2026/" in hrefs(edition.html)
    assert f"{FRONTEND}/en/network/" in hrefs(edition.html)
    assert '<html lang="en">' in edition.html


def test_english_readers_get_the_german_issue_in_an_english_frame_without_translation(issue):
    draft = translate_page(issue, "en", publish=False, theme="Circular economy")
    assert not draft.live

    edition = render_edition(issue, locale=locale("en"))

    assert edition.subject == "CKnews 2/2026 \u2013 Kreislaufwirtschaft"
    assert TEXTS["en"]["read_online"] in edition.html
    assert '<td lang="de"' in edition.html
    assert f"{FRONTEND}/cknews/cknews-2-2026/" in hrefs(edition.html)


def test_latest_revision_shows_drafts(issue):
    issue.theme = "Wasserstoff"
    issue.save_revision()

    assert "Wasserstoff" in render_edition(issue, locale=locale("de"), latest_revision=True).html
    assert "Wasserstoff" not in render_edition(issue, locale=locale("de")).html


def test_same_content_renders_the_same_digest(issue):
    first = render_edition(issue, locale=locale("de"))
    publish(issue)  # a new revision of unchanged content

    again = render_edition(issue, locale=locale("de"), latest_revision=True)

    assert again.revision_id != first.revision_id
    assert again.digest == first.digest


def test_personal_links_are_filled_in_per_recipient(issue):
    edition = render_edition(issue, locale=locale("de"))

    subject, html, text = edition.for_recipient(unsubscribe_url="https://hub.example/u/1/?a=1&b=2")

    assert "https://hub.example/u/1/?a=1&amp;b=2" in html
    assert "Newsletter abbestellen: https://hub.example/u/1/?a=1&b=2" in text
    assert "__NEWSLETTER" not in html + text
    assert subject == edition.subject
    test_subject, test_html, test_text = edition.for_recipient(unsubscribe_url="x", test=True)
    assert test_subject.startswith("[Test] ")
    assert TEXTS["de"]["test_notice"] in test_html
    assert test_text.startswith("*** ")


def test_an_issue_without_a_frontend_cannot_be_rendered(issue, site):
    FrontendSettings.objects.filter(site=site).update(base_url="")

    with pytest.raises(EditionError, match="frontend base URL"):
        render_edition(issue, locale=locale("de"))


@pytest.mark.urls("tests.hub.newsletter.media_urls")
def test_image_urls_serve_the_rendition(issue):
    edition = render_edition(issue, locale=locale("de"))
    (src,) = re.findall(r'<img src="([^"]+)"', edition.html)[:1]

    response = Client().get(src.removeprefix("http://testserver"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert len(b"".join(response.streaming_content)) > 100


def test_rendering_costs_a_bounded_number_of_queries(
    issue, network_page, django_assert_max_num_queries
):
    render_edition(issue, locale=locale("de"))  # renditions are created on first use

    with django_assert_max_num_queries(25):
        render_edition(issue, locale=locale("de"))
