"""Browser tests: Playwright drives Debian's Chromium against pytest-django's ``live_server``.

Playwright cannot download its own browser builds here, so the tests use the system Chromium
at ``/usr/bin/chromium`` (``make browsers`` installs it). Without it the tests are skipped on a
developer machine and fail in CI, where a missing browser must never pass as green.

Every test in this folder is marked ``e2e`` (``pytest -m "not e2e"`` leaves them out) and runs
against a transactional database with serialized rollback: the live server answers from
another thread, so it only sees committed data, and the rollback emulation restores what
migrations created (Wagtail's root page and default site, the locales) before each test,
which the flush after a transactional test would otherwise remove.
"""

import os
from pathlib import Path

import pytest
from django.db import connections

# Playwright's sync API runs an asyncio event loop in the test's thread and marks it as
# running between calls. Django then takes every ORM call made by the test (creating users,
# pages, ...) for a call from async code and raises SynchronousOnlyOperation. The calls are
# really synchronous, so the guard is switched off for this process.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
    "--disable-dev-shm-usage",
]
DEFAULT_TIMEOUT_MS = 15_000
E2E_DIR = Path(__file__).resolve().parent


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # Before pytest-django's hook, which orders transactional tests after the others.
    for item in items:
        if E2E_DIR not in Path(item.path).resolve().parents:
            continue
        item.add_marker(pytest.mark.e2e)
        if item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


def _carry_serialized_contents(saved: dict[str, str]) -> None:
    """Give this thread's current connections the contents serialized at database set-up.

    Serialized rollback restores what migrations created (groups, workflows, locales) from
    ``connection._test_serialized_contents``, which the set-up stored on the connection
    objects of that moment. Once Playwright's loop runs, this thread gets new connection
    objects (see the note at the top), which lack it: without this, every transactional test
    after the first would start from an empty database.
    """
    for alias, contents in saved.items():
        if not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One headless Chromium for the whole session; each test gets its own context."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (`make browsers`)."
        if _in_ci():
            pytest.fail(f"Browser tests cannot run in CI: {message}", pytrace=False)
        pytest.skip(message)

    from playwright.sync_api import sync_playwright

    saved = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        _carry_serialized_contents(saved)
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()
            # While Playwright's loop counts as running, Django keeps this thread's database
            # connections apart from the ones it opened before (asgiref's Local switches to
            # context-local storage). Close them while they can still be reached: left open,
            # they would keep PostgreSQL from dropping the test database.
            connections.close_all()


@pytest.fixture
def page(browser, live_server):
    """A page in a fresh browser context (own cookies and storage), based at the live server.

    The browser asks for German, the hub's default language, as its editors' browsers do;
    asking for English would get unprefixed public URLs redirected to ``/en/...``.
    """
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", timezone_id="Europe/Berlin"
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def _admin_login(page, live_server, username: str, password: str) -> None:
    """Log into the Wagtail admin through its login form and wait for the dashboard."""
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form.login-form button[type=submit]").click()
    expect(page, "the login form should lead to the admin dashboard").to_have_url(
        f"{live_server.url}/admin/"
    )


@pytest.fixture
def admin_login():
    """``admin_login(page, live_server, username, password)`` logs into the admin."""
    return _admin_login
