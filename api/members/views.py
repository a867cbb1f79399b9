"""The member API: an organisation's profile and its submissions, for its own members.

Every request carries ``Authorization: Bearer chm_...``, an organisation token
(api/members/authentication.py); the token's organisation is the only one it reaches
(api/members/permissions.py). Answers are JSON, errors problem documents, and nothing is
cached: ``Cache-Control: no-store`` on every answer, errors included.

Changes are never published here: a submission becomes a draft revision in the "Member
profile review" workflow, and staff approve or reject it in the admin.
"""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils import translation
from django.utils.cache import patch_vary_headers
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from api.members.authentication import OrganisationTokenAuthentication
from api.members.permissions import OrganisationTokenAccess, token_of
from api.members.ratelimit import count_request, count_submission
from api.members.serializers import (
    MemberOrganisationSerializer,
    MemberProfileChangesFormSerializer,
    MemberProfileChangesSerializer,
    ProfileChangesSerializer,
    SubmissionAcceptedSerializer,
    SubmissionSerializer,
    submission_status_url,
)
from api.pagination import PageNumberPagination
from api.params import PAGINATION_PARAMETERS, QueryParameters, parse_query_parameters
from api.problems import (
    PROBLEM_CONTENT_TYPE,
    NotFound,
    ProblemSerializer,
    problem_exception_handler,
    validation_errors,
)
from hub.members.logos import discard_logo_file, store_logo
from hub.members.models import ProfileSubmission
from hub.members.submissions import (
    NoReviewWorkflow,
    field_value,
    pending_submission,
    submit_profile_changes,
)

DEFAULT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
JSON_MEDIA_TYPE = "application/json"
MULTIPART_MEDIA_TYPE = "multipart/form-data"


class PayloadTooLarge(exceptions.APIException):
    status_code = 413


class ReviewUnavailable(exceptions.APIException):
    status_code = 503
    problem_title = "Review unavailable"
    problem_slug = "review-unavailable"
    default_detail = "Submissions cannot be reviewed at the moment; nothing was saved."


def problem(description: str, **kwargs) -> OpenApiResponse:
    return OpenApiResponse(response=ProblemSerializer, description=description, **kwargs)


# Problem answers every operation can give, by status.
COMMON_PROBLEMS = {
    (401, PROBLEM_CONTENT_TYPE): problem(
        "No, a malformed, unknown, revoked or expired token, or its account is deactivated."
    ),
    (403, PROBLEM_CONTENT_TYPE): problem(
        "The token's account may not see this profile (any more), or may only view it."
    ),
    (404, PROBLEM_CONTENT_TYPE): problem(
        "Not the token's organisation (whether or not it exists), or no such submission."
    ),
    (429, PROBLEM_CONTENT_TYPE): problem("Too many requests or submissions; see Retry-After."),
}
RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    OpenApiTypes.INT,
    location=OpenApiParameter.HEADER,
    response=[429],
    description="Seconds until the limit resets.",
)
WWW_AUTHENTICATE = OpenApiParameter(
    "WWW-Authenticate",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[401],
    description='The scheme to use: Bearer realm="member-api".',
)


class MemberAPIMixin:
    """Token authentication, organisation scope, limits, problems and no caching."""

    authentication_classes = (OrganisationTokenAuthentication,)
    permission_classes = (OrganisationTokenAccess,)
    renderer_classes = (JSONRenderer,)
    parser_classes = ()
    throttle_classes = ()
    parameters_class: type[QueryParameters] = QueryParameters
    http_method_names = ["get"]

    def get_exception_handler(self):
        return problem_exception_handler

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            return super().dispatch(request, *args, **kwargs)

    def check_permissions(self, request):
        # Every request with a valid token counts, also those for another organisation.
        if (token := token_of(request)) is not None:
            count_request(token)
        super().check_permissions(request)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method == "GET":
            paginated = getattr(self, "pagination_class", None) is not None
            self.params = parse_query_parameters(
                request,
                self.parameters_class,
                allowed_extra=PAGINATION_PARAMETERS if paginated else (),
            )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Drafts and submissions are for the token's holder alone: no cache may keep them.
        response["Cache-Control"] = "no-store"
        patch_vary_headers(response, ["Authorization"])
        return response

    @property
    def token(self):
        return token_of(self.request)

    @property
    def organisation(self):
        return self.token.organisation


