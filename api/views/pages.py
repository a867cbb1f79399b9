"""The pages endpoints: resolve a frontend path, read a page, list pages.

Paths follow docs/locales.md: German, the default locale, has no prefix (``/ueber-uns/``),
every other locale has its language code (``/en/about-us/``). ``/de/...`` is therefore not
a German path: it is read as a German page with the slug ``de`` and usually ends in 404.
Only live pages outside any view restriction are served; drafts are never read.
"""

from urllib.parse import unquote

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from api.params import LocaleField, QueryParameters, SiteField
from api.problems import NotFound
from api.selectors.pages import (
    PAGE_ORDERINGS,
    listed_pages,
    page_location,
    public_page,
    public_page_at_path,
    public_pages,
)
from api.selectors.redirects import RedirectTarget, find_redirect
from api.serializers.pages.base import PageListItemSerializer
from api.serializers.pages.detail import PAGE_DETAIL_SCHEMA, load_page_detail, page_detail
from api.serializers.pages.registry import PAGE_TYPE_CHOICES, page_model_for_type
from api.views.base import PublicAPIView, PublicListView, PublicRetrieveView

# Aliases stand in for a page elsewhere in the tree (wagtail-localize makes them for pages
# not yet translated); visitors are sent to the original, temporarily, because a
# translation may take the alias's place any time.
ALIAS_REDIRECT_STATUS = 302


# Resolve


class ResolveParameters(QueryParameters):
    site = SiteField(help_text="Hostname of the site, e.g. chemienetzwerk-harz.localhost.")
    path = serializers.CharField(
        max_length=2048,
        trim_whitespace=False,
        help_text="The frontend path with its locale prefix, e.g. /en/about-us/ "
        "(trailing slash optional).",
    )

    def validate_path(self, value: str) -> str:
        if not value.startswith("/"):
            raise serializers.ValidationError(_("Give a path that starts with /."))
        if "\0" in unquote(value):
            # The database cannot compare text with NUL; no page or redirect has one.
            raise serializers.ValidationError(_("Give a path without NUL characters."))
        return value


class RedirectSerializer(serializers.Serializer):
    """Where to send the visitor instead.

    ::

        {"status_code": 301, "location": "/en/about-the-network/", "is_external": false}
    """

    status_code = serializers.ChoiceField(
        choices=[301, 302], help_text="301 permanent, 302 temporary."
    )
    location = serializers.CharField(
        help_text="A path on the same site with locale prefix, or an absolute URL when "
        "is_external is true."
    )
    is_external = serializers.BooleanField(
        help_text="True when location is a full URL (another site or anywhere on the web)."
    )


@extend_schema_field(PAGE_DETAIL_SCHEMA)
class PageDetailField(serializers.Field):
    """A specific page (see ``load_page_detail``) as its type's detail payload.

    Not marked read-only: drf-spectacular would wrap the reference in ``allOf`` and
    openapi-typescript would then drop the ``type`` discriminator from the generated type.
    """

    def to_representation(self, page):
        return page_detail(page, request=self.context["request"])


class ResolvedPageSerializer(serializers.Serializer):
    """The path shows a page.

    ::

        {"kind": "page", "page": {"id": 12, "type": "standard", ...PageDetail...}}
    """

    kind = serializers.ChoiceField(choices=["page"])
    page = PageDetailField()


class ResolvedRedirectSerializer(serializers.Serializer):
    """The path redirects elsewhere.

    ::

        {"kind": "redirect",
         "redirect": {"status_code": 301, "location": "/en/about-us/", "is_external": false}}
    """

    kind = serializers.ChoiceField(choices=["redirect"])
    redirect = RedirectSerializer()


RESOLVE_RESULT_SCHEMA = PolymorphicProxySerializer(
    component_name="ResolveResult",
    serializers={"page": ResolvedPageSerializer, "redirect": ResolvedRedirectSerializer},
    resource_type_field_name="kind",
)


