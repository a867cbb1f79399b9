"""Documentation pages: a document series (e.g. CKreihe) documenting events that took place."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import BodyStreamBlock, DocumentBlock, ImageBlock
from pages.models.base import BasePage
from pages.workflows import CommunicationsReviewMixin


class DocumentSeriesPage(BasePage):
    short_name = models.CharField(
        max_length=40, blank=True, help_text="Name the series is known by, e.g. CKreihe"
    )
    intro = models.TextField(blank=True, help_text="What the series documents and for whom.")

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        # A brand name such as CKreihe; kept unless the series has another name.
        SynchronizedField("short_name", overridable=True),
    ]

    content_panels = [*BasePage.content_panels, FieldPanel("short_name"), FieldPanel("intro")]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_name"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.DocumentationItemPage"]

    class Meta:
        verbose_name = "document series"
        verbose_name_plural = "document series"


class DocumentationItemPage(CommunicationsReviewMixin, BasePage):
    """The documentation of one event: summary, presentations and photos."""

    number_in_series = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Running number within the series, e.g. 12"
    )
    event_title = models.CharField(
        max_length=255,
        blank=True,
        help_text="Title of the documented event, if it differs from the page title.",
    )
    event_date = models.DateField(null=True, help_text="(First) day of the event.")
    event_end_date = models.DateField(
        null=True, blank=True, help_text="Last day, for events over several days."
    )
    venue = models.CharField(max_length=255, blank=True, help_text="e.g. Kulturhaus Leuna")
    city = models.CharField(max_length=120, blank=True)
    summary = models.TextField(blank=True, help_text="What the event was about, in brief.")
    body = StreamField(BodyStreamBlock(), blank=True)
    documents = StreamField(
        [("document", DocumentBlock())],
        blank=True,
        help_text="Presentations, minutes and other files from the event.",
    )
    gallery = StreamField([("image", ImageBlock())], blank=True, help_text="Photos of the event.")
    related_event = models.ForeignKey(
        "pages.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documentation",
        help_text="The announcement of the event, if it is on the site.",
    )

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("event_title"),
        TranslatableField("venue"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("documents"),
        TranslatableField("gallery"),
        SynchronizedField("number_in_series", overridable=False),
        SynchronizedField("event_date", overridable=False),
        SynchronizedField("event_end_date", overridable=False),
        SynchronizedField("related_event", overridable=False),
        # Place names stay as written unless the language has its own (Köln: Cologne).
        SynchronizedField("city", overridable=True),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number_in_series"), FieldPanel("event_title")]),
                FieldRowPanel([FieldPanel("event_date"), FieldPanel("event_end_date")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("city")]),
                FieldPanel("related_event"),
            ],
            heading="Event",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("gallery"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("event_title"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("documents"),
        index.SearchField("city"),
        index.FilterField("event_date"),
    ]

    parent_page_types = ["pages.DocumentSeriesPage"]
    subpage_types = []

    class Meta:
        verbose_name = "documentation"
        verbose_name_plural = "documentations"

    def clean(self):
        super().clean()
        if self.event_date and self.event_end_date and self.event_end_date < self.event_date:
            raise ValidationError({"event_end_date": "The event cannot end before it starts."})
