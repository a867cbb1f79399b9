"""The dashboard panel "Awaiting communications review" on the admin's home page."""

import datetime
import re

import pytest
from django.db import connection
from django.template.context import make_context
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pages.review_dashboard import (
    CommunicationsReviewPanel,
    pages_awaiting_communications_review,
    pages_scheduled_to_go_live,
)
from pages.workflows import WORKFLOW, communications_workflow
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SiteFactory,
    StandardPageFactory,
)
from tests.pages.publishing import (
    CommunicationsReviewerFactory,
    EditorFactory,
    edit_url,
    logged_in,
    reject,
)

pytestmark = pytest.mark.django_db

PANEL_HEADING = "Awaiting communications review"
NOTHING_AWAITS = "No pages are awaiting communications review."
NOTHING_SCHEDULED = "No pages are scheduled to go live."


@pytest.fixture
def site():
    return SiteFactory(hostname="cluster-chemie-kunststoffe.localhost", site_name="Zukunftscluster")


@pytest.fixture
def editor():
    return EditorFactory(first_name="Eva", last_name="Redakteurin")


@pytest.fixture
def reviewer():
    return CommunicationsReviewerFactory()


def submit(page, user, *, go_live_at=None):
    """``page`` (not live) with a revision by ``user`` sent to its workflow."""
    page.go_live_at = go_live_at
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return page


def schedule(page, go_live_at):
    """``page`` approved to go live at ``go_live_at``."""
    page.go_live_at = go_live_at
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def panel_html(client) -> str:
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    match = re.search(
        r'<section[^>]*id="communications-review-section".*?</section>', response.text, re.S
    )
    return match.group(0) if match else ""


def rows(html: str, table: str) -> list[str]:
    """The text of each row of one of the panel's tables ("awaiting" or "scheduled")."""
    match = re.search(rf'data-communications-review="{table}".*?<tbody>(.*?)</tbody>', html, re.S)
    if not match:
        return []
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr>(.*?)</tr>", match.group(1), re.S)
    ]


def test_reviewers_see_every_page_in_review_oldest_first(site, editor, reviewer):
    news_index = NewsIndexPageFactory(parent=site.root_page)
    go_live = (timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    older = submit(NewsPageFactory(parent=news_index, title="Neues Mitglied", live=False), editor)
    newer = submit(
        EventPageFactory(
            parent=EventIndexPageFactory(parent=site.root_page), title="FORUM 2025", live=False
        ),
        editor,
        go_live_at=go_live,
    )

    html = panel_html(logged_in(reviewer))

    assert PANEL_HEADING in html
    awaiting = rows(html, "awaiting")
    assert len(awaiting) == 2
    assert awaiting[0].startswith("Neues Mitglied News item Zukunftscluster Eva Redakteurin")
    assert awaiting[0].endswith("on approval")
    assert awaiting[1].startswith("FORUM 2025 Event Zukunftscluster Eva Redakteurin")
    assert timezone.localtime(go_live).strftime("%d.%m.%Y %H:%M") in awaiting[1]
    assert f'href="{edit_url(older)}"' in html
    assert f'href="{edit_url(newer)}"' in html
    assert NOTHING_SCHEDULED in html


def test_only_pages_waiting_in_communications_review_are_listed(site, editor, reviewer):
    news_index = NewsIndexPageFactory(parent=site.root_page)
    about = submit(StandardPageFactory(parent=site.root_page, title="Über uns", live=False), editor)
    sent_back = submit(NewsPageFactory(parent=news_index, title="Zurück", live=False), editor)
    reject(logged_in(reviewer), sent_back, "Bitte überarbeiten.")

    html = panel_html(logged_in(reviewer))

    assert about.get_workflow().name != WORKFLOW
    assert rows(html, "awaiting") == []
    assert NOTHING_AWAITS in html


def test_scheduled_pages_are_listed_soonest_first(site, reviewer):
    news_index = NewsIndexPageFactory(parent=site.root_page)
    soon = timezone.now() + datetime.timedelta(hours=3)
    later = timezone.now() + datetime.timedelta(days=10)
    schedule(NewsPageFactory(parent=news_index, title="Später", live=False), later)
    schedule(NewsPageFactory(parent=news_index, title="Bald", live=False), soon)

    html = panel_html(logged_in(reviewer))

    scheduled = rows(html, "scheduled")
    assert [row.split(" News item")[0] for row in scheduled] == ["Bald", "Später"]
    assert timezone.localtime(soon).strftime("%d.%m.%Y %H:%M") in scheduled[0]
    assert NOTHING_AWAITS in html


def test_editors_do_not_see_the_panel_and_superusers_do(editor, staff_client):
    assert panel_html(logged_in(editor)) == ""
    assert PANEL_HEADING in panel_html(staff_client)


def test_the_panel_follows_the_task_groups(reviewer):
    """Reviewers are whoever the approval task names, even after staff changed it."""
    [task] = [task.specific for task in communications_workflow().tasks]
    task.groups.clear()

    assert panel_html(logged_in(reviewer)) == ""


def render_panel(user) -> tuple[str, int]:
    """The panel's HTML and the queries it took (after Wagtail cached the site roots)."""
    request = RequestFactory().get("/admin/")
    request.user = user
    panel = CommunicationsReviewPanel()
    panel.render_html(make_context({}, request))
    with CaptureQueriesContext(connection) as queries:
        html = panel.render_html(make_context({}, request))
    return html, len(queries)


def test_the_query_count_does_not_grow_with_the_lists(site, editor, reviewer):
    news_index = NewsIndexPageFactory(parent=site.root_page)
    go_live = timezone.now() + datetime.timedelta(days=1)

    def add_pages(count: int) -> None:
        for _ in range(count):
            submit(NewsPageFactory(parent=news_index, live=False), editor, go_live_at=go_live)
            schedule(NewsPageFactory(parent=news_index, live=False), go_live)

    add_pages(2)
    _html, queries_for_two = render_panel(reviewer)
    add_pages(8)
    html, queries_for_ten = render_panel(reviewer)

    assert len(pages_awaiting_communications_review()) == 10
    assert len(pages_scheduled_to_go_live()) == 10
    assert len(rows(html, "awaiting")) == len(rows(html, "scheduled")) == 10
    assert queries_for_ten == queries_for_two