class PageResolveView(PublicAPIView):
    """``GET /api/v1/pages/resolve/?site=<hostname>&path=<path>``: what a frontend shows at
    a path.

    Answers (200)::

        {"kind": "page", "page": {...PageDetail...}}
        {"kind": "redirect", "redirect": {"status_code": 301, "location": "/en/about-us/",
                                          "is_external": false}}

    The locale comes from the path's prefix (none: German). The live, public page at the
    path wins; an alias there redirects (302) to its original. Without a page, the site's
    Wagtail redirects are consulted (a redirect for the site before one for all sites); a
    redirect to a page that is no longer public counts as none. Otherwise 404.
    """

    parameters_class = ResolveParameters

    @extend_schema(
        operation_id="pages_resolve",
        summary="Resolve a frontend path to a page or a redirect",
        responses={200: RESOLVE_RESULT_SCHEMA},
    )
    def get(self, request):
        site, path = self.params["site"], self.params["path"]
        context = self.get_serializer_context()
        page = public_page_at_path(site=site, path=path, request=request)
        if page is not None and page.alias_of_id is None:
            result = {"kind": "page", "page": load_page_detail(page)}
            return Response(ResolvedPageSerializer(result, context=context).data)

        if page is not None:
            redirect = self.alias_redirect(page, site=site, path=path)
        else:
            redirect = find_redirect(site=site, path=path, request=request)
        if redirect is None:
            raise NotFound(f"Nothing at {path} on {site.hostname}.")
        result = {"kind": "redirect", "redirect": redirect}
        return Response(ResolvedRedirectSerializer(result, context=context).data)

    def get_serializer_context(self) -> dict:
        return {"request": self.request, "view": self}

    def alias_redirect(self, alias, *, site, path: str) -> RedirectTarget | None:
        """A redirect from ``alias`` to its original, or None when that is not public."""
        original = public_pages().filter(pk=alias.alias_of_id).first()
        location = page_location(page=original, request=self.request) if original else None
        if location is None:
            return None
        if location.site_id == site.pk:
            address, is_external = location.path, False
        elif location.url is not None:
            address, is_external = location.url, True
        else:
            # Another site without a frontend: there is nowhere to send the visitor.
            return None
        return RedirectTarget(
            status_code=ALIAS_REDIRECT_STATUS,
            location=address,
            is_external=is_external,
            old_path=path,
        )


# Detail


class PageDetailView(PublicRetrieveView):
    """``GET /api/v1/pages/{id}/``: a live, public page by id, with its type's fields.

    ::

        {"id": 12, "type": "standard", "title": "About us", "locale": "en",
         "path": "/en/about-us/", "site": "chemienetzwerk-harz.localhost", "url": "...",
         "meta": {...}, "intro": "...", "body": [...]}

    Drafts, pages under a view restriction, aliases and pages outside every site are 404.
    """

    parameters_class = QueryParameters

    @extend_schema(
        operation_id="pages_retrieve",
        summary="A page by id",
        responses={200: PAGE_DETAIL_SCHEMA},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_object(self):
        page = public_page(page_id=self.kwargs["pk"], request=self.request)
        if page is None:
            raise NotFound(f"No public page with the id {self.kwargs['pk']}.")
        return load_page_detail(page)

    def retrieve(self, request, *args, **kwargs):
        # The serializer depends on the page's type, so it is chosen per page.
        return Response(page_detail(self.get_object(), request=request))


# List


class PublicPageIdField(serializers.IntegerField):
    """The id of a live, public page that the API serves; validates to the Page."""

    default_error_messages = {"unknown": _("No public page with the id {value}.")}

    def to_internal_value(self, data):
        page_id = super().to_internal_value(data)
        page = public_page(page_id=page_id, request=self.context["request"])
        if page is None:
            self.fail("unknown", value=page_id)
        return page


class PageListParameters(QueryParameters):
    site = SiteField(required=False, help_text="Only pages of the site with this hostname.")
    locale = LocaleField(required=False, help_text="Only pages in this locale.")
    type = serializers.ChoiceField(
        choices=PAGE_TYPE_CHOICES, required=False, help_text="Only pages of this type."
    )
    child_of = PublicPageIdField(
        required=False, help_text="Only the children of the page with this id."
    )
    descendant_of = PublicPageIdField(
        required=False, help_text="Only pages below the page with this id (at any depth)."
    )
    order = serializers.ChoiceField(
        choices=list(PAGE_ORDERINGS),
        default="path",
        help_text="Sort order; path (the default) is the order of the page tree.",
    )


class PageListView(PublicListView):
    """``GET /api/v1/pages/?site=&locale=&type=&child_of=&descendant_of=&order=``: live,
    public pages as compact listing items, paginated.

    ::

        {"count": 2, "next": null, "previous": null,
         "results": [{"id": 31, "type": "news", "title": "Neues Mitglied", "locale": "de",
                      "path": "/aktuelles/neues-mitglied/", "site": "...",
                      "listing_title": "Neues Mitglied", "listing_summary": "...",
                      "listing_image": null, "first_published_at": "...",
                      "last_published_at": "..."}, ...]}

    Aliases, drafts, private pages and pages outside every site are never listed. An id in
    ``child_of`` or ``descendant_of`` that is not a public page is a 400.
    """

    parameters_class = PageListParameters
    serializer_class = PageListItemSerializer

    @extend_schema(operation_id="pages_list", summary="List pages")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # Schema generation calls this on a view that has not parsed any parameters.
        params = getattr(self, "params", {})
        page_type = params.get("type")
        queryset = listed_pages(
            request=self.request,
            site=params.get("site"),
            locale=params.get("locale"),
            page_model=page_model_for_type(page_type) if page_type else None,
            child_of=params.get("child_of"),
            descendant_of=params.get("descendant_of"),
            order=params.get("order", "path"),
        )
        return PageListItemSerializer.list_queryset(queryset)
