"""A German CKnews issue translated through wagtail-localize, as translators do it.

The strings go through localize's translation memory (extracted source, translated strings)
and ``save_target``; what comes out is the live English page a frontend would show.
"""

import datetime

import pytest
from wagtail.models import Page

from tests.factories import (
    ImageFactory,
    NewsletterIssuePageFactory,
    NewsletterSeriesPageFactory,
    SiteFactory,
    locale,
)
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db

ARTICLE = {
    "headline": "Rohstoffregion Harz",
    "teaser": "Wie Unternehmen Sekundärrohstoffe erschließen.",
    "body": "<p>Der Harz gilt seit jeher als Rohstoffregion.</p>",
    "author_name": "Redaktion",
    "related_link": {"page": None, "url": "", "label": ""},
}
ENGLISH = {
    "CKnews 2/2025 Kreislaufwirtschaft": "CKnews 2/2025 Circular economy",
    "cknews-22025-kreislaufwirtschaft": "cknews-2-2025-circular-economy",
    "Kreislaufwirtschaft": "Circular economy",
    "Rohstoffregion Harz": "The Harz, a raw-materials region",
    "Wie Unternehmen Sekundärrohstoffe erschließen.": "How companies tap secondary raw materials.",
    "Der Harz gilt seit jeher als Rohstoffregion.": "The Harz has long been a mining region.",
    "Redaktion": "Editorial team",
}


@pytest.fixture
def german_issue():
    site = SiteFactory()
    series = NewsletterSeriesPageFactory(parent=site.root_page, title="CKnews", slug="cknews")
    return NewsletterIssuePageFactory(
        parent=series,
        title="CKnews 2/2025 Kreislaufwirtschaft",
        slug="cknews-22025-kreislaufwirtschaft",
        theme="Kreislaufwirtschaft",
        year=2025,
        quarter=2,
        publication_date=datetime.date(2025, 5, 15),
        listing_image=ImageFactory(title="Haldenlandschaft"),
        cover_image=ImageFactory(title="Titelbild"),
        articles=[("article", ARTICLE)],
    )


def test_localize_yields_a_live_english_issue_with_synchronised_facts(
    german_issue, django_capture_on_commit_callbacks
):
    english_locale = locale("en")
    with django_capture_on_commit_callbacks(execute=True):
        for page in reversed(german_issue.get_ancestors().filter(depth__gt=1)):
            translate(page.specific, {})
        translate(german_issue, ENGLISH)

    english = Page.objects.get(
        translation_key=german_issue.translation_key, locale=english_locale
    ).specific
    assert english.live
    assert (english.title, english.slug) == (
        "CKnews 2/2025 Circular economy",
        "cknews-2-2025-circular-economy",
    )
    assert english.url.endswith("/en/cknews/cknews-2-2025-circular-economy/")
    assert english.theme == "Circular economy"

    # Dates, numbers and images are the German page's.
    assert english.publication_date == datetime.date(2025, 5, 15)
    assert (english.issue_number, english.year, english.quarter) == (
        german_issue.issue_number,
        2025,
        2,
    )
    assert english.listing_image_id == german_issue.listing_image_id
    assert english.cover_image_id == german_issue.cover_image_id

    # StreamField text is translated block by block; the block's identity is kept.
    [article] = english.articles
    [german_article] = german_issue.articles
    assert article.id == german_article.id
    assert article.value["headline"] == "The Harz, a raw-materials region"
    assert article.value["teaser"] == "How companies tap secondary raw materials."
    assert "The Harz has long been a mining region." in article.value["body"].source
    assert article.value["author_name"] == "Editorial team"

    # The German source is untouched.
    german_issue.refresh_from_db()
    assert german_issue.title == "CKnews 2/2025 Kreislaufwirtschaft"
    assert german_issue.articles[0].value["headline"] == "Rohstoffregion Harz"
