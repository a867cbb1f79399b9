"""Newsletter pages: a series such as CKnews and its issues."""

from rest_framework import serializers

from api.serializers.documents import DocumentSerializer
from api.serializers.images import ImageSerializer, rendition_prefetch
from api.serializers.pages.base import PageSerializer
from api.serializers.rich_text import RichTextField
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import NewsletterFrequency, NewsletterIssuePage, NewsletterSeriesPage
from pages.models.newsletter import QUARTER_CHOICES


class NewsletterSeriesPageSerializer(PageSerializer):
    """A newsletter series; its issues are its children
    (``/api/v1/pages/?child_of=<id>&order=-first_published_at``).

    ::

        {...common page fields (type: "newsletter_series")...,
         "short_name": "CKnews", "frequency": "quarterly",
         "intro": "Der Newsletter des Clusters Chemie/Kunststoffe."}
    """

    page_model = NewsletterSeriesPage

    short_name = serializers.CharField(
        read_only=True, help_text="Name the series is known by; may be empty."
    )
    frequency = serializers.ChoiceField(choices=NewsletterFrequency.choices, read_only=True)
    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")


class NewsletterIssuePageSerializer(PageSerializer):
    """One issue of a newsletter with its articles.

    ::

        {...common page fields (type: "newsletter_issue")...,
         "issue_number": 2, "year": 2024, "quarter": 2, "theme": "Kreislaufwirtschaft",
         "publication_date": "2024-06-20", "cover_image": {...Image...},
         "editorial": "<p>Liebe Leserinnen und Leser, ...</p>",
         "articles": [{"type": "article", "id": "…", "value": {...}}],
         "pdf_edition": {...Document...}}
    """

    page_model = NewsletterIssuePage
    select_related = (*PageSerializer.select_related, "cover_image", "pdf_edition")
    prefetch_related = (
        *PageSerializer.prefetch_related,
        rendition_prefetch("cover_image__renditions"),
    )

    issue_number = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="Number of the issue within its year."
    )
    year = serializers.IntegerField(read_only=True, allow_null=True)
    quarter = serializers.ChoiceField(
        choices=QUARTER_CHOICES,
        read_only=True,
        allow_null=True,
        help_text="1 to 4, for quarterly newsletters.",
    )
    theme = serializers.CharField(read_only=True, help_text="May be empty.")
    publication_date = serializers.DateField(read_only=True, allow_null=True)
    cover_image = ImageSerializer(allow_null=True, read_only=True)
    editorial = RichTextField(help_text="HTML; may be empty.")
    articles = StreamFieldSerializerField.for_model_field(NewsletterIssuePage, "articles")
    pdf_edition = DocumentSerializer(
        allow_null=True, read_only=True, help_text="The issue as a PDF."
    )
