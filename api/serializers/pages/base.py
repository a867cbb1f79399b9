"""What every page payload has: identity, place, SEO meta; and the compact listing item.

Every page type's detail serializer derives from ``PageSerializer`` and adds its own
fields after the common ones::

    {
      "id": 12, "type": "standard", "title": "About us", "locale": "en",
      "path": "/en/about-us/", "site": "chemienetzwerk-harz.localhost",
      "url": "https://www.chemienetzwerk-harz.example/en/about-us/",
      "meta": {
        "seo_title": "", "search_description": "Who we are and what we do.",
        "first_published_at": "2024-03-01T09:30:00+01:00",
        "last_published_at": "2024-05-14T16:02:11+02:00",
        "noindex": false, "social_image": null,
        "alternates": [{"locale": "de", "path": "/ueber-uns/", "id": 7},
                       {"locale": "en", "path": "/en/about-us/", "id": 12}],
        "breadcrumbs": [{"id": 3, "title": "ChemieNetzwerk Harz", "path": "/en/"}]
      },
      "intro": "...", "body": [...]
    }

Serializer context: ``request`` and ``locale`` (the page's Locale, so rich text and
snippet references come out in the page's language).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.selectors.pages import page_breadcrumbs
from api.serializers.images import ImageSerializer, rendition_prefetch
from api.serializers.pages.fields import (
    PageFrontendURLField,
    PagePathField,
    PageSiteField,
    PageTypeField,
)
from pages.selectors import page_alternates


class PageAlternateSerializer(serializers.Serializer):
    """The page in one locale, for language switchers and hreflang links.

    ::

        {"locale": "en", "path": "/en/about-us/", "id": 12}
    """

    locale = serializers.CharField(help_text="Language code.")
    path = serializers.CharField(help_text="Frontend path with locale prefix.")
    id = serializers.IntegerField()


class PageBreadcrumbSerializer(serializers.Serializer):
    """One step of the way from the site's home page to the page.

    ::

        {"id": 3, "title": "ChemieNetzwerk Harz", "path": "/"}
    """

    id = serializers.IntegerField()
    title = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path with locale prefix.")


@extend_schema_field(PageAlternateSerializer(many=True))
class PageAlternatesField(serializers.Field):
    """Every live, public locale version of the page (itself included), in language order."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return page_alternates(page=page, request=self.context["request"])


@extend_schema_field(PageBreadcrumbSerializer(many=True))
class PageBreadcrumbsField(serializers.Field):
    """Live ancestors from the site's home page (included) to the parent; empty for the
    home page itself."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return page_breadcrumbs(page=page, request=self.context["request"])


class PageMetaSerializer(serializers.Serializer):
    """Search-engine and sharing data, dates, other locales and breadcrumbs of a page.

    ::

        {"seo_title": "", "search_description": "", "first_published_at": "2024-...",
         "last_published_at": "2024-...", "noindex": false, "social_image": null,
         "alternates": [{"locale": "de", "path": "/ueber-uns/", "id": 7}],
         "breadcrumbs": [{"id": 3, "title": "ChemieNetzwerk Harz", "path": "/"}]}
    """

    seo_title = serializers.CharField(
        help_text="Title for the browser tab and search results; empty: use the page title."
    )
    search_description = serializers.CharField(help_text="Meta description; may be empty.")
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
    noindex = serializers.BooleanField(help_text="Ask search engines not to index the page.")
    social_image = ImageSerializer(
        allow_null=True, help_text="Image for sharing on social media (Open Graph)."
    )
    alternates = PageAlternatesField()
    breadcrumbs = PageBreadcrumbsField()


class PageSerializer(serializers.Serializer):
    """Base of the per-type page serializers: the fields every page payload has.

    Subclasses set ``page_model`` and may extend ``select_related`` and
    ``prefetch_related``, which ``detail_queryset()`` applies when it loads the page.
    """

    page_model = None
    select_related: tuple[str, ...] = ("locale", "social_image")
    prefetch_related: tuple = (rendition_prefetch("social_image__renditions"),)

    id = serializers.IntegerField(read_only=True)
    # Replaced in get_fields() by the field for ``page_model`` alone, in this position.
    type = PageTypeField()
    title = serializers.CharField(read_only=True)
    locale = serializers.CharField(
        source="locale.language_code", read_only=True, help_text="Language code."
    )
    path = PagePathField(help_text="Frontend path with locale prefix, e.g. /en/about-us/.")
    site = PageSiteField(help_text="Hostname of the page's site.")
    url = PageFrontendURLField(
        help_text="Full URL on the site's frontend; null when the site has no frontend."
    )
    meta = PageMetaSerializer(source="*", read_only=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["type"] = PageTypeField(page_model=self.page_model)
        return fields

    @classmethod
    def detail_queryset(cls):
        """``page_model`` rows with what this serializer reads fetched along."""
        return cls.page_model.objects.select_related(*cls.select_related).prefetch_related(
            *cls.prefetch_related
        )


class PageListItemSerializer(serializers.Serializer):
    """A page in lists and teasers: what links to it need.

    ::

        {"id": 31, "type": "news", "title": "Neues Mitglied: Harzer Chemiewerk",
         "locale": "de", "path": "/aktuelles/neues-mitglied/",
         "site": "chemienetzwerk-harz.localhost",
         "listing_title": "Neues Mitglied", "listing_summary": "Das Netzwerk wächst.",
         "listing_image": {...Image...},
         "first_published_at": "2024-03-01T09:30:00+01:00",
         "last_published_at": "2024-03-01T09:30:00+01:00"}

    Takes ``BasePage`` rows (the listing fields live there, no specific query is needed);
    ``list_queryset()`` adds what it reads.
    """

    id = serializers.IntegerField(read_only=True)
    type = PageTypeField()
    title = serializers.CharField(read_only=True)
    locale = serializers.CharField(
        source="locale.language_code", read_only=True, help_text="Language code."
    )
    path = PagePathField(help_text="Frontend path with locale prefix.")
    site = PageSiteField(help_text="Hostname of the page's site.")
    listing_title = serializers.SerializerMethodField(
        help_text="Title for teasers: the listing title, else the page title."
    )
    listing_summary = serializers.CharField(read_only=True, help_text="May be empty.")
    listing_image = ImageSerializer(allow_null=True, read_only=True)
    first_published_at = serializers.DateTimeField(allow_null=True, read_only=True)
    last_published_at = serializers.DateTimeField(allow_null=True, read_only=True)

    def get_listing_title(self, page) -> str:
        return page.listing_title or page.title

    @staticmethod
    def list_queryset(queryset):
        """``queryset`` of BasePage rows with the locale and listing images fetched along."""
        return queryset.select_related("locale", "listing_image").prefetch_related(
            rendition_prefetch("listing_image__renditions")
        )
