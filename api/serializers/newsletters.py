"""Newsletter series (e.g. CKnews) and their issues, for archives and subscription pages."""

from rest_framework import serializers

from api.serializers.documents import DocumentSerializer
from api.serializers.images import ImageSerializer
from pages.models import NewsletterFrequency, NewsletterIssuePage, NewsletterSeriesPage
from pages.models.newsletter import QUARTER_CHOICES


def page_path(page, request) -> str | None:
    url_parts = page.get_url_parts(request=request)
    return url_parts[2] if url_parts is not None else None


class NewsletterSeriesSerializer(serializers.Serializer):
    """A newsletter series.

    ::

        {"id": 21, "title": "CKnews", "locale": "de", "short_name": "CKnews",
         "frequency": "quarterly", "path": "/cknews/",
         "intro": "Der Newsletter des Clusters Chemie/Kunststoffe."}
    """

    id = serializers.IntegerField()
    title = serializers.CharField()
    locale = serializers.CharField(help_text="Language code, e.g. de.")
    short_name = serializers.CharField(help_text="Brand name, e.g. CKnews; may be empty.")
    frequency = serializers.ChoiceField(choices=NewsletterFrequency.choices)
    path = serializers.CharField(allow_null=True, help_text="Frontend path with locale prefix.")
    intro = serializers.CharField(help_text="Plain text; may be empty.")

    def to_representation(self, series: NewsletterSeriesPage):
        return {
            "id": series.pk,
            "title": series.title,
            "locale": series.locale.language_code,
            "short_name": series.short_name,
            "frequency": series.frequency,
            "path": page_path(series, self.context.get("request")),
            "intro": series.intro,
        }


class NewsletterIssueSerializer(serializers.Serializer):
    """An issue in a series' archive.

    ::

        {"id": 34, "title": "CKnews 2/2024", "locale": "de", "path": "/cknews/cknews-2-2024/",
         "issue_number": 2, "year": 2024, "quarter": 2, "theme": "Kreislaufwirtschaft",
         "publication_date": "2024-06-20", "cover_image": {...Image...},
         "pdf_edition": {"id": 4, "title": "CKnews 2/2024", "url": "https://...pdf", ...}}
    """

    id = serializers.IntegerField()
    title = serializers.CharField()
    locale = serializers.CharField(help_text="Language code, e.g. de.")
    path = serializers.CharField(allow_null=True, help_text="Frontend path with locale prefix.")
    issue_number = serializers.IntegerField(allow_null=True, help_text="Number within its year.")
    year = serializers.IntegerField(allow_null=True)
    quarter = serializers.ChoiceField(choices=QUARTER_CHOICES, allow_null=True)
    theme = serializers.CharField(help_text="May be empty.")
    publication_date = serializers.DateField(allow_null=True)
    cover_image = ImageSerializer(allow_null=True)
    pdf_edition = DocumentSerializer(allow_null=True, help_text="The issue as a PDF.")

    def to_representation(self, issue: NewsletterIssuePage):
        return {
            "id": issue.pk,
            "title": issue.title,
            "locale": issue.locale.language_code,
            "path": page_path(issue, self.context.get("request")),
            "issue_number": issue.issue_number,
            "year": issue.year,
            "quarter": issue.quarter,
            "theme": issue.theme,
            "publication_date": issue.publication_date.isoformat()
            if issue.publication_date
            else None,
            "cover_image": ImageSerializer(issue.cover_image, context=self.context).data
            if issue.cover_image
            else None,
            "pdf_edition": DocumentSerializer(issue.pdf_edition, context=self.context).data
            if issue.pdf_edition
            else None,
        }
