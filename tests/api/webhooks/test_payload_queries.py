"""Working out an event costs a fixed number of queries, however many pages show the object."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from api.webhooks.payloads import page_change, site_events, snippet_change
from tests.factories import (
    NewsIndexPageFactory,
    NewsletterIssuePageFactory,
    NewsPageFactory,
    PersonFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

# The page with its locale and privacy; the pages that show it (one query: the reference
# index, parents and translations are subqueries); the sites' hostnames. Wagtail's site
# root paths come from its cache (when cold: one query, plus one per site).
PAGE_EVENT_QUERIES = 3
# The pages that show the snippet; the hostnames.
SNIPPET_EVENT_QUERIES = 2


def link_to(page) -> list:
    return [("paragraph", f'<p><a linktype="page" id="{page.pk}">Mehr</a></p>')]


def queries_of(work) -> tuple[int, list]:
    """Queries of working out the change and its per-site events."""
    Site.get_site_root_paths()
    with CaptureQueriesContext(connection) as captured:
        events = site_events(work())
    return len(captured.captured_queries), events


def test_a_page_event_costs_the_same_whatever_links_to_it(home, series):
    issue = NewsletterIssuePageFactory(parent=series, title="CKnews 2026/1", slug="cknews-2026-1")

    def work():
        return page_change(action="published", page_id=issue.pk, occurred_at=timezone.now())

    StandardPageFactory(parent=home, body=link_to(issue))
    few, _events = queries_of(work)
    for _ in range(9):
        StandardPageFactory(parent=home, body=link_to(issue))
    many, [event] = queries_of(work)

    assert few == many == PAGE_EVENT_QUERIES
    assert len(event.payload["affected_paths"]) == 11  # the series and ten linking pages


def test_a_snippet_event_costs_the_same_whatever_shows_it(home):
    person = PersonFactory()
    news_index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news_index, author=person)
    person = type(person).objects.select_related("locale").get(pk=person.pk)

    def work():
        return snippet_change(action="published", snippet=person, occurred_at=timezone.now())

    few, _events = queries_of(work)
    for _ in range(8):
        NewsPageFactory(parent=news_index, author=person)
    many, events = queries_of(work)

    assert few == many == SNIPPET_EVENT_QUERIES
    # Every site gets the event (Wagtail's default site too); this site's lists the news.
    [event] = [event for event in events if event.site_id == home.get_site().pk]
    assert len(event.payload["affected_paths"]) == 9
