"""The archive of a site: its newsletter issues and event documentation with their
documents."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.params import LocaleField, QueryParameters, SiteField
from api.selectors import archive as selectors
from api.serializers.archive import ArchiveEntrySerializer
from api.views.base import PublicListView
from api.views.directory import requested_locale

ARCHIVE_KINDS = [
    ("newsletter", "Newsletter issues (CKnews) with their PDF edition"),
    ("documentation", "Documentation of events (CKreihe) with their files"),
]


class ArchiveParameters(QueryParameters):
    site = SiteField(help_text="Hostname of the site, e.g. cluster-chemie-kunststoffe.localhost.")
    locale = LocaleField(
        required=False, help_text="Language of the entries (default: de, the source language)."
    )
    kind = serializers.ChoiceField(
        choices=ARCHIVE_KINDS, required=False, help_text="Newsletter issues or documentation only."
    )
    year = serializers.IntegerField(
        required=False, min_value=1990, max_value=2100, help_text="Entries of this year only."
    )
    series = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Id of a newsletter or document series of the site, in any language: "
        "the entries of that series only.",
    )

    def validate(self, attrs):
        series_id = attrs.get("series")
        if series_id is not None:
            series = selectors.series_on_site(
                series_id=series_id, site=attrs["site"], request=self.context["request"]
            )
            if series is None:
                raise serializers.ValidationError(
                    {"series": [_("No published newsletter or document series with this id.")]}
                )
            attrs["series"] = series
        return attrs


class ArchiveListView(PublicListView):
    """The document archive of a site: newsletter issues with their PDF edition and event
    documentation with its files, newest first.

    ``GET /api/v1/archive/?site=cluster-chemie-kunststoffe.localhost&locale=de
    &kind=newsletter&year=2026``::

        {"count": 1, "next": null, "previous": null,
         "results": [{"kind": "newsletter_issue", "date": "2026-03-15", "year": 2026,
                      "title": "CKnews 1/2026",
                      "page": {"id": 34, "type": "newsletter_issue", "title": "CKnews 1/2026",
                               "locale": "de", "path": "/cknews/cknews-1-2026/"},
                      "series": {"id": 21, "title": "CKnews", "short_name": "CKnews"},
                      "documents": [{"id": 4, "title": "CKnews 1/2026 (PDF-Ausgabe)",
                                     "url": "https://hub.example/documents/4/cknews-1-2026.pdf",
                                     "filename": "cknews-1-2026.pdf", "file_extension": "pdf",
                                     "file_size": 482113}]}]}

    Only entries with at least one public document are listed: this is the archive of
    downloads (``/newsletters/{id}/issues/`` lists every issue). Entries are live, public
    pages of the requested language below a live, public series; an English entry carries
    the English page's documents (its own PDF edition where the translation has one, else
    the German one it shares). ``series`` takes the id of a series in any language.
    """

    parameters_class = ArchiveParameters
    serializer_class = ArchiveEntrySerializer

    def get_queryset(self):
        return selectors.archive_entries(
            site=self.params["site"],
            locale=requested_locale(self.params),
            kind=self.params.get("kind"),
            year=self.params.get("year"),
            series=self.params.get("series"),
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "locale": requested_locale(self.params)}
