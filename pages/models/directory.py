"""The directory page (Clusteratlas): a filterable list of the members of a group."""

from django.apps import apps
from django.db import models
from django.db.models import QuerySet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import BodyStreamBlock
from pages.models.base import BasePage
from pages.selectors import organisations_in_group
from snippets.models.membership import GROUP_PAGE_TYPES, group_page_choices


class DirectoryPage(BasePage):
    intro = models.TextField(blank=True, help_text="Lead paragraph above the directory.")
    group = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="directory_pages",
        limit_choices_to=group_page_choices,
        help_text="The network, cluster or project whose member organisations are listed.",
    )
    show_kind_filter = models.BooleanField(
        "filter by kind", default=True, help_text="Let visitors filter by kind of organisation."
    )
    show_sector_filter = models.BooleanField(
        "filter by sector", default=True, help_text="Let visitors filter by sector."
    )
    show_region_filter = models.BooleanField(
        "filter by region", default=True, help_text="Let visitors filter by federal state."
    )
    show_map = models.BooleanField(
        "show map", default=True, help_text="Show the organisations on a map, where located."
    )
    brochure = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The printed Clusteratlas as a PDF, if there is one.",
    )
    body = StreamField(BodyStreamBlock(), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("group", overridable=False),
        SynchronizedField("show_kind_filter", overridable=False),
        SynchronizedField("show_sector_filter", overridable=False),
        SynchronizedField("show_region_filter", overridable=False),
        SynchronizedField("show_map", overridable=False),
        # The printed Clusteratlas may exist in the target language.
        SynchronizedField("brochure", overridable=True),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("group", GROUP_PAGE_TYPES),
        MultiFieldPanel(
            [
                FieldPanel("show_kind_filter"),
                FieldPanel("show_sector_filter"),
                FieldPanel("show_region_filter"),
                FieldPanel("show_map"),
            ],
            heading="Filters and map",
        ),
        FieldPanel("brochure"),
        FieldPanel("body"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.NetworkPage", "pages.ClusterPage"]
    subpage_types = []

    class Meta:
        verbose_name = "directory (Clusteratlas)"
        verbose_name_plural = "directories (Clusteratlas)"

    def organisations(self) -> QuerySet:
        """Live member organisations of the chosen group, in this page's locale."""
        if self.group_id is None:
            return apps.get_model("snippets", "Organisation").objects.none()
        return organisations_in_group(group=self.group, locale=self.locale)
