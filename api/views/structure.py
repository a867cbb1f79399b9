"""A site's structure for frontends: navigation, redirect lookup and sitemap."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from wagtail.models import Locale

from api.params import LocaleField, QueryParameters, SiteField
from api.problems import NotFound
from api.selectors.navigation import site_navigation, sitemap_entries, sitemap_pages
from api.selectors.redirects import find_redirect
from api.serializers.structure import (
    NavigationSerializer,
    RedirectTargetSerializer,
    SitemapEntrySerializer,
)
from api.views.base import PublicAPIView, PublicListView

SITE_HELP = "Hostname of the site, e.g. chemienetzwerk-harz.localhost."


class NavigationParameters(QueryParameters):
    site = SiteField(help_text=SITE_HELP)
    locale = LocaleField(
        required=False, help_text="Language of the menus (default: de, the source language)."
    )


class NavigationView(PublicAPIView):
    """Main menu and footer of a site in one language.

    ``GET /api/v1/navigation/?site=chemienetzwerk-harz.localhost&locale=en``::

        {"site": "chemienetzwerk-harz.localhost", "locale": "en",
         "main": [{"id": 31, "title": "The network", "path": "/en/network/",
                   "children": [{"id": 32, "title": "Cluster atlas",
                                 "path": "/en/network/cluster-atlas/"}]}],
         "footer": [{"id": 40, "title": "Imprint", "path": "/en/imprint/"}]}

    Both lists are empty when the site has no content in that language.
    """

    parameters_class = NavigationParameters

    @extend_schema(responses=NavigationSerializer, summary="Main menu and footer of a site")
    def get(self, request):
        navigation = site_navigation(
            site=self.params["site"],
            locale=self.params.get("locale") or Locale.get_default(),
            request=request,
        )
        return Response(NavigationSerializer(navigation).data)


class RedirectParameters(QueryParameters):
    site = SiteField(help_text=SITE_HELP)
    path = serializers.CharField(
        max_length=2000,
        help_text="The frontend path a visitor asked for, query string included: /alt/?a=1.",
    )

    def validate_path(self, value: str) -> str:
        if not value.startswith("/"):
            raise serializers.ValidationError("Give a path that starts with /.")
        return value


class RedirectLookupView(PublicAPIView):
    """The redirect an editor set up for a path, for frontends to answer with.

    ``GET /api/v1/redirects/?site=chemienetzwerk-harz.localhost&path=/alt/ueber-uns/``::

        {"old_path": "/alt/ueber-uns", "status_code": 301,
         "location": "/ueber-uns/", "is_external": false}

    A 404 problem when there is none, or when it leads to a page that is not public.
    A redirect for the site wins over one for all sites.
    """

    parameters_class = RedirectParameters

    @extend_schema(responses=RedirectTargetSerializer, summary="Look up a redirect")
    def get(self, request):
        target = find_redirect(site=self.params["site"], path=self.params["path"], request=request)
        if target is None:
            raise NotFound(f"No redirect for {self.params['path']} on this site.")
        return Response(RedirectTargetSerializer(target).data)


class SitemapParameters(QueryParameters):
    site = SiteField(help_text=SITE_HELP)


class SitemapView(PublicListView):
    """Every page of a site that search engines may list, in every language, tree order.

    ``GET /api/v1/sitemap/?site=chemienetzwerk-harz.localhost&page_size=100``::

        {"count": 96, "next": "https://hub.example/api/v1/sitemap/?page=2&...",
         "previous": null,
         "results": [{"id": 7, "locale": "de", "path": "/ueber-uns/",
                      "url": "https://www.chemienetzwerk-harz.example/ueber-uns/",
                      "last_modified": "2024-05-14T16:02:11+02:00",
                      "alternates": [{"locale": "de", "path": "/ueber-uns/", "id": 7},
                                     {"locale": "en", "path": "/en/about-us/", "id": 12}]}]}

    Pages marked "hide from search engines" are left out, and so are drafts, private pages
    and aliases.
    """

    parameters_class = SitemapParameters
    serializer_class = SitemapEntrySerializer

    def get_queryset(self):
        return sitemap_pages(site=self.params["site"], request=self.request)

    def list(self, request, *args, **kwargs):
        pages = self.paginate_queryset(self.get_queryset())
        # The alternates of one answer's pages come in one query, not one per page.
        entries = sitemap_entries(pages=pages, request=request)
        return self.get_paginated_response(self.get_serializer(entries, many=True).data)