class MemberOrganisationView(MemberAPIMixin, generics.GenericAPIView):
    """The token's organisation: its live profile, its draft and the pending submission.

    ``GET /api/v1/members/organisations/3/`` with ``Authorization: Bearer chm_...``::

        {"id": 3, "name": "Harzer Chemiewerk", "slug": "harzer-chemiewerk", "live": true,
         "pending_submission": {"id": "8d0c5bb8-4c5e-4a57-9d39-2b8f4e0b6c11",
                                "status": "pending",
                                "submitted_at": "2026-03-02T09:15:00+01:00",
                                "status_url": "https://hub.example/api/v1/members/organisations/3/submissions/8d0c5bb8-.../"},
         "profile": {"summary": "...", "city": "Goslar", ...},
         "draft": {"summary": "...", "city": "Bad Harzburg", ...}}

    ``profile`` is what the public API shows (null while the organisation is unpublished);
    ``draft`` is the latest revision, what approving the pending submission would publish.
    """

    serializer_class = MemberOrganisationSerializer

    @extend_schema(
        operation_id="members_organisations_retrieve",
        summary="An organisation's profile for its members",
        responses={200: MemberOrganisationSerializer, **COMMON_PROBLEMS},
        parameters=[RETRY_AFTER, WWW_AUTHENTICATE],
        tags=["members"],
    )
    def get(self, request, *args, **kwargs):
        organisation = self.organisation
        item = {
            "organisation": organisation,
            "live": organisation if organisation.live else None,
            "draft": organisation.get_latest_revision_as_object(),
            "pending": pending_submission(organisation),
        }
        context = {**self.get_serializer_context(), "locale": organisation.locale}
        return Response(MemberOrganisationSerializer(item, context=context).data)


class SubmissionListCreateView(MemberAPIMixin, generics.ListCreateAPIView):
    """The organisation's submissions (GET, newest first), and submitting changes (POST)."""

    serializer_class = SubmissionSerializer
    pagination_class = PageNumberPagination
    parser_classes = (JSONParser, MultiPartParser)
    http_method_names = ["get", "post"]

    def get_queryset(self):
        return ProfileSubmission.objects.filter(organisation_id=self.organisation.pk).order_by(
            "-submitted_at", "-pk"
        )

    @extend_schema(
        operation_id="members_organisations_submissions_list",
        summary="The organisation's submissions, newest first",
        responses={200: SubmissionSerializer(many=True), **COMMON_PROBLEMS},
        parameters=[RETRY_AFTER, WWW_AUTHENTICATE],
        tags=["members"],
    )
    def get(self, request, *args, **kwargs):
        """The organisation's submissions, newest first, from the admin and this API.

        ``GET /api/v1/members/organisations/3/submissions/``::

            {"count": 2, "next": null, "previous": null,
             "results": [{"id": "8d0c5bb8-...", "status": "pending", "submitted_at": "...",
                          "decided_at": null, "comment": null,
                          "changes": {"city": {"live": "Goslar", "submitted": "Bad Harzburg"}},
                          "channel": "api", "status_url": "https://hub.example/api/v1/..."}]}
        """
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="members_organisations_submissions_create",
        summary="Submit changes to the profile for review",
        request={
            JSON_MEDIA_TYPE: MemberProfileChangesSerializer,
            MULTIPART_MEDIA_TYPE: MemberProfileChangesFormSerializer,
        },
        responses={
            202: OpenApiResponse(
                response=SubmissionAcceptedSerializer,
                description="Accepted for review; Location is the status URL.",
            ),
            (400, PROBLEM_CONTENT_TYPE): problem(
                "Malformed JSON, an empty or no-op body, unknown or staff-only fields, or "
                "invalid values (see errors); nothing was saved."
            ),
            **COMMON_PROBLEMS,
            (413, PROBLEM_CONTENT_TYPE): problem("The body is larger than 5 MB."),
            (415, PROBLEM_CONTENT_TYPE): problem(
                "The body is neither application/json nor multipart/form-data."
            ),
            (503, PROBLEM_CONTENT_TYPE): problem("Review is switched off; nothing was saved."),
        },
        parameters=[
            RETRY_AFTER,
            WWW_AUTHENTICATE,
            OpenApiParameter(
                "Location",
                OpenApiTypes.URI,
                location=OpenApiParameter.HEADER,
                response=[202],
                description="The submission's status URL.",
            ),
        ],
        tags=["members"],
    )
    def post(self, request, *args, **kwargs):
        """Submit changes to the profile; staff review them before anything goes live.

        ``POST /api/v1/members/organisations/3/submissions/`` with
        ``Content-Type: application/json``::

            {"city": "Bad Harzburg", "postal_code": "38667", "sectors": ["kunststoffverarbeitung"]}

        answers ``202 Accepted`` with ``Location: <status URL>``::

            {"id": "8d0c5bb8-4c5e-4a57-9d39-2b8f4e0b6c11", "status": "pending",
             "submitted_at": "2026-03-02T09:15:00+01:00",
             "status_url": "https://hub.example/api/v1/members/organisations/3/submissions/8d0c5bb8-.../",
             "changes": ["city", "postal_code", "sectors"]}

        A new logo is sent as ``multipart/form-data`` with the other fields as form fields and
        ``logo`` as the file; ``"logo": null`` in JSON removes the logo.

        A submission is a partial update: the fields sent are applied to the current draft
        and saved as a new revision, which goes to review; the live profile does not change
        until staff approve it. A submission while another is pending **replaces** it: the
        new changes are made on top of the pending draft (nothing submitted before is lost),
        the pending review is cancelled and that submission becomes ``superseded``. The
        answer's ``changes`` names every field that differs from the live profile.

        Refused with a 400 problem naming the fields, and nothing saved: unknown fields,
        fields only staff change, an empty or no-op body, invalid values, HTML in plain-text
        fields, disallowed HTML in the description, a refused logo. A body over
        ``MEMBER_UPLOAD_MAX_BYTES`` (5 MB) is a 413 without being read, other media types a
        415. Limits: 10 submissions per hour per token and 20 per member account, counted
        before validation (429 with Retry-After).
        """
        token = self.token
        count_submission(token)
        check_body_size(request)
        check_media_type(request)
        serializer = ProfileChangesSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        submission = submit(
            organisation=self.organisation,
            token=token,
            values=serializer.validated_data,
        )
        status_url = submission_status_url(submission, request=request)
        body = SubmissionAcceptedSerializer(submission, context={"request": request}).data
        return Response(body, status=202, headers={"Location": status_url})


