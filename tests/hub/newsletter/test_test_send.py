"""The test send to one address, received by a real SMTP server."""

import re

import pytest
from django.test import Client

from hub.models import FrontendSettings
from hub.newsletter.models import TestSend
from hub.newsletter.sending import SendRefused, send_test
from hub.newsletter.texts import TEXTS
from tests.factories import locale
from tests.factories.pages import translate_page
from tests.hub.newsletter.conftest import FRONTEND, make_issue

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')


@pytest.mark.urls("tests.hub.newsletter.media_urls")
def test_the_test_mail_is_the_whole_edition(issue, staff_user, smtp_server, network_page):
    record = send_test(
        issue=issue, address="pruefung@example.org", locale=locale("de"), user=staff_user
    )

    [message] = smtp_server.wait_for(1)
    assert message.recipients == ["pruefung@example.org"]
    assert message["Subject"] == "[Test] CKnews 2/2026 \u2013 Kreislaufwirtschaft"
    assert message["Message-ID"].endswith("@localhost>")
    html, text = message.html(), message.text()
    assert TEXTS["de"]["test_notice"] in html and TEXTS["de"]["test_notice"] in text

    links = [link.replace("&amp;", "&") for link in HREF.findall(html) if not link.startswith("#")]
    assert all(link.startswith("http") for link in links), links
    assert f"{FRONTEND}/cknews/cknews-2-2026/" in links
    assert f"{FRONTEND}/netzwerk/" in links
    assert f"{FRONTEND}/netzwerk/" in text

    unsubscribe = "http://testserver/newsletter/unsubscribe/test/"
    assert unsubscribe in links and unsubscribe in text
    assert message["List-Unsubscribe"].strip() == f"<{unsubscribe}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    client = Client()
    image_urls = re.findall(r'<img src="(http://testserver/media/[^"]+)"', html)
    assert len(image_urls) == 2
    for url in image_urls:
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("image/")
    assert client.get(unsubscribe.removeprefix("http://testserver")).status_code == 200

    assert (record.issue, record.address, record.sent_by) == (
        issue,
        "pruefung@example.org",
        staff_user,
    )
    assert record.revision_id == issue.latest_revision_id
    assert record.locale == locale("de")
    assert len(record.content_digest) == 64


def test_a_draft_can_be_tested(series, network_page, staff_user, smtp_server):
    draft = make_issue(series, network_page=network_page, publish_it=False)
    draft.save_revision()

    send_test(issue=draft, address="pruefung@example.org", locale=locale("de"), user=staff_user)

    [message] = smtp_server.wait_for(1)
    assert "CKnews 2/2026" in message["Subject"]
    assert TestSend.objects.get().revision_id == draft.latest_revision_id


def test_the_english_edition_can_be_tested(issue, staff_user, smtp_server):
    draft = translate_page(issue, "en", publish=False, theme="Circular economy")
    draft.save_revision()

    send_test(issue=issue, address="check@example.org", locale=locale("en"), user=staff_user)

    [message] = smtp_server.wait_for(1)
    assert message["Subject"] == "[Test] CKnews 2/2026 \u2013 Circular economy"
    assert TEXTS["en"]["read_online"] in message.html()


def test_a_failing_mail_server_records_no_test(issue, staff_user, smtp_server):
    smtp_server.fail_next(1)

    with pytest.raises(Exception, match="451"):
        send_test(issue=issue, address="pruefung@example.org", locale=locale("de"), user=staff_user)

    assert not TestSend.objects.exists()


def test_an_issue_without_frontend_cannot_be_tested(issue, site, staff_user, smtp_server):
    FrontendSettings.objects.filter(site=site).update(base_url="")

    with pytest.raises(SendRefused, match="frontend base URL"):
        send_test(issue=issue, address="pruefung@example.org", locale=locale("de"), user=staff_user)

    assert smtp_server.messages == []
