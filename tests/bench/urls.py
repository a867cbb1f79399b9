"""URLs of the API benchmark: Wagtail's API v2 under /api/v2/, then the hub's own URLs.

Wagtail's API v2 only outputs the fields a page model lists in ``api_fields``. The hub's
models list none (the hub does not ship v2), so v2 would answer with titles and meta data
only and the comparison would measure less work on the v2 side. The benchmark therefore
exposes the content fields that v1 returns for the pages it requests: the newsletter issue
(resolved) and the list fields of events (listed). Images in the listing come as one
rendition, the one v1 calls ``thumbnail``; v2 has no set of named renditions.
"""

from django.urls import path
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.views import ImagesAPIViewSet

from api.serializers.images import RENDITIONS
from hub.urls import urlpatterns as hub_urlpatterns
from pages.models import EventPage, NewsletterIssuePage

LISTING_FIELDS = [
    APIField("listing_title"),
    APIField("listing_summary"),
    APIField("listing_image", serializer=ImageRenditionField(RENDITIONS["thumbnail"])),
]

NewsletterIssuePage.api_fields = [
    *LISTING_FIELDS,
    APIField("issue_number"),
    APIField("year"),
    APIField("quarter"),
    APIField("theme"),
    APIField("publication_date"),
    APIField("cover_image"),
    APIField("editorial"),
    APIField("articles"),
    APIField("pdf_edition"),
]
EventPage.api_fields = LISTING_FIELDS

api_v2_router = WagtailAPIRouter("wagtailapi")
api_v2_router.register_endpoint("pages", PagesAPIViewSet)
api_v2_router.register_endpoint("images", ImagesAPIViewSet)
api_v2_router.register_endpoint("documents", DocumentsAPIViewSet)

# Before the hub's URLs: their /api/ prefix answers every unknown path with a 404 problem.
urlpatterns = [path("api/v2/", api_v2_router.urls), *hub_urlpatterns]
