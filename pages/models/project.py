"""Project pages: funded projects with their period, funding and partners."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from pages.models.base import BasePage


class ProjectIndexPage(BasePage):
    intro = models.TextField(blank=True, help_text="Lead paragraph above the list of projects.")

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
    ]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "project index page"


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    RUNNING = "running", "Running"
    COMPLETED = "completed", "Completed"


class ProjectPage(BasePage):
    intro = models.TextField(blank=True, help_text="Lead paragraph: the project in brief.")
    lead_organisation = models.ForeignKey(
        "snippets.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
        help_text="The organisation that coordinates the project.",
    )
    fundings = ParentalManyToManyField(
        "snippets.Funding",
        blank=True,
        related_name="project_pages",
        help_text="Funder, programme, reference number and amount are kept with the funding.",
    )
    start_date = models.DateField(null=True, help_text="First day of the project.")
    end_date = models.DateField(
        null=True, blank=True, help_text="Last day of the project; empty while it is open-ended."
    )
    goals = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("goals"),
        TranslatableField("body"),
        TranslatableField("partners"),
        SynchronizedField("lead_organisation", overridable=False),
        SynchronizedField("fundings", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("goals"),
        FieldPanel("body"),
    ]
    project_panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading="Period"),
        FieldPanel("lead_organisation"),
        InlinePanel("partners", heading="Partners", label="Partner"),
        FieldPanel("fundings", widget=forms.CheckboxSelectMultiple),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(project_panels, heading="Project"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("goals"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    parent_page_types = ["pages.HomePage", "pages.ProjectIndexPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = "project page"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The project cannot end before it starts."})

    def get_status(self, today: datetime.date | None = None) -> str:
        """planned, running or completed, judged by the project period on ``today``."""
        today = today or timezone.localdate()
        if self.start_date is None or self.start_date > today:
            return ProjectStatus.PLANNED
        if self.end_date is not None and self.end_date < today:
            return ProjectStatus.COMPLETED
        return ProjectStatus.RUNNING

    @property
    def status(self) -> str:
        return self.get_status()


class ProjectPartner(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "snippets.Organisation", on_delete=models.CASCADE, related_name="project_partnerships"
    )
    role = models.CharField(
        max_length=255, blank=True, help_text="e.g. Verbundpartner, assoziierter Partner"
    )

    override_translatable_fields = [
        TranslatableField("role"),
        SynchronizedField("organisation", overridable=False),
    ]

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "project partner"

    def __str__(self) -> str:
        return f"{self.organisation} ({self.role})" if self.role else str(self.organisation)
