"""Routes of the newsletter subscription endpoint."""

from django.urls import path

from api.views.subscriptions import SubscriptionCreateView

urlpatterns = [
    path(
        "newsletters/<int:series_id>/subscriptions/",
        SubscriptionCreateView.as_view(),
        name="newsletter-subscription-create",
    ),
]
