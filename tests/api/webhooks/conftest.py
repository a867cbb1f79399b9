"""Sites, pages and endpoints of the webhook tests, and the receiver's signature check.

Signatures are checked with the verification code frontends are given
(frontend_contract/webhooks/verify.py), so the tests also prove that code right.
"""

import importlib.util
from pathlib import Path

import pytest

from api.webhooks.models import EventType, WebhookEndpoint
from tests.factories import (
    FrontendSettingsFactory,
    NewsletterIssuePageFactory,
    NewsletterSeriesPageFactory,
    SiteFactory,
)

HOSTNAME = "chemienetzwerk-harz.localhost"
FRONTEND = "https://www.chemienetzwerk-harz.example"
OTHER_HOSTNAME = "recycling-region-harz.localhost"
OTHER_FRONTEND = "https://www.recycling-region-harz.example"

VERIFY_PY = Path(__file__).parents[3] / "frontend_contract" / "webhooks" / "verify.py"


def _load_verify_module():
    spec = importlib.util.spec_from_file_location("hub_webhook_verify", VERIFY_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


verify = _load_verify_module()


def assert_signed_by(request, endpoint: WebhookEndpoint) -> None:
    """The received request carries a valid, fresh signature of ``endpoint``'s secret."""
    verify.verify_webhook(
        secret=endpoint.signing_secret(),
        body=request.body,
        timestamp=request.header("X-Hub-Timestamp"),
        signature=request.header("X-Hub-Signature"),
    )


def make_endpoint(site, url: str, *, events=None, name="Frontend", **fields) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        site=site,
        name=name,
        url=url,
        events=list(EventType.values) if events is None else events,
        **fields,
    )


@pytest.fixture
def site(db):
    return FrontendSettingsFactory(site=SiteFactory(hostname=HOSTNAME), base_url=FRONTEND).site


@pytest.fixture
def other_site(db):
    return FrontendSettingsFactory(
        site=SiteFactory(hostname=OTHER_HOSTNAME), base_url=OTHER_FRONTEND
    ).site


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def series(home):
    return NewsletterSeriesPageFactory(parent=home, title="CKnews", slug="cknews")


@pytest.fixture
def draft_issue(series):
    """A CKnews issue that was never published."""
    return NewsletterIssuePageFactory(
        parent=series, title="CKnews 2026/1", slug="cknews-2026-1", live=False
    )


@pytest.fixture
def fast_retries(settings):
    """Retries after 0.1 s, 0.2 s, ...; answers expected within a second."""
    settings.WEBHOOK_RETRY_BASE_DELAY = 0.1
    settings.WEBHOOK_TIMEOUT = 1
    return settings
