"""Validating API answers against the contract, frontend_contract/openapi.json.

::

    from tests.contract.validation import assert_response_matches_schema

    response = api_client.get("/api/v1/pages/", {"site": "chemienetzwerk-harz.localhost"})
    assert_response_matches_schema(response)

The operation is found from the request's method and path; its documented answer for the
status code and content type must exist, and the body must match that answer's schema.

Validation is stricter than OpenAPI's default in one way: an object schema that lists its
properties accepts no others. Frontends must tolerate new fields (CHANGELOG.md), but the
hub must not send fields the contract does not document, or generated types would lag
behind the payloads without anyone noticing.
"""

import copy
import functools
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIResponse
from openapi_core.testing import MockRequest, MockResponse

from api.management.contract import OPENAPI_PATH

HOST_URL = "http://testserver"
# Errors quote the whole body; the locations below them say what is wrong.
MESSAGE_LIMIT = 200


def load_contract() -> dict:
    """The committed OpenAPI document."""
    return json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))


def _walk(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _component_name(reference: str) -> str:
    return reference.rsplit("/", 1)[-1]


# OpenAPI 3.0 cannot say "this component or null" directly. drf-spectacular writes
# ``{"allOf": [{"$ref": ...}], "nullable": true}``, which openapi-typescript turns into
# ``Component | null`` as intended; a literal reading of 3.0.3 (nullable counts only next to
# ``type``) rejects null there. Validation follows the intended reading, as frontends do.
NULL_ONLY = {"type": "object", "nullable": True, "enum": [None]}


def _nullable_reference_as_union(node: dict) -> None:
    parts = node.get("allOf")
    if node.get("nullable") is True and isinstance(parts, list) and len(parts) == 1:
        node["anyOf"] = [node.pop("allOf")[0], dict(NULL_ONLY)]
        del node["nullable"]


def strict_contract(spec: dict) -> dict:
    """A copy of ``spec`` whose object schemas with listed properties allow no other ones,
    and whose nullable references (OpenAPI 3.0) accept null.

    Schemas combined with others through a multi-part ``allOf`` keep the default: there,
    each part lists only some of the properties.
    """
    spec = copy.deepcopy(spec)
    combined_parts: list[dict] = []
    for node in _walk(spec):
        parts = node.get("allOf")
        if isinstance(parts, list) and len(parts) > 1:
            combined_parts.extend(part for part in parts if isinstance(part, dict))
    combined_components = {
        _component_name(part["$ref"]) for part in combined_parts if "$ref" in part
    }
    combined_ids = {id(part) for part in combined_parts}
    schemas = spec.get("components", {}).get("schemas", {})
    excluded = combined_ids | {id(schemas[name]) for name in combined_components if name in schemas}

    if spec.get("openapi", "").startswith("3.0."):
        for node in _walk(spec):
            _nullable_reference_as_union(node)

    for node in _walk(spec):
        if (
            isinstance(node.get("properties"), dict)
            and node.get("type", "object") == "object"
            and "additionalProperties" not in node
            and id(node) not in excluded
        ):
            node["additionalProperties"] = False
    return spec


def _json_loads(body: bytes | str, **_parameters):
    return json.loads(body)


def _text_loads(body: bytes | str, **parameters) -> str:
    if isinstance(body, str):
        return body
    return body.decode(parameters.get("charset", "utf-8"))


# Media types the API answers with that openapi-core would otherwise treat as opaque bytes.
EXTRA_MEDIA_TYPE_DESERIALIZERS = {
    "application/problem+json": _json_loads,
    "application/geo+json": _json_loads,
    "text/calendar": _text_loads,
}


@functools.cache
def _openapi_for(spec_text: str) -> OpenAPI:
    config = Config(extra_media_type_deserializers=EXTRA_MEDIA_TYPE_DESERIALIZERS)
    return OpenAPI.from_dict(strict_contract(json.loads(spec_text)), config=config)


def contract_validator(spec: dict | None = None) -> OpenAPI:
    """An openapi-core validator of ``spec`` (default: the committed contract), cached."""
    if spec is None:
        return _openapi_for(OPENAPI_PATH.read_text(encoding="utf-8"))
    return _openapi_for(json.dumps(spec, sort_keys=True))


def request_for(method: str, url_path: str, query: list[tuple[str, str]]) -> MockRequest:
    """An openapi-core request for ``method url_path?query`` (query as name/value pairs)."""
    return MockRequest(HOST_URL, method, url_path, args=query)


def _query_pairs(django_request) -> list[tuple[str, str]]:
    return [(name, value) for name, values in django_request.GET.lists() for value in values]


def describe_errors(errors: list[Exception]) -> str:
    """Errors of :func:`response_errors` as readable lines, with the failing body locations."""
    lines = []
    for error in errors:
        summary = str(error)
        if len(summary) > MESSAGE_LIMIT:
            summary = summary[:MESSAGE_LIMIT] + " …"
        lines.append(f"- {type(error).__name__}: {summary}")
        cause = error.__cause__
        for schema_error in getattr(cause, "schema_errors", None) or ():
            location = "/".join(str(part) for part in schema_error.absolute_path) or "(body)"
            lines.append(f"    at {location}: {schema_error.message}")
        if cause is not None and not getattr(cause, "schema_errors", None):
            lines.append(f"    {type(cause).__name__}: {cause}")
    return "\n".join(lines)


def response_errors(openapi_request, openapi_response, *, spec: dict | None = None) -> list:
    """What is wrong with a response according to the contract (empty when it matches)."""
    validator = contract_validator(spec)
    return list(validator.iter_response_errors(openapi_request, openapi_response))


def assert_response_matches_schema(response, *, spec: dict | None = None) -> None:
    """Fail unless a Django test client ``response`` is documented by the contract.

    Checks that the request's operation exists, that it documents the response's status
    and content type (``application/json``, ``application/problem+json``, ...), and that
    the body matches the schema of that answer. ``spec`` replaces the committed
    openapi.json, e.g. with a freshly generated document.
    """
    django_request = response.wsgi_request
    openapi_request = request_for(
        django_request.method, django_request.path, _query_pairs(django_request)
    )
    errors = response_errors(openapi_request, DjangoOpenAPIResponse(response), spec=spec)
    assert not errors, (
        f"{django_request.method} {django_request.get_full_path()} answered "
        f"{response.status_code} {response.get('Content-Type', '')!r}, which the contract "
        f"does not document:\n{describe_errors(errors)}"
    )


def body_errors(
    *, method: str, url: str, status: int, content_type: str, body: bytes, spec: dict | None = None
) -> list:
    """What is wrong with a recorded answer (an example file) according to the contract."""
    url_path, _sep, query_string = url.partition("?")
    openapi_request = request_for(method, url_path, parse_qsl(query_string))
    openapi_response = MockResponse(body, status_code=status, content_type=content_type)
    return response_errors(openapi_request, openapi_response, spec=spec)
