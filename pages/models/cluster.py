"""Cluster pages: a cross-regional cluster initiative with speakers and a cluster management."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, FieldOfActionBlock
from pages.models.base import BasePage


class ClusterIndexPage(BasePage):
    """Lists the clusters a site supports (e.g. the clusters of the Metropolregion)."""

    intro = models.TextField(blank=True, help_text="Lead paragraph above the list of clusters.")
    body = StreamField(BodyStreamBlock(), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ClusterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "cluster index page"


class ClusterPage(BasePage):
    intro = models.TextField(blank=True, help_text="Lead paragraph: what the cluster is.")
    website = models.URLField(blank=True, help_text="The cluster's own website, if it has one.")
    vision = models.TextField(blank=True, help_text="The cluster's vision statement, as quoted.")
    vision_author = models.ForeignKey(
        "snippets.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who formulated the vision, e.g. the cluster speaker.",
    )
    goals = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    fields_of_action = StreamField(
        [("field_of_action", FieldOfActionBlock())],
        blank=True,
        help_text="The cluster's fields of action (Handlungsfelder) and their measures.",
    )
    management_organisation = models.ForeignKey(
        "snippets.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_clusters",
        help_text="The organisation that runs the cluster management.",
    )
    topics = ParentalManyToManyField(
        "snippets.Topic",
        blank=True,
        related_name="cluster_pages",
        help_text="Sectors and topics the cluster covers.",
    )
    body = StreamField(BodyStreamBlock(), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("vision"),
        TranslatableField("goals"),
        TranslatableField("fields_of_action"),
        TranslatableField("body"),
        TranslatableField("speakers"),
        TranslatableField("management_contacts"),
        SynchronizedField("vision_author", overridable=False),
        SynchronizedField("management_organisation", overridable=False),
        SynchronizedField("topics", overridable=False),
        # The cluster's website may have a version in the target language.
        SynchronizedField("website", overridable=True),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("intro"), FieldPanel("website")], heading="Introduction"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    strategy_panels = [
        MultiFieldPanel([FieldPanel("vision"), FieldPanel("vision_author")], heading="Vision"),
        FieldPanel("goals"),
        FieldPanel("fields_of_action"),
    ]
    people_panels = [
        InlinePanel(
            "speakers",
            heading="Cluster speakers",
            label="Speaker",
            help_text="In the order they should be listed; the main speaker first.",
        ),
        FieldPanel("management_organisation"),
        InlinePanel("management_contacts", heading="Cluster management", label="Contact"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(strategy_panels, heading="Strategy"),
            ObjectList(people_panels, heading="People"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("vision"),
        index.SearchField("goals"),
        index.SearchField("fields_of_action"),
        index.SearchField("body"),
    ]

    parent_page_types = ["pages.HomePage", "pages.ClusterIndexPage"]
    subpage_types = ["pages.StandardPage", "pages.DirectoryPage"]

    class Meta:
        verbose_name = "cluster page"


class ClusterSpeaker(TranslatableMixin, Orderable):
    """A speaker (Clustersprecher) of a cluster; the role is translated with the page."""

    page = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "snippets.Person", on_delete=models.CASCADE, related_name="cluster_speaker_roles"
    )
    role = models.CharField(max_length=255, blank=True, help_text="e.g. Sprecher für Chemie")

    override_translatable_fields = [
        TranslatableField("role"),
        SynchronizedField("person", overridable=False),
    ]

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "cluster speaker"

    def __str__(self) -> str:
        return f"{self.person} ({self.role})" if self.role else str(self.person)


class ClusterManagementContact(TranslatableMixin, Orderable):
    """A contact person of the cluster management."""

    page = ParentalKey(ClusterPage, on_delete=models.CASCADE, related_name="management_contacts")
    person = models.ForeignKey(
        "snippets.Person", on_delete=models.CASCADE, related_name="cluster_management_roles"
    )
    role = models.CharField(max_length=255, blank=True, help_text="e.g. Clustermanager")

    override_translatable_fields = [
        TranslatableField("role"),
        SynchronizedField("person", overridable=False),
    ]

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "cluster management contact"

    def __str__(self) -> str:
        return f"{self.person} ({self.role})" if self.role else str(self.person)
