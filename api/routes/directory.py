"""Routes of the directory endpoints: organisations, people, fundings, site offers, events
and newsletters."""

from django.urls import path

from api.views import directory, events, newsletters

urlpatterns = [
    path(
        "organisations/",
        directory.OrganisationListView.as_view(),
        name="organisation-list",
    ),
    path(
        "organisations/<int:pk>/",
        directory.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path("people/", directory.PersonListView.as_view(), name="person-list"),
    path("people/<int:pk>/", directory.PersonDetailView.as_view(), name="person-detail"),
    path("funding/", directory.FundingListView.as_view(), name="funding-list"),
    path("funding/<int:pk>/", directory.FundingDetailView.as_view(), name="funding-detail"),
    path("site-offers/", directory.SiteOfferListView.as_view(), name="site-offer-list"),
    path("events/", events.EventListView.as_view(), name="event-list"),
    path("events/ical/", events.EventCalendarView.as_view(), name="event-ical"),
    path("newsletters/", newsletters.NewsletterSeriesListView.as_view(), name="newsletter-list"),
    path(
        "newsletters/<int:series_id>/issues/",
        newsletters.NewsletterIssueListView.as_view(),
        name="newsletter-issue-list",
    ),
]
