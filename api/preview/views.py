"""``GET /api/v1/preview/?token=...``: the draft that the admin's preview handed to the
frontend.

Answers are never cached (``Cache-Control: no-store``, no ETag) and never indexed
(``X-Robots-Tag: noindex``). The token is the only credential: whoever holds it can read
that one draft until it expires. Problems::

    400  token missing or blank (as every invalid parameter)
    403  "Invalid preview token": not signed by this hub, or changed
    401  "Preview token expired": too old, or its snapshot is gone; open the preview again
    404  the previewed object was deleted since, or no site shows it any more
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page

from api.params import QueryParameters
from api.preview.models import PreviewSnapshot
from api.preview.selectors import draft_memberships
from api.preview.serializers import (
    PREVIEW_RESULT_SCHEMA,
    PreviewOrganisationSerializer,
    PreviewPageSerializer,
)
from api.preview.snapshots import PreviewedObjectGone, previewed_object
from api.preview.tokens import ExpiredPreviewToken, InvalidPreviewToken, read_token
from api.problems import PROBLEM_CONTENT_TYPE, NotFound, problem_body, problem_exception_handler
from api.schema import HubAutoSchema
from api.selectors.pages import page_location
from api.serializers.pages.detail import PAGE_DETAIL_SERIALIZERS
from api.views.base import PublicAPIView
from snippets.models import Organisation


class PreviewTokenProblem(exceptions.APIException):
    """A token that opens no draft; ``title`` and ``slug`` name the problem type."""

    title = ""
    slug = ""
    auth_header: str | None = None


class InvalidPreviewTokenProblem(PreviewTokenProblem):
    status_code = 403
    title = "Invalid preview token"
    slug = "invalid-preview-token"
    default_detail = "The hub did not issue this token, or it was changed on the way."


class ExpiredPreviewTokenProblem(PreviewTokenProblem):
    status_code = 401
    title = "Preview token expired"
    slug = "preview-token-expired"
    default_detail = (
        "Preview links work for a limited time. Open the preview in the admin again to get "
        "a new one."
    )
    # A 401 names how to authenticate: here, with a token from the admin's preview.
    auth_header = 'PreviewToken realm="preview"'


def preview_exception_handler(exc, context):
    """Problem documents with the titles of the preview's own problem types; everything
    else as on every other endpoint."""
    if not isinstance(exc, PreviewTokenProblem):
        return problem_exception_handler(exc, context)
    body = problem_body(exc.status_code, title=exc.title, slug=exc.slug, detail=str(exc.detail))
    headers = {"WWW-Authenticate": exc.auth_header} if exc.auth_header else {}
    return Response(
        body, status=exc.status_code, headers=headers, content_type=PROBLEM_CONTENT_TYPE
    )


class PreviewSchema(HubAutoSchema):
    problem_responses = {
        **HubAutoSchema.problem_responses,
        "401": "The token expired, or its draft is gone: open the preview in the admin again.",
        "403": "The token is not one the hub issued, or it was changed.",
        "404": "The previewed page or organisation was deleted, or no site shows it.",
    }


class PreviewParameters(QueryParameters):
    token = serializers.CharField(
        max_length=500,
        help_text="The token that the admin's preview appended to the frontend's preview URL.",
    )


class PreviewView(PublicAPIView):
    """``GET /api/v1/preview/?token=<token>``: a draft page or organisation.

    ::

        {"kind": "page", "page": {...PageDetail...}, "expires_at": "2026-03-20T11:00:00+01:00"}
        {"kind": "organisation", "organisation": {...Organisation...},
         "expires_at": "2026-03-20T11:00:00+01:00"}

    The page's own fields are the draft's, as the editor had them (saved or not); what
    surrounds it comes from the live site: breadcrumbs, alternates, linked pages and
    snippets. A page that is being created has the id 0 and the path it will have.
    """

    parameters_class = PreviewParameters
    schema = PreviewSchema()

    def get_exception_handler(self):
        return preview_exception_handler

    @extend_schema(
        operation_id="preview_retrieve",
        summary="A draft page or organisation for the frontend's preview route",
        responses={200: PREVIEW_RESULT_SCHEMA},
    )
    def get(self, request):
        try:
            token = read_token(self.params["token"])
        except InvalidPreviewToken:
            raise InvalidPreviewTokenProblem from None
        except ExpiredPreviewToken:
            raise ExpiredPreviewTokenProblem from None

        snapshot = (
            PreviewSnapshot.objects.select_related("content_type")
            .filter(pk=token.snapshot_id)
            .first()
        )
        if snapshot is None:
            # Expired snapshots are deleted: the token has outlived its draft.
            raise ExpiredPreviewTokenProblem
        try:
            obj = previewed_object(snapshot)
        except PreviewedObjectGone:
            raise NotFound(_("The previewed object was deleted.")) from None

        context = {"request": request, "view": self}
        if isinstance(obj, Page) and type(obj) in PAGE_DETAIL_SERIALIZERS:
            if page_location(page=obj, request=request) is None:
                raise NotFound(_("No site shows this page any more."))
            result = {"kind": "page", "page": obj, "expires_at": token.expires_at}
            return Response(PreviewPageSerializer(result, context=context).data)
        if isinstance(obj, Organisation):
            memberships = draft_memberships(organisation=obj, request=request)
            context.update(locale=obj.locale, memberships=memberships)
            result = {"kind": "organisation", "organisation": obj, "expires_at": token.expires_at}
            return Response(PreviewOrganisationSerializer(result, context=context).data)
        raise NotFound(_("The API has no schema for previews of this kind of object."))

    def finalize_response(self, request, response, *args, **kwargs):
        # Past PublicReadMixin's HTTP caching on purpose: no cache may keep a draft, and an
        # ETag would only invite revalidating an answer that is never reused.
        response = APIView.finalize_response(self, request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
