"""Project pages: the list of projects, and a funded project with its partners."""

from django.db.models import Prefetch
from rest_framework import serializers

from api.serializers.pages.base import PageSerializer
from api.serializers.pages.fields import LocalizedSnippetField, SnippetRolesField
from api.serializers.rich_text import RichTextField
from api.serializers.snippets import FundingSerializer, OrganisationSummarySerializer
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import ProjectIndexPage, ProjectPage, ProjectPartner, ProjectStatus


class ProjectIndexPageSerializer(PageSerializer):
    """The list of funded projects; the projects are its children
    (``/api/v1/pages/?child_of=<id>``).

    ::

        {...common page fields (type: "project_index")..., "intro": "Unsere Projekte."}
    """

    page_model = ProjectIndexPage

    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")


class ProjectPartnerSerializer(serializers.Serializer):
    """A partner organisation of the project and its part in it.

    ::

        {"organisation": {...OrganisationSummary...}, "role": "Verbundpartner"}
    """

    organisation = OrganisationSummarySerializer()
    role = serializers.CharField(help_text="May be empty.")


class ProjectPageSerializer(PageSerializer):
    """A funded project.

    ::

        {...common page fields (type: "project")...,
         "intro": "...", "status": "completed",
         "start_date": "2020-09-01", "end_date": "2021-08-31",
         "lead_organisation": {...OrganisationSummary...},
         "partners": [{"organisation": {...OrganisationSummary...}, "role": "Verbundpartner"}],
         "fundings": [{...Funding...}],
         "goals": "<p>...</p>", "body": [...]}

    ``status`` follows from the period and today's date. Unpublished partner organisations
    are left out.
    """

    page_model = ProjectPage
    select_related = (*PageSerializer.select_related, "lead_organisation__logo")
    prefetch_related = (
        *PageSerializer.prefetch_related,
        "fundings",
        Prefetch("partners", ProjectPartner.objects.select_related("organisation__logo")),
    )

    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    status = serializers.ChoiceField(
        choices=ProjectStatus.choices,
        read_only=True,
        help_text="planned, running or completed, judged by the period today.",
    )
    start_date = serializers.DateField(read_only=True, allow_null=True)
    end_date = serializers.DateField(
        read_only=True, allow_null=True, help_text="Null while the project is open-ended."
    )
    lead_organisation = LocalizedSnippetField(OrganisationSummarySerializer)
    partners = SnippetRolesField(ProjectPartnerSerializer, snippet_field="organisation")
    fundings = LocalizedSnippetField(FundingSerializer, many=True)
    goals = RichTextField(help_text="HTML; may be empty.")
    body = StreamFieldSerializerField.for_model_field(ProjectPage, "body")
