"""Errors of the API as RFC 9457 problem documents (``application/problem+json``).

Every error the API answers has the same shape, so frontends handle them in one place::

    HTTP/1.1 400 Bad Request
    Content-Type: application/problem+json

    {
      "type": "https://cluster-hub.example/problems/invalid-parameters",
      "title": "Invalid query parameters",
      "status": 400,
      "detail": "Check the parameters listed in errors.",
      "errors": {"locale": ["\\"fr\\" is not a valid choice."],
                 "colour": ["Unknown query parameter."]}
    }

``errors`` is present only for validation problems; it maps a parameter or field name to
its messages. Unexpected exceptions are logged and answered with a bare 500 problem: no
stack trace or exception text reaches a client.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://cluster-hub.example/problems/"


class ProblemSerializer(serializers.Serializer):
    """The schema of every error answer (for the OpenAPI contract)."""

    type = serializers.CharField(help_text="URI identifying the kind of problem.")
    title = serializers.CharField(help_text="Short, human-readable summary of the kind.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField(
        required=False, help_text="What went wrong with this request, in plain words."
    )
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Validation messages by parameter or field name.",
    )


class InvalidParameters(exceptions.ValidationError):
    """Query parameters that are unknown or carry an unusable value (400)."""

    default_detail = "Check the parameters listed in errors."


class NotFound(exceptions.NotFound):
    """A resource that does not exist or is not public: the two are never told apart."""


# Title and slug of the problem type, by HTTP status.
PROBLEM_KINDS = {
    400: ("Invalid request", "invalid-request"),
    401: ("Authentication required", "authentication-required"),
    403: ("Forbidden", "forbidden"),
    404: ("Not found", "not-found"),
    405: ("Method not allowed", "method-not-allowed"),
    406: ("Not acceptable", "not-acceptable"),
    413: ("Payload too large", "payload-too-large"),
    415: ("Unsupported media type", "unsupported-media-type"),
    429: ("Too many requests", "too-many-requests"),
    500: ("Server error", "server-error"),
    503: ("Service unavailable", "service-unavailable"),
}


def problem_body(
    status_code: int,
    *,
    detail: str | None = None,
    errors: dict | None = None,
    title: str | None = None,
    slug: str | None = None,
) -> dict:
    """The JSON body of a problem answer with ``status_code``."""
    default_title, default_slug = PROBLEM_KINDS.get(status_code, ("Error", "error"))
    body = {
        "type": PROBLEM_TYPE_BASE + (slug or default_slug),
        "title": title or default_title,
        "status": status_code,
    }
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    return body


def _as_messages(value) -> list[str]:
    if isinstance(value, list | tuple):
        messages = []
        for item in value:
            messages.extend(_as_messages(item))
        return messages
    if isinstance(value, dict):
        return [f"{key}: {text}" for key, item in value.items() for text in _as_messages(item)]
    return [str(value)]


def validation_errors(detail) -> dict[str, list[str]]:
    """DRF's nested validation detail flattened to ``{name: [message, ...]}``."""
    if isinstance(detail, dict):
        return {str(name): _as_messages(messages) for name, messages in detail.items()}
    return {"non_field_errors": _as_messages(detail)}


def problem_exception_handler(exc, context):
    """DRF's exception handler: every exception becomes a problem document."""
    if isinstance(exc, Http404):
        exc = NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    if isinstance(exc, exceptions.ValidationError):
        is_parameters = isinstance(exc, InvalidParameters)
        body = problem_body(
            400,
            title="Invalid query parameters" if is_parameters else "Invalid request",
            slug="invalid-parameters" if is_parameters else "invalid-request",
            detail=InvalidParameters.default_detail,
            errors=validation_errors(exc.detail),
        )
        return Response(body, status=400, content_type=PROBLEM_CONTENT_TYPE)

    if isinstance(exc, exceptions.APIException):
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = {}
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        # An exception may name its own kind of problem (``problem_title``, ``problem_slug``)
        # where its status alone says too little, e.g. a 503 because review is switched off.
        body = problem_body(
            exc.status_code,
            detail=detail,
            title=getattr(exc, "problem_title", None),
            slug=getattr(exc, "problem_slug", None),
        )
        return Response(
            body, status=exc.status_code, headers=headers, content_type=PROBLEM_CONTENT_TYPE
        )

    logger.exception("Unhandled error in %s", context.get("view").__class__.__name__)
    return Response(
        problem_body(500, detail="The request could not be answered. It has been logged."),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def not_found_view(request, *args, **kwargs):
    """404 problem for addresses under /api/ that no endpoint answers."""
    response = JsonResponse(
        problem_body(404, detail=f"No API endpoint at {request.path}."),
        status=404,
        content_type=PROBLEM_CONTENT_TYPE,
    )
    response["Cache-Control"] = "no-cache"
    return response
