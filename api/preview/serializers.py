"""The preview payload: the draft in the schema the live API gives it.

``PREVIEW_RESULT_SCHEMA`` is ``PreviewResult`` in the contract, a ``oneOf`` told apart by
``kind``::

    {"kind": "page", "page": {...PageDetail...}, "expires_at": "2026-03-20T11:00:00+01:00"}
    {"kind": "organisation", "organisation": {...Organisation...},
     "expires_at": "2026-03-20T11:00:00+01:00"}

``page`` is exactly what ``/pages/{id}/`` and ``/pages/resolve/`` give for a live page;
``organisation`` exactly what ``/organisations/{id}/`` gives. Frontends render both with
the code they render live content with.
"""

from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers

from api.serializers.snippets import NamedChoiceField, OrganisationSerializer
from api.views.pages import PageDetailField

EXPIRES_AT_HELP = (
    "When the token stops working; after that the API answers 401 and staff open the "
    "preview in the admin again."
)


class PreviewPageSerializer(serializers.Serializer):
    """A page draft.

    ::

        {"kind": "page",
         "page": {"id": 12, "type": "news", "title": "Neues Mitglied (Entwurf)", ...},
         "expires_at": "2026-03-20T11:00:00+01:00"}
    """

    # Named, so that this one-value enum does not clash with the ``kind`` of resolve.
    kind = NamedChoiceField(choices=["page"], component_name="PreviewPageKind")
    page = PageDetailField()
    expires_at = serializers.DateTimeField(help_text=EXPIRES_AT_HELP)


class PreviewOrganisationSerializer(serializers.Serializer):
    """An organisation profile draft.

    ::

        {"kind": "organisation",
         "organisation": {"id": 3, "name": "Harzer Chemiewerk", ...Organisation...},
         "expires_at": "2026-03-20T11:00:00+01:00"}
    """

    kind = NamedChoiceField(choices=["organisation"], component_name="PreviewOrganisationKind")
    organisation = OrganisationSerializer()
    expires_at = serializers.DateTimeField(help_text=EXPIRES_AT_HELP)


PREVIEW_RESULT_SCHEMA = PolymorphicProxySerializer(
    component_name="PreviewResult",
    serializers={"page": PreviewPageSerializer, "organisation": PreviewOrganisationSerializer},
    resource_type_field_name="kind",
)
