"""The home page: the root page of each organisation's site."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import BodyStreamBlock
from pages.models.base import BasePage


class HomePage(BasePage):
    tagline = models.CharField(
        max_length=255,
        blank=True,
        help_text="Claim shown with the site name, e.g. Zukunft - natürlich innovativ",
    )
    intro = models.TextField(blank=True, help_text="Lead paragraph of the home page.")
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Large image at the top of the home page.",
    )
    organisation = models.ForeignKey(
        "snippets.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organisation that runs this site (imprint, contact details).",
    )
    body = StreamField(BodyStreamBlock(), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("tagline"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("organisation", overridable=False),
        # Header images may carry German lettering; a translator can swap them.
        SynchronizedField("hero_image", overridable=True),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("tagline"), FieldPanel("intro"), FieldPanel("hero_image")], heading="Header"
        ),
        FieldPanel("organisation"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("tagline"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.NetworkPage",
        "pages.ClusterIndexPage",
        "pages.ClusterPage",
        "pages.ProjectIndexPage",
        "pages.ProjectPage",
        "pages.NewsletterSeriesPage",
        "pages.DocumentSeriesPage",
        "pages.EventIndexPage",
        "pages.NewsIndexPage",
        "pages.StandardPage",
        "pages.DirectoryPage",
    ]

    class Meta:
        verbose_name = "home page"

    # parent_page_types admits any plain Page; a site's home belongs at the tree root only.
    @classmethod
    def can_create_at(cls, parent) -> bool:
        return super().can_create_at(parent) and parent.is_root()

    def can_move_to(self, parent) -> bool:
        return parent.is_root() and super().can_move_to(parent)
