"""Optional CDN purge: with WAGTAILFRONTENDCACHE configured, the frontend URLs of an event
are purged through Wagtail's frontend cache backends (here its HTTP backend, which sends
PURGE requests to the receiver as a caching proxy would get them)."""

import pytest

from tests.api.webhooks.conftest import FRONTEND
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

FRONTEND_HOST = FRONTEND.removeprefix("https://")


@pytest.fixture
def purge_receiver(settings, http_receiver):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": http_receiver.url(),
        }
    }
    # Paths carry their locale prefix already (German has none); no per-language copies.
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    return http_receiver


def test_publishing_purges_the_page_and_what_shows_it(
    purge_receiver, django_capture_on_commit_callbacks, home, draft_issue
):
    link = f'<p><a linktype="page" id="{draft_issue.pk}">Neu</a></p>'
    StandardPageFactory(parent=home, title="Archiv", slug="archiv", body=[("paragraph", link)])

    with django_capture_on_commit_callbacks(execute=True):
        draft_issue.save_revision().publish()

    requests = purge_receiver.wait_for(3)
    assert {request.method for request in requests} == {"PURGE"}
    assert {request.header("Host") for request in requests} == {FRONTEND_HOST}
    assert sorted(request.path for request in requests) == [
        "/archiv/",
        "/cknews/",
        "/cknews/cknews-2026-1/",
    ]


def test_without_a_frontend_base_url_nothing_is_purged(
    purge_receiver, django_capture_on_commit_callbacks, site, draft_issue
):
    site.frontendsettings.base_url = ""
    site.frontendsettings.save()

    with django_capture_on_commit_callbacks(execute=True):
        draft_issue.save_revision().publish()

    assert purge_receiver.requests == []
