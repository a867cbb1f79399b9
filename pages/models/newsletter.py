"""Newsletter pages: a newsletter series (e.g. CKnews) and its issues."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.blocks import RICH_TEXT_FEATURES, NewsletterArticleBlock
from pages.forms import NewsletterIssueForm
from pages.models.base import BasePage
from pages.workflows import CommunicationsReviewMixin


class NewsletterFrequency(models.TextChoices):
    QUARTERLY = "quarterly", "Quarterly"
    MONTHLY = "monthly", "Monthly"
    IRREGULAR = "irregular", "Irregular"


class NewsletterSeriesPage(BasePage):
    short_name = models.CharField(
        max_length=40, blank=True, help_text="Name the series is known by, e.g. CKnews"
    )
    frequency = models.CharField(
        max_length=20, choices=NewsletterFrequency.choices, default=NewsletterFrequency.QUARTERLY
    )
    intro = models.TextField(
        blank=True, help_text="What the newsletter is about and who it is for."
    )

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
        SynchronizedField("frequency", overridable=False),
        # A brand name such as CKnews; kept unless the series has another name.
        SynchronizedField("short_name", overridable=True),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("frequency")]),
        FieldPanel("intro"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_name"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsletterIssuePage"]

    class Meta:
        verbose_name = "newsletter series"
        verbose_name_plural = "newsletter series"


QUARTER_CHOICES = [(1, "Q1"), (2, "Q2"), (3, "Q3"), (4, "Q4")]


class NewsletterIssuePage(CommunicationsReviewMixin, BasePage):
    issue_number = models.PositiveSmallIntegerField(
        null=True, help_text="Number of the issue within its year, e.g. 2 for the second issue."
    )
    year = models.PositiveSmallIntegerField(
        null=True, validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        choices=QUARTER_CHOICES,
        null=True,
        blank=True,
        help_text="For quarterly newsletters; must match the publication date.",
    )
    theme = models.CharField(
        max_length=255, blank=True, help_text="Topic of this issue, e.g. Kreislaufwirtschaft"
    )
    publication_date = models.DateField(null=True, blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editorial = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="The editor's foreword."
    )
    articles = StreamField([("article", NewsletterArticleBlock())], blank=True)
    pdf_edition = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The issue as a PDF for download.",
    )

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("theme"),
        TranslatableField("editorial"),
        TranslatableField("articles"),
        SynchronizedField("issue_number", overridable=False),
        SynchronizedField("year", overridable=False),
        SynchronizedField("quarter", overridable=False),
        SynchronizedField("publication_date", overridable=False),
        # Covers usually carry the German issue title.
        SynchronizedField("cover_image", overridable=True),
        # The PDF is a German document; a translated edition can replace it.
        SynchronizedField("pdf_edition", overridable=True),
    ]

    base_form_class = NewsletterIssueForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("theme"),
        FieldPanel("cover_image"),
        FieldPanel("editorial"),
    ]
    article_panels = [FieldPanel("articles")]
    edition_panels = [
        FieldRowPanel(
            [FieldPanel("issue_number"), FieldPanel("year"), FieldPanel("quarter")],
            heading="Issue",
        ),
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("pdf_edition")],
            heading="Publication",
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(article_panels, heading="Articles"),
            ObjectList(edition_panels, heading="Edition"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("theme"),
        index.SearchField("editorial"),
        index.SearchField("articles"),
        index.FilterField("year"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["pages.NewsletterSeriesPage"]
    subpage_types = []

    class Meta:
        verbose_name = "newsletter issue"

    def clean(self):
        super().clean()
        errors = {}

        parent = getattr(self, "validation_parent", None) or self.get_parent()
        if parent is not None and self.year and self.issue_number:
            duplicates = (
                NewsletterIssuePage.objects.child_of(parent)
                .filter(year=self.year, issue_number=self.issue_number)
                .exclude(pk=self.pk)
            )
            if duplicates.exists():
                errors["issue_number"] = (
                    f"This series already has an issue {self.issue_number}/{self.year}."
                )

        if parent is not None and self.quarter:
            frequency = (
                NewsletterSeriesPage.objects.filter(pk=parent.pk)
                .values_list("frequency", flat=True)
                .first()
            )
            if frequency and frequency != NewsletterFrequency.QUARTERLY:
                errors["quarter"] = "Only issues of a quarterly newsletter have a quarter."

        if self.quarter and self.publication_date and "quarter" not in errors:
            quarter_of_date = (self.publication_date.month - 1) // 3 + 1
            if quarter_of_date != self.quarter:
                errors["quarter"] = (
                    f"The publication date {self.publication_date:%d.%m.%Y} "
                    f"falls in Q{quarter_of_date}, not Q{self.quarter}."
                )

        if errors:
            raise ValidationError(errors)
