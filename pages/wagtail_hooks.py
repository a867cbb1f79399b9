"""Admin for communications staff.

The menu "Communications" has flat listings of the pages staff publish most often: the page
tree spreads newsletter issues, documentation, events and news over several sites; these
listings show each kind across all sites, with its own date column. Reviewers find the
dashboard panel "Awaiting communications review" on the admin's home page.
"""

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from pages.models import DocumentationItemPage, EventPage, NewsletterIssuePage, NewsPage
from pages.review_dashboard import CommunicationsReviewPanel
from pages.workflows import can_review


class NewsletterIssueListingViewSet(PageListingViewSet):
    model = NewsletterIssuePage
    name = "communications_newsletter_issues"
    url_prefix = "communications/newsletter-issues"
    icon = "mail"
    menu_label = "Newsletter issues"
    columns = [
        *PageListingViewSet.columns,
        Column("issue_number", label="Issue", sort_key="issue_number", width="8%"),
        Column("year", label="Year", sort_key="year", width="8%"),
        DateColumn("publication_date", label="Published", sort_key="publication_date"),
    ]


class DocumentationListingViewSet(PageListingViewSet):
    model = DocumentationItemPage
    name = "communications_documentation"
    url_prefix = "communications/documentation"
    icon = "doc-full"
    menu_label = "Event documentation"
    columns = [
        *PageListingViewSet.columns,
        DateColumn("event_date", label="Event date", sort_key="event_date"),
    ]


class EventListingViewSet(PageListingViewSet):
    model = EventPage
    name = "communications_events"
    url_prefix = "communications/events"
    icon = "calendar"
    menu_label = "Events"
    columns = [
        *PageListingViewSet.columns,
        DateColumn("start", label="Starts", sort_key="start"),
    ]


class NewsListingViewSet(PageListingViewSet):
    model = NewsPage
    name = "communications_news"
    url_prefix = "communications/news"
    icon = "doc-empty"
    menu_label = "News"
    columns = [
        *PageListingViewSet.columns,
        DateColumn("date", label="Date", sort_key="date"),
    ]


class CommunicationsViewSetGroup(ViewSetGroup):
    menu_label = "Communications"
    menu_icon = "mail"
    menu_order = 150
    items = (
        NewsletterIssueListingViewSet,
        DocumentationListingViewSet,
        EventListingViewSet,
        NewsListingViewSet,
    )


@hooks.register("register_admin_viewset")
def register_communications_listings():
    return CommunicationsViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_communications_review_panel(request, panels):
    if can_review(request.user):
        panels.append(CommunicationsReviewPanel())
