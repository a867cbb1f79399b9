"""The network page: a network or association and its members (e.g. ChemieNetzwerk Harz)."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import INLINE_RICH_TEXT_FEATURES, BodyStreamBlock
from pages.models.base import BasePage
from pages.selectors import member_counts_by_kind


class NetworkPage(BasePage):
    organisation = models.ForeignKey(
        "snippets.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_pages",
        help_text="The organisation behind the network, e.g. ChemieNetzwerk Harz e.V.",
    )
    tagline = models.CharField(max_length=255, blank=True)
    intro = models.TextField(blank=True, help_text="Lead paragraph: what the network is for.")
    region_description = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text="The region and its industry: jobs, value added, strengths.",
    )
    founded = models.DateField("founded on", null=True, blank=True)
    fundings = ParentalManyToManyField(
        "snippets.Funding",
        blank=True,
        related_name="network_pages",
        help_text="Public funding the network receives or received.",
    )
    body = StreamField(BodyStreamBlock(), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("tagline"),
        TranslatableField("intro"),
        TranslatableField("region_description"),
        TranslatableField("body"),
        SynchronizedField("organisation", overridable=False),
        SynchronizedField("founded", overridable=False),
        SynchronizedField("fundings", overridable=False),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("tagline"), FieldPanel("intro")], heading="Introduction"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("founded"),
                FieldPanel("region_description"),
                FieldPanel("fundings", widget=forms.CheckboxSelectMultiple),
            ],
            heading="About the network",
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("tagline"),
        index.SearchField("intro"),
        index.SearchField("region_description"),
        index.SearchField("body"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StandardPage", "pages.DirectoryPage"]

    class Meta:
        verbose_name = "network page"

    def member_counts_by_kind(self) -> dict[str, int]:
        """Live member organisations per kind, e.g. {"company": 14, "university": 2}."""
        return member_counts_by_kind(group=self)
