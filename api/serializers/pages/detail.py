"""The page detail payload: one serializer per page type, chosen by the page's model.

``PAGE_DETAIL_SCHEMA`` describes it in the contract as ``PageDetail``: a ``oneOf`` of the
per-type components (``HomePage``, ``NewsletterIssuePage``, ...) told apart by ``type``.
"""

from typing import Any

from drf_spectacular.utils import PolymorphicProxySerializer
from wagtail.models import Page

from api.serializers.pages.base import PageSerializer
from api.serializers.pages.cluster import ClusterIndexPageSerializer, ClusterPageSerializer
from api.serializers.pages.directory import DirectoryPageSerializer
from api.serializers.pages.documentation import (
    DocumentationItemPageSerializer,
    DocumentSeriesPageSerializer,
)
from api.serializers.pages.event import EventIndexPageSerializer, EventPageSerializer
from api.serializers.pages.home import HomePageSerializer
from api.serializers.pages.network import NetworkPageSerializer
from api.serializers.pages.news import NewsIndexPageSerializer, NewsPageSerializer
from api.serializers.pages.newsletter import (
    NewsletterIssuePageSerializer,
    NewsletterSeriesPageSerializer,
)
from api.serializers.pages.project import ProjectIndexPageSerializer, ProjectPageSerializer
from api.serializers.pages.registry import PAGE_TYPE_NAMES
from api.serializers.pages.standard import StandardPageSerializer

PAGE_DETAIL_SERIALIZERS: dict[type[Page], type[PageSerializer]] = {
    serializer_class.page_model: serializer_class
    for serializer_class in (
        HomePageSerializer,
        NetworkPageSerializer,
        ClusterIndexPageSerializer,
        ClusterPageSerializer,
        ProjectIndexPageSerializer,
        ProjectPageSerializer,
        NewsletterSeriesPageSerializer,
        NewsletterIssuePageSerializer,
        DocumentSeriesPageSerializer,
        DocumentationItemPageSerializer,
        EventIndexPageSerializer,
        EventPageSerializer,
        NewsIndexPageSerializer,
        NewsPageSerializer,
        StandardPageSerializer,
        DirectoryPageSerializer,
    )
}

PAGE_DETAIL_SCHEMA = PolymorphicProxySerializer(
    component_name="PageDetail",
    serializers={
        PAGE_TYPE_NAMES[model]: serializer_class
        for model, serializer_class in PAGE_DETAIL_SERIALIZERS.items()
    },
    resource_type_field_name="type",
)


def load_page_detail(page: Page) -> Page:
    """The specific page behind ``page`` (a plain Page row) with what its serializer reads
    fetched along: one query for the page and its foreign keys, one per prefetched
    relation. The live row is read, never a draft revision."""
    serializer_class = PAGE_DETAIL_SERIALIZERS[page.specific_class]
    return serializer_class.detail_queryset().get(pk=page.pk)


def page_detail(page: Page, *, request: Any) -> dict:
    """The detail payload of a specific ``page`` (see ``load_page_detail``), rendered in
    the page's own locale."""
    serializer_class = PAGE_DETAIL_SERIALIZERS[type(page)]
    context = {"request": request, "locale": page.locale}
    return serializer_class(page, context=context).data
