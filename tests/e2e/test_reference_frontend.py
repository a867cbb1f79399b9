"""The reference frontend (frontend_contract/demo/) in Chromium, against the hub's API.

The frontend runs on a port of its own, served by its ``serve.py``, and its JavaScript calls
the live server's API cross-origin, as a deployed frontend does. The tests allow the
frontend's origin in ``CORS_ALLOWED_ORIGINS`` and show that a frontend on an origin outside
the list gets no content.

The live server answers from another thread and sees committed data only, so the demo
content is loaded (or restored from the session's copy, see ``tests/hub/demo_loading.py``)
inside the (transactional) test rather than with a rolled-back module fixture; the flush
after the test removes it again.
"""

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import expect
from wagtail.contrib.redirects.models import Redirect

from tests.factories import SiteFactory, StandardPageFactory, body_block_values
from tests.hub.demo_loading import load_demo_once

SERVE_SCRIPT = Path(__file__).resolve().parents[2] / "frontend_contract" / "demo" / "serve.py"

CLUSTER_SITE = "cluster-chemie-kunststoffe.localhost"
ISSUE_PATH_DE = "/cknews/cknews-2026-1/"
ISSUE_PATH_EN = "/en/cknews/cknews-2026-1/"
ISSUE_TITLE_DE = "CKnews 1/2026 \N{EN DASH} Wasserstoff als Rohstoff der Chemie"
ISSUE_TITLE_EN = "CKnews 1/2026 \N{EN DASH} Hydrogen as a chemical feedstock"
HEADLINES_DE = ["Vom Elektrolyseur in den Chemiepark", "Roadmap-Workshop angekündigt"]
HEADLINES_EN = ["From the electrolyser to the chemical park", "Roadmap workshop announced"]

BLOCKS_SITE = "bloecke.localhost"
# A Wagtail redirect of the blocks site leads from here to the page with every block.
OLD_PATH = "/alte-seite"


@contextmanager
def reference_frontend(api_url: str, site: str) -> Iterator[str]:
    """``serve.py`` on a free port for ``site`` of the hub at ``api_url``; yields its origin."""
    command = [sys.executable, str(SERVE_SCRIPT), "--api", api_url, "--site", site]
    process = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        first_line = process.stdout.readline()
        started = re.fullmatch(r"Serving on (http://127\.0\.0\.1:\d+)\n", first_line)
        assert started, f"serve.py did not start: {first_line!r}"
        yield started.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


@pytest.fixture
def frontend(live_server, settings) -> Iterator[Callable[..., str]]:
    """``frontend(site, allowed=True)`` starts a reference frontend and returns its origin;
    with ``allowed`` its origin is added to the hub's CORS allow-list."""
    settings.CORS_ALLOWED_ORIGINS = []
    with ExitStack() as running:

        def start(site: str, *, allowed: bool = True) -> str:
            origin = running.enter_context(reference_frontend(live_server.url, site))
            if allowed:
                settings.CORS_ALLOWED_ORIGINS = [*settings.CORS_ALLOWED_ORIGINS, origin]
            return origin

        yield start


@pytest.fixture
def demo_content(settings):
    """The demo sites, committed for the live server.

    Wagtail caches the site root paths; entries of other tests' sites (or of these, after
    the flush) must not be used for the wrong pages.
    """
    cache.clear()
    load_demo_once(settings.MEDIA_ROOT)
    yield
    cache.clear()


def resolve_url(live_server, path: str) -> str:
    return f"{live_server.url}/api/v1/pages/resolve/?site={BLOCKS_SITE}&path={path}"


def fetch_outcome(page, url: str) -> str:
    """What a fetch of ``url`` from the page's origin gives: "answered <status>" or the name
    of the error (a TypeError when the browser withholds the answer under CORS)."""
    return page.evaluate(
        "url => fetch(url).then(answer => `answered ${answer.status}`, error => error.name)", url
    )


def rendered_block_types(page) -> list[str]:
    return page.locator("[data-block-type]").evaluate_all(
        "blocks => blocks.map(block => block.dataset.blockType)"
    )