class SubmissionDetailView(MemberAPIMixin, generics.GenericAPIView):
    """One submission's status, changes and the reviewer's decision.

    ``GET /api/v1/members/organisations/3/submissions/8d0c5bb8-4c5e-4a57-9d39-2b8f4e0b6c11/``::

        {"id": "8d0c5bb8-4c5e-4a57-9d39-2b8f4e0b6c11", "status": "approved",
         "submitted_at": "2026-03-02T09:15:00+01:00", "decided_at": "2026-03-03T10:40:00+01:00",
         "comment": "Danke, ist online.",
         "changes": {"city": {"live": "Goslar", "submitted": "Bad Harzburg"}},
         "channel": "api", "status_url": "https://hub.example/api/v1/..."}

    An unknown id, or one of another organisation's submissions, is a 404.
    """

    serializer_class = SubmissionSerializer

    @extend_schema(
        operation_id="members_organisations_submissions_retrieve",
        summary="A submission's status",
        responses={200: SubmissionSerializer, **COMMON_PROBLEMS},
        parameters=[RETRY_AFTER, WWW_AUTHENTICATE],
        tags=["members"],
    )
    def get(self, request, *args, **kwargs):
        submission = ProfileSubmission.objects.filter(
            organisation_id=self.organisation.pk, public_id=kwargs["submission_id"]
        ).first()
        if submission is None:
            raise NotFound()
        return Response(SubmissionSerializer(submission, context={"request": request}).data)


# Submitting ----------------------------------------------------------------------------


def upload_max_bytes() -> int:
    return getattr(settings, "MEMBER_UPLOAD_MAX_BYTES", DEFAULT_UPLOAD_MAX_BYTES)


def check_body_size(request) -> None:
    """413 for a body over the limit, judged by Content-Length before anything reads it."""
    raw = request.META.get("CONTENT_LENGTH") or "0"
    try:
        length = int(raw)
    except ValueError:
        raise exceptions.ParseError("Invalid Content-Length header.") from None
    if length > upload_max_bytes():
        limit = upload_max_bytes() / (1024 * 1024)
        raise PayloadTooLarge(f"The body has {length} bytes; at most {limit:g} MB are accepted.")


def check_media_type(request) -> None:
    media_type = (request.content_type or "").split(";")[0].strip().lower()
    if media_type not in (JSON_MEDIA_TYPE, MULTIPART_MEDIA_TYPE):
        raise exceptions.UnsupportedMediaType(
            media_type or "(none)",
            detail="Send application/json, or multipart/form-data with a logo file.",
        )


def draft_differs(draft, name: str, value) -> bool:
    """Whether setting ``name`` to ``value`` changes the draft."""
    if name == "logo":
        return value is not None or draft.logo_id is not None
    current = field_value(draft, name)
    if name == "sectors":
        return sorted(topic.slug for topic in value) != current
    if name in ("latitude", "longitude"):
        return (str(value) if value is not None else None) != current
    return value != current


def submit(*, organisation, token, values: dict) -> ProfileSubmission:
    """Validate ``values`` against the whole profile and submit them for review.

    Stores an uploaded logo first, in the submission's transaction; if anything fails, the
    transaction takes its database row and :func:`discard_logo_file` its file.
    """
    draft = organisation.get_latest_revision_as_object()
    changed = {name: value for name, value in values.items() if draft_differs(draft, name, value)}
    if not changed:
        raise serializers.ValidationError(
            {"non_field_errors": ["Nothing would change: the draft already has these values."]}
        )
    image = None
    try:
        with transaction.atomic():
            if changed.get("logo") is not None:
                image = store_logo(changed["logo"], organisation=organisation, user=token.user)
                changed["logo"] = image
            return submit_profile_changes(
                organisation=organisation,
                user=token.user,
                values=changed,
                channel="api",
                token_prefix=token.prefix,
            )
    except DjangoValidationError as error:
        discard_logo_file(image)
        raise serializers.ValidationError(model_errors(error)) from error
    except NoReviewWorkflow as error:
        discard_logo_file(image)
        raise ReviewUnavailable() from error
    except BaseException:
        discard_logo_file(image)
        raise


def model_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    """The model's validation errors by field, ``__all__`` as ``non_field_errors``."""
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": error.messages}
    errors = validation_errors(error.message_dict)
    if "__all__" in errors:
        errors["non_field_errors"] = errors.pop("__all__")
    return errors
