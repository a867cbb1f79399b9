"""News pages: short news items of a site."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import BodyStreamBlock
from pages.models.base import BasePage
from pages.workflows import CommunicationsReviewMixin


class NewsIndexPage(BasePage):
    intro = models.TextField(blank=True, help_text="Lead paragraph above the list of news.")

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
    ]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "news index page"


class NewsPage(CommunicationsReviewMixin, BasePage):
    date = models.DateField(null=True, help_text="Date of the news, shown with it.")
    intro = models.TextField(blank=True, help_text="Lead paragraph: the news in brief.")
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.ForeignKey(
        "snippets.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
    )
    topics = ParentalManyToManyField("snippets.Topic", blank=True, related_name="news_pages")
    body = StreamField(BodyStreamBlock(), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("date", overridable=False),
        SynchronizedField("image", overridable=False),
        SynchronizedField("author", overridable=False),
        SynchronizedField("topics", overridable=False),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("author")]), FieldPanel("image")],
            heading="Byline",
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "news item"
        verbose_name_plural = "news items"
