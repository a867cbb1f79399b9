"""The standard page: a general content page."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from pages.blocks import BodyStreamBlock
from pages.models.base import BasePage


class StandardPage(BasePage):
    intro = models.TextField(blank=True, help_text="Lead paragraph shown above the content.")
    body = StreamField(BodyStreamBlock(), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = [
        "pages.HomePage",
        "pages.NetworkPage",
        "pages.ClusterPage",
        "pages.ProjectPage",
        "pages.StandardPage",
    ]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = "standard page"
