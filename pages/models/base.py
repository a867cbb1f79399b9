"""The base page every page type of the hub derives from, and its field mixins."""

from django.db import models
from django.http import HttpResponseNotFound, HttpResponseRedirect
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.preview.handoff import preview_response
from pages.forms import BasePageForm
from pages.selectors import frontend_base_url


class ListingFieldsMixin(models.Model):
    """How a page appears in teasers and listings on other pages."""

    listing_title = models.CharField(
        max_length=255,
        blank=True,
        help_text="Shorter title for teasers and listings. Leave empty to use the page title.",
    )
    listing_summary = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences for teasers and listings.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Image for teasers. Leave empty to use the page's main image, if any.",
    )

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading="Listings and teasers",
        ),
    ]

    listing_translatable_fields = [
        TranslatableField("listing_title"),
        TranslatableField("listing_summary"),
        SynchronizedField("listing_image", overridable=False),
    ]

    class Meta:
        abstract = True


class SocialMetaMixin(models.Model):
    """Sharing image and search-engine visibility of a page."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared on social media (ideally 1200 by 630 pixels).",
    )
    noindex = models.BooleanField(
        "hide from search engines",
        default=False,
        help_text="Asks search engines not to index this page (robots noindex).",
    )

    seo_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("noindex")],
            heading="Social media and indexing",
        ),
    ]

    seo_translatable_fields = [
        SynchronizedField("social_image", overridable=False),
        SynchronizedField("noindex", overridable=False),
    ]

    class Meta:
        abstract = True


class BasePage(ListingFieldsMixin, SocialMetaMixin, Page):  # noqa: DJ008 - Page.__str__ applies
    """Common ground of all page types; the hub is headless.

    The hub does not render pages for visitors: their URLs resolve against the site's
    frontend (``FrontendSettings.base_url``) and requests that reach the hub are redirected
    there. The admin's preview goes to the frontend too, to its preview route with a token
    for the draft (api/preview/); only a site without that route gets a plain rendering
    on the hub.
    """

    is_creatable = False
    base_form_class = BasePageForm

    show_in_footer = models.BooleanField(
        "show in footer",
        default=False,
        help_text="Link to this page in the site's footer, e.g. the imprint or privacy notice.",
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading="For search engines",
        ),
        MultiFieldPanel(
            [FieldPanel("show_in_menus"), FieldPanel("show_in_footer")],
            heading="For site menus",
        ),
        *ListingFieldsMixin.listing_panels,
        *SocialMetaMixin.seo_panels,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_title"),
        index.SearchField("listing_summary"),
        index.FilterField("noindex"),
    ]

    # What wagtail-localize translates and what it copies from the German source, field by
    # field (docs/translation.md). Every page type extends this list with its own fields,
    # and tests/pages/test_translatable_fields.py fails for a field without a decision.
    # Slugs are translated so that English pages get English paths.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus", overridable=False),
        SynchronizedField("show_in_footer", overridable=False),
        *ListingFieldsMixin.listing_translatable_fields,
        *SocialMetaMixin.seo_translatable_fields,
    ]

    class Meta:
        verbose_name = "page"

    def get_url_parts(self, request=None):
        url_parts = super().get_url_parts(request=request)
        if url_parts is None:
            return None
        site_id, root_url, page_path = url_parts
        if page_path is None:
            return url_parts
        base_url = frontend_base_url(site_id=site_id, request=request)
        return (site_id, base_url or root_url, page_path)

    def get_frontend_url(self, request=None) -> str | None:
        """Full URL of this page on its site's frontend, or None without a frontend."""
        url_parts = super().get_url_parts(request=request)
        if url_parts is None or url_parts[2] is None:
            return None
        site_id, _root_url, page_path = url_parts
        base_url = frontend_base_url(site_id=site_id, request=request)
        return base_url + page_path if base_url else None

    def serve(self, request, *args, **kwargs):
        frontend_url = self.get_frontend_url(request=request)
        if frontend_url is None:
            return HttpResponseNotFound(
                "Not found: this site has no frontend configured.",
                content_type="text/plain; charset=utf-8",
            )
        query_string = request.META.get("QUERY_STRING")
        if query_string:
            frontend_url = f"{frontend_url}?{query_string}"
        return HttpResponseRedirect(frontend_url)

    def serve_preview(self, request, mode_name):
        """The draft on its own site's frontend (api/preview/handoff.py)."""
        return preview_response(
            request,
            self,
            site=self.get_site(),
            context=self.get_preview_context(request, mode_name),
        )

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["preview_sections"] = self.get_preview_sections()
        return context

    def get_preview_sections(self) -> list[dict]:
        """Rich text and StreamField content of the page, in field order, for the plain
        rendering of a draft that no frontend can show."""
        sections = []
        for field in self._meta.concrete_fields:
            if isinstance(field, StreamField | RichTextField):
                value = getattr(self, field.name)
                if value:
                    sections.append(
                        {
                            "name": field.name,
                            "label": field.verbose_name,
                            "is_stream": isinstance(field, StreamField),
                            "value": value,
                        }
                    )
        return sections
