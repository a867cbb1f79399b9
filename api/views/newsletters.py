"""Newsletters: the series of a site, and the archive of issues of one series."""

from rest_framework import serializers

from api.params import LocaleField, QueryParameters, SiteField
from api.problems import NotFound
from api.selectors import directory as selectors
from api.serializers.images import rendition_prefetch
from api.serializers.newsletters import NewsletterIssueSerializer, NewsletterSeriesSerializer
from api.views.base import PublicListView
from api.views.directory import requested_locale


class NewsletterSeriesParameters(QueryParameters):
    site = SiteField(help_text="Hostname of the site, e.g. chemienetzwerk-harz.localhost.")
    locale = LocaleField(
        required=False, help_text="Language of the series (default: de, the source language)."
    )


class NewsletterSeriesListView(PublicListView):
    """The newsletter series of a site in one language, in page tree order.

    ``GET /api/v1/newsletters/?site=chemienetzwerk-harz.localhost&locale=de``::

        {"count": 1, "next": null, "previous": null,
         "results": [{"id": 21, "title": "CKnews", "locale": "de", "short_name": "CKnews",
                      "frequency": "quarterly", "path": "/cknews/", "intro": "..."}]}
    """

    parameters_class = NewsletterSeriesParameters
    serializer_class = NewsletterSeriesSerializer

    def get_queryset(self):
        return selectors.newsletter_series(
            site=self.params["site"], locale=requested_locale(self.params)
        )


class NewsletterIssueParameters(QueryParameters):
    year = serializers.IntegerField(
        required=False, min_value=1990, max_value=2100, help_text="Issues of this year only."
    )


class NewsletterIssueListView(PublicListView):
    """The issues of a live, public newsletter series, newest first.

    ``GET /api/v1/newsletters/21/issues/?year=2024``::

        {"count": 4, "next": null, "previous": null,
         "results": [{"id": 34, "title": "CKnews 2/2024", "issue_number": 2, "year": 2024,
                      "quarter": 2, "publication_date": "2024-06-20", "cover_image": {...},
                      "pdf_edition": {...}, ...}]}

    The issues are in the series' language. An unknown, unpublished or private series,
    or an untranslated stand-in (alias), is a 404.
    """

    parameters_class = NewsletterIssueParameters
    serializer_class = NewsletterIssueSerializer

    def get_queryset(self):
        series = selectors.published_newsletter_series(series_id=self.kwargs["series_id"])
        if series is None:
            raise NotFound()
        return selectors.newsletter_issues(
            series=series, year=self.params.get("year")
        ).prefetch_related(rendition_prefetch("cover_image__renditions"))