def test_reader_switches_the_cknews_issue_between_german_and_english(page, frontend, demo_content):
    origin = frontend(CLUSTER_SITE)
    headlines = page.locator("[data-field=articles] [data-block-type=article] h2")

    page.goto(f"{origin}{ISSUE_PATH_DE}")
    expect(page.locator("body")).to_have_attribute("data-state", "page")
    expect(page.locator("main h1")).to_have_text(ISSUE_TITLE_DE)
    expect(headlines).to_have_text(HEADLINES_DE)
    expect(page.locator("[data-field=editorial]")).to_contain_text("Grüner Wasserstoff")
    expect(page.locator("#breadcrumbs li")).to_have_text(
        [re.compile(r"Zukunftscluster"), "CKnews", ISSUE_TITLE_DE]
    )
    expect(page.locator("#main-nav a").first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "de")

    # A marker on the window: client-side navigation keeps it, a page load would lose it.
    page.evaluate("window.stillTheSameDocument = true")

    page.locator("#language-switcher a[hreflang=en]").click()
    expect(page).to_have_url(f"{origin}{ISSUE_PATH_EN}")
    expect(page.locator("main h1")).to_have_text(ISSUE_TITLE_EN)
    expect(headlines).to_have_text(HEADLINES_EN)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#breadcrumbs li").last).to_have_text(ISSUE_TITLE_EN)
    # The menus follow the page into English.
    menu_paths = page.locator("#main-nav a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert menu_paths, "the English main menu is empty"
    assert all(path.startswith("/en/") for path in menu_paths), menu_paths
    assert page.evaluate("window.stillTheSameDocument") is True

    page.locator("#language-switcher a[hreflang=de]").click()
    expect(page).to_have_url(f"{origin}{ISSUE_PATH_DE}")
    expect(page.locator("main h1")).to_have_text(ISSUE_TITLE_DE)
    expect(headlines).to_have_text(HEADLINES_DE)

    # The browser's history works as with page loads.
    page.go_back()
    expect(page).to_have_url(f"{origin}{ISSUE_PATH_EN}")
    expect(headlines).to_have_text(HEADLINES_EN)
    assert page.evaluate("window.stillTheSameDocument") is True

    # An address without a page: the API's 404 problem becomes the not-found page.
    page.goto(f"{origin}/cknews/gibt-es-nicht/")
    expect(page.locator("body")).to_have_attribute("data-state", "not-found")
    expect(page.locator("main h1")).to_have_text("Seite nicht gefunden")


@pytest.fixture
def page_with_every_block():
    """A German page on its own site whose body holds one block of every body block type."""
    site = SiteFactory(hostname=BLOCKS_SITE, port=80)
    standard = StandardPageFactory(
        parent=site.root_page, title="Alle Blöcke <b>im</b> Test", slug="alle-bloecke"
    )
    values = body_block_values(link_page=site.root_page)
    standard.body = [{"type": name, "value": value} for name, value in values.items()]
    standard.save_revision().publish()
    Redirect.objects.create(site=site, old_path=OLD_PATH, redirect_page=standard)
    cache.clear()
    yield "/alle-bloecke/", list(values)
    cache.clear()


def test_frontend_renders_every_block_type_for_an_allowed_origin_only(
    page, live_server, frontend, page_with_every_block
):
    path, block_types = page_with_every_block
    allowed = frontend(BLOCKS_SITE)
    refused = frontend(BLOCKS_SITE, allowed=False)

    # The old address of the page: the API answers with a redirect, which the frontend
    # follows by replacing the address.
    page.goto(f"{allowed}{OLD_PATH}/")
    expect(page.locator("body")).to_have_attribute("data-state", "page")
    expect(page).to_have_url(f"{allowed}{path}")
    # Titles are text: markup in them is shown, not applied.
    expect(page.locator("main h1")).to_have_text("Alle Blöcke <b>im</b> Test")
    expect(page.locator("main h1 b")).to_have_count(0)
    expect(page.locator("[data-block-type]")).to_have_count(len(block_types))
    assert rendered_block_types(page) == block_types
    expect(page.locator(".block--unknown")).to_have_count(0)

    block = page.locator
    expect(block("[data-block-type=heading] h3")).to_have_text("Kompetenzregion Westharz")
    # Rich text is HTML.
    expect(block("[data-block-type=paragraph] b")).to_have_text("19 Mitglieder")
    expect(block("[data-block-type=quote] figcaption")).to_have_text(
        "Dr. Christoph Mühlhaus, Clustersprecher"
    )
    expect(block("[data-block-type=accordion] summary")).to_have_text("Wer kann Mitglied werden?")
    expect(block("[data-block-type=call_to_action] a")).to_have_attribute("href", "/")
    image = block("[data-block-type=image] img")
    expect(image).to_have_attribute("alt", "Blick in die Produktionshalle")
    expect(image).to_have_attribute(
        "srcset",
        re.compile(r"width-640\.\w+ \d+w, .+width-1024\.\w+ \d+w, .+width-1600\.\w+ \d+w$"),
    )
    expect(image).to_have_attribute("width", re.compile(r"^\d+$"))
    expect(block("[data-block-type=image] figcaption")).to_contain_text("Produktion in Goslar")
    expect(block("[data-block-type=gallery] img")).to_have_count(2)
    expect(block("[data-block-type=embed] a")).to_have_attribute(
        "href", re.compile(r"^https://www\.youtube\.com/watch\?v=cluster")
    )
    expect(block("[data-block-type=document] a")).to_have_text(re.compile(r"^Jahresbericht"))
    expect(block("[data-block-type=key_figures] dd")).to_have_text("12.000")
    expect(block("[data-block-type=timeline] h3")).to_have_text("Gründung")
    expect(block("[data-block-type=quote_snippet] blockquote")).not_to_be_empty()
    expect(block("[data-block-type=funding_notice]")).to_contain_text(
        "Gefördert vom Bundesministerium für Bildung und Forschung."
    )
    expect(block("[data-block-type=people] .person")).to_have_count(1)
    expect(block("[data-block-type=organisations] .organisation")).to_have_count(1)

    assert fetch_outcome(page, resolve_url(live_server, path)) == "answered 200"

    # A block type the frontend does not know (the contract may add some) stays visible.
    unknown = page.evaluate(
        """async () => {
            const { renderBlock } = await import("/_app/blocks.js");
            const { stringsFor } = await import("/_app/i18n.js");
            const block = { type: "poll", id: "1", value: {} };
            return renderBlock(block, { locale: "de", strings: stringsFor("de") }).textContent;
        }"""
    )
    assert unknown == "Unbekannter Blocktyp: „poll“"

    # The same frontend on an origin the hub does not allow: the browser withholds the
    # answers, and the frontend shows its error state instead of content.
    page.goto(f"{refused}{path}")
    expect(page.locator("body")).to_have_attribute("data-state", "error")
    expect(page.get_by_role("alert")).to_contain_text("Die Inhalte konnten nicht geladen werden")
    expect(page.locator("[data-block-type]")).to_have_count(0)
    assert fetch_outcome(page, resolve_url(live_server, path)) == "TypeError"
