"""Cluster pages: the list of clusters, and a cluster with its speakers and management."""

from django.db.models import Prefetch
from rest_framework import serializers

from api.serializers.pages.base import PageSerializer
from api.serializers.pages.fields import (
    BlankAsNullURLField,
    LocalizedSnippetField,
    SnippetRolesField,
)
from api.serializers.rich_text import RichTextField
from api.serializers.snippets import (
    OrganisationSummarySerializer,
    PersonSerializer,
    TopicSerializer,
)
from api.serializers.streamfield import StreamFieldSerializerField
from pages.models import ClusterIndexPage, ClusterManagementContact, ClusterPage, ClusterSpeaker

# People are rendered with their photo and organisation.
PERSON_RELATIONS = ("person__photo", "person__organisation")


class ClusterIndexPageSerializer(PageSerializer):
    """The list of clusters a site supports; the clusters are its children
    (``/api/v1/pages/?child_of=<id>``).

    ::

        {...common page fields (type: "cluster_index")...,
         "intro": "Die Cluster der Metropolregion.", "body": [...]}
    """

    page_model = ClusterIndexPage

    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    body = StreamFieldSerializerField.for_model_field(ClusterIndexPage, "body")


class ClusterSpeakerSerializer(serializers.Serializer):
    """A speaker of the cluster and the field they speak for.

    ::

        {"person": {...Person...}, "role": "Sprecher für Chemie"}
    """

    person = PersonSerializer()
    role = serializers.CharField(help_text="May be empty.")


class ClusterManagementContactSerializer(serializers.Serializer):
    """A contact person of the cluster management.

    ::

        {"person": {...Person...}, "role": "Clustermanager"}
    """

    person = PersonSerializer()
    role = serializers.CharField(help_text="May be empty.")


class ClusterPageSerializer(PageSerializer):
    """A cluster initiative.

    ::

        {...common page fields (type: "cluster")...,
         "intro": "...", "website": "https://www.cluster-chemie-kunststoffe.de",
         "vision": "Mitteldeutschland wird Modellregion der Kreislaufwirtschaft.",
         "vision_author": {...Person...},
         "goals": "<p>...</p>",
         "fields_of_action": [{"type": "field_of_action", "id": "…", "value": {...}}],
         "speakers": [{"person": {...Person...}, "role": "Sprecher für Chemie"}],
         "management_organisation": {...OrganisationSummary...},
         "management_contacts": [{"person": {...Person...}, "role": "Clustermanager"}],
         "topics": [{"id": 5, "name": "Kreislaufwirtschaft", "slug": "...", "kind": "topic"}],
         "body": [...]}

    The member organisations come from ``/api/v1/organisations/?group=<id>``.
    """

    page_model = ClusterPage
    select_related = (
        *PageSerializer.select_related,
        "vision_author__photo",
        "vision_author__organisation",
        "management_organisation__logo",
    )
    prefetch_related = (
        *PageSerializer.prefetch_related,
        "topics",
        Prefetch("speakers", ClusterSpeaker.objects.select_related(*PERSON_RELATIONS)),
        Prefetch(
            "management_contacts",
            ClusterManagementContact.objects.select_related(*PERSON_RELATIONS),
        ),
    )

    intro = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    website = BlankAsNullURLField(help_text="The cluster's own website; null when it has none.")
    vision = serializers.CharField(read_only=True, help_text="Plain text; may be empty.")
    vision_author = LocalizedSnippetField(PersonSerializer)
    goals = RichTextField(help_text="HTML; may be empty.")
    fields_of_action = StreamFieldSerializerField.for_model_field(ClusterPage, "fields_of_action")
    speakers = SnippetRolesField(ClusterSpeakerSerializer, snippet_field="person")
    management_organisation = LocalizedSnippetField(OrganisationSummarySerializer)
    management_contacts = SnippetRolesField(
        ClusterManagementContactSerializer, snippet_field="person"
    )
    topics = TopicSerializer(many=True, read_only=True)
    body = StreamFieldSerializerField.for_model_field(ClusterPage, "body")
