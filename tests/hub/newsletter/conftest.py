"""Fixtures of the newsletter tests: a site with a frontend, the CKnews series, an issue
with every kind of content a mail shows, and subscribers."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from hub.newsletter.models import Subscriber, SubscriberStatus
from tests.factories import (
    DocumentFactory,
    FrontendSettingsFactory,
    ImageFactory,
    NetworkPageFactory,
    NewsletterIssuePageFactory,
    NewsletterSeriesPageFactory,
    PersonFactory,
    SiteFactory,
    locale,
)
from tests.factories.sites import FRONTEND_BASE_URL

FRONTEND = FRONTEND_BASE_URL


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and Wagtail's cached site root paths start empty in every test."""
    cache.clear()
    yield
    cache.clear()


def publish(page):
    """Save a revision of ``page`` and publish it, as the editor's "Publish" does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def site(db):
    site = SiteFactory(hostname="testserver", site_name="ChemieNetzwerk Harz")
    FrontendSettingsFactory(site=site, base_url=FRONTEND)
    return site


@pytest.fixture
def series(site):
    return publish(
        NewsletterSeriesPageFactory(
            parent=site.root_page, title="CKnews", slug="cknews", short_name="CKnews"
        )
    )


@pytest.fixture
def network_page(site):
    return publish(NetworkPageFactory(parent=site.root_page, title="Das Netzwerk", slug="netzwerk"))


def article(*, headline: str, image=None, author=None, link_page=None, body: str = "") -> dict:
    """A stored value of a NewsletterArticleBlock."""
    return {
        "type": "article",
        "value": {
            "headline": headline,
            "teaser": f"Kurz gesagt: {headline}.",
            "image": {
                "image": image.pk if image else None,
                "alt_text": "Blick in die Halle" if image else "",
                "decorative": False,
            },
            "body": body or "<p>Der Artikel in voller Länge.</p>",
            "author": author.pk if author else None,
            "author_name": "" if author else "Redaktion CKnews",
            "related_link": {
                "page": link_page.pk if link_page else None,
                "url": "" if link_page else "https://www.example.org/mehr",
                "label": "Zum Netzwerk" if link_page else "",
            },
        },
    }


def make_issue(series, *, network_page, publish_it: bool = True, **fields):
    """A CKnews issue with a cover, an editorial linking a page and a document, two
    articles (one with image and author), and a PDF edition."""
    document = DocumentFactory(title="Jahresbericht")
    author = PersonFactory(first_name="Christoph", last_name="Mühlhaus", honorific="Dr.")
    values = {
        "title": "CKnews 2/2026",
        "slug": "cknews-2-2026",
        "issue_number": 2,
        "year": 2026,
        "theme": "Kreislaufwirtschaft",
        "cover_image": ImageFactory(title="Titelbild", description="Recyclinghof in Goslar"),
        "editorial": (
            '<p data-block-key="e1">Lesen Sie mehr über <a linktype="page" '
            f'id="{network_page.pk}">das Netzwerk</a> und im <a linktype="document" '
            f'id="{document.pk}">Jahresbericht</a> &amp; <b>mehr</b>.</p>'
        ),
        "articles": [
            article(
                headline="Rohstoffregion Harz",
                image=ImageFactory(),
                author=author,
                link_page=network_page,
            ),
            article(headline="Neue Mitglieder <im> Netzwerk"),
        ],
        "pdf_edition": DocumentFactory(title="CKnews 2/2026 PDF"),
        **fields,
    }
    issue = NewsletterIssuePageFactory(parent=series, live=publish_it, **values)
    return publish(issue) if publish_it else issue


@pytest.fixture
def issue(series, network_page):
    return make_issue(series, network_page=network_page)


def add_subscribers(
    series, count: int, *, language: str = "de", status=SubscriberStatus.CONFIRMED, start=0
) -> list[Subscriber]:
    now = timezone.now()
    return Subscriber.objects.bulk_create(
        [
            Subscriber(
                series=series,
                email=f"leser{start + number}.{language}@example.org",
                locale=locale(language),
                status=status,
                requested_at=now,
                confirmed_at=now if status == SubscriberStatus.CONFIRMED else None,
                consent_text="Ich möchte den Newsletter erhalten.",
                consent_version="2026-1",
            )
            for number in range(count)
        ]
    )
