"""The admin's preview in Chromium: staff change a live page in the editor, open the
preview (in Wagtail's preview panel and in a new tab), and the reference frontend's preview
route shows the unsaved draft under its banner, while the live API keeps the published page.

The reference frontend runs on a port of its own (``serve.py``), and the site's frontend
settings point its preview URL at the frontend's ``/_preview`` route, as the demo does.
"""

import re
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from hub.models import FrontendSettings
from pages.models import StandardPage
from tests.conftest import STAFF_PASSWORD
from tests.e2e.test_reference_frontend import reference_frontend
from tests.factories import SiteFactory, StandardPageFactory

SITE = "vorschau.localhost"
LIVE_TITLE = "Über uns"
DRAFT_TITLE = "Über das Netzwerk"


@pytest.fixture
def previewable_page(live_server, settings) -> Iterator[tuple[StandardPage, str]]:
    """A live page on a site whose frontend, a running reference frontend, has its preview
    route configured; yields the page and the frontend's origin."""
    site = SiteFactory(hostname=SITE, port=80)
    about = StandardPageFactory(
        parent=site.root_page, title=LIVE_TITLE, slug="ueber-uns", intro="Wer wir sind."
    )
    about.save_revision().publish()
    with reference_frontend(live_server.url, SITE) as origin:
        FrontendSettings.objects.create(
            site=site, base_url=origin, preview_url=f"{origin}/_preview"
        )
        settings.CORS_ALLOWED_ORIGINS = [origin]
        cache.clear()
        yield about, origin
    cache.clear()


def test_staff_see_their_unsaved_title_in_the_frontend_preview(
    page, live_server, admin_login, staff_user, previewable_page, settings
):
    about, origin = previewable_page
    admin_login(page, live_server, staff_user.username, STAFF_PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    page.locator("#id_title").fill(DRAFT_TITLE)

    # The preview panel posts the form, then loads the preview into its iframe; the hub
    # redirects that to the frontend's preview route.
    page.locator('[data-side-panel-toggle="preview"]').click()
    panel = page.frame_locator("#w-preview-iframe")
    expect(panel.locator("body")).to_have_attribute("data-state", "page")
    expect(panel.locator("main h1")).to_have_text(DRAFT_TITLE)
    expect(panel.locator("#preview-banner")).to_contain_text("Vorschau / Preview")

    with page.context.expect_page() as opened:
        page.locator('[data-w-preview-target="newTab"]').click()
    tab = opened.value
    expect(tab).to_have_url(re.compile(rf"^{re.escape(origin)}/_preview\?token=[^&]+$"))
    expect(tab.locator("body")).to_have_attribute("data-state", "page")
    expect(tab.locator("main h1")).to_have_text(DRAFT_TITLE)
    expect(tab.locator(".page__lead")).to_have_text("Wer wir sind.")
    expect(tab.get_by_role("status")).to_contain_text("Vorschau / Preview")
    expect(tab.locator('meta[name="robots"]')).to_have_attribute("content", "noindex")
    route_headers = tab.request.get(tab.url).headers
    assert route_headers["x-robots-tag"] == "noindex"
    assert route_headers["cache-control"] == "no-store"
    expect(tab.locator("#breadcrumbs li").last).to_have_text(DRAFT_TITLE)

    # Nothing was saved: the live API and the live page keep the published title.
    live = page.request.get(f"{live_server.url}/api/v1/pages/{about.pk}/").json()
    assert live["title"] == LIVE_TITLE
    assert StandardPage.objects.get(pk=about.pk).title == LIVE_TITLE
    preview_address = tab.url
    tab.goto(f"{origin}/ueber-uns/")
    expect(tab.locator("main h1")).to_have_text(LIVE_TITLE)
    expect(tab.locator("#preview-banner")).to_have_count(0)

    # Links that no longer work tell staff what to do.
    settings.PREVIEW_TOKEN_MAX_AGE = 0
    tab.goto(preview_address)
    expect(tab.locator("body")).to_have_attribute("data-preview-problem", "expired")
    expect(tab.get_by_role("alert")).to_contain_text("Die Vorschau ist abgelaufen")
    tab.goto(f"{origin}/_preview?token=ausgedacht")
    expect(tab.locator("body")).to_have_attribute("data-preview-problem", "invalid")
    expect(tab.get_by_role("alert")).to_contain_text("Ungültiger Vorschau-Link")
