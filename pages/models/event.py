"""Event pages: announcements of conferences, workshops, forums and network meetings."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import BodyStreamBlock
from pages.models.base import BasePage
from pages.workflows import CommunicationsReviewMixin


class EventIndexPage(BasePage):
    intro = models.TextField(blank=True, help_text="Lead paragraph above the list of events.")

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
    ]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "event index page"


class EventFormat(models.TextChoices):
    CONFERENCE = "conference", "Conference (Tagung)"
    WORKSHOP = "workshop", "Workshop"
    FORUM = "forum", "Forum"
    TRADE_FAIR = "trade_fair", "Trade fair (Messe)"
    NETWORK_MEETING = "network_meeting", "Network meeting (Netzwerktreffen)"
    WEBINAR = "webinar", "Webinar"
    EXCURSION = "excursion", "Excursion"


class EventPage(CommunicationsReviewMixin, BasePage):
    start = models.DateTimeField(null=True, help_text="When the event begins.")
    end = models.DateTimeField(null=True, blank=True, help_text="When it ends, if known.")
    all_day = models.BooleanField(
        default=False, help_text="Show only the dates, without times (e.g. trade fairs)."
    )
    format = models.CharField(max_length=20, choices=EventFormat.choices)
    venue_name = models.CharField("venue", max_length=255, blank=True)
    street = models.CharField(max_length=255, blank=True)
    postal_code = models.CharField(max_length=10, blank=True)
    city = models.CharField(max_length=120, blank=True)
    online_url = models.URLField(
        "online access", blank=True, help_text="Link to join online (webinars, hybrid events)."
    )
    registration_url = models.URLField(blank=True, help_text="Where to register.")
    registration_deadline = models.DateField(null=True, blank=True)
    fee_note = models.CharField(
        "fee", max_length=255, blank=True, help_text="e.g. Für Mitglieder kostenfrei"
    )
    organiser = models.ForeignKey(
        "snippets.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    intro = models.TextField(blank=True, help_text="What the event is about, in brief.")
    body = StreamField(BodyStreamBlock(), blank=True)
    topics = ParentalManyToManyField("snippets.Topic", blank=True, related_name="event_pages")

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("venue_name"),
        TranslatableField("fee_note"),
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("all_day", overridable=False),
        SynchronizedField("format", overridable=False),
        SynchronizedField("street", overridable=False),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("online_url", overridable=False),
        SynchronizedField("registration_deadline", overridable=False),
        SynchronizedField("organiser", overridable=False),
        SynchronizedField("topics", overridable=False),
        # Place names stay as written unless the language has its own.
        SynchronizedField("city", overridable=True),
        # Registration forms often exist per language.
        SynchronizedField("registration_url", overridable=True),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("format"), FieldPanel("organiser")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    when_where_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading="Date",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("online_url"),
            ],
            heading="Place",
        ),
    ]
    registration_panels = [
        FieldPanel("registration_url"),
        FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("fee_note")]),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(when_where_panels, heading="Date and place"),
            ObjectList(registration_panels, heading="Registration"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.FilterField("format"),
    ]

    parent_page_types = ["pages.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "event"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "The event cannot end before it starts."
        if (
            self.start
            and self.registration_deadline
            and self.registration_deadline > timezone.localtime(self.start).date()
        ):
            errors["registration_deadline"] = "Registration has to close by the day of the event."
        if errors:
            raise ValidationError(errors)
