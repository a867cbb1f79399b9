"""The OpenAPI contract as the code describes it, written the way frontend_contract/ keeps it.

``manage.py export_contract`` writes it to frontend_contract/openapi.json and the drift test
(tests/contract/test_openapi_drift.py) compares the committed file with it, so both go
through :func:`generate_openapi` and :func:`openapi_json`.
"""

import json
from pathlib import Path

from django.conf import settings
from django.urls import include, path
from django.utils import translation
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.settings import spectacular_settings
from rest_framework.utils.encoders import JSONEncoder

CONTRACT_DIR = Path(settings.BASE_DIR) / "frontend_contract"
OPENAPI_PATH = CONTRACT_DIR / "openapi.json"
EXAMPLES_DIR = CONTRACT_DIR / "examples"

# The contract is in English whatever LANGUAGE_CODE says: model help texts are translated,
# and the document must not depend on the machine that generates it.
CONTRACT_LANGUAGE = "en"


def public_api_patterns() -> list:
    """The URL patterns the contract describes: /api/ only.

    The Wagtail admin and wagtail-localize bring DRF views of their own (under /admin/);
    they are not part of the public API and must not appear in the contract.
    """
    return [path("api/", include("api.urls"))]


def generate_openapi(*, request=None) -> dict:
    """The OpenAPI document of the API, generated from the code (public view)."""
    return generate_openapi_reporting(request=request)[0]


def generate_openapi_reporting(*, request=None) -> tuple[dict, list[str]]:
    """The OpenAPI document and the warnings and errors drf-spectacular had generating it.

    Each problem is a place where the schema had to guess (an untyped field, a view without
    a serializer): a frontend would get an imprecise type there.
    """
    generator = spectacular_settings.DEFAULT_GENERATOR_CLASS(patterns=public_api_patterns())
    GENERATOR_STATS.reset()
    with GENERATOR_STATS.silence(), translation.override(CONTRACT_LANGUAGE):
        schema = generator.get_schema(request=request, public=True)
    problems = sorted(GENERATOR_STATS._error_cache) + sorted(GENERATOR_STATS._warn_cache)
    GENERATOR_STATS.reset()
    return schema, problems


def openapi_json(schema: dict) -> str:
    """``schema`` as the committed file holds it: sorted keys, 2-space indent, final newline."""
    return to_json(schema, sort_keys=True)


def to_json(data, *, sort_keys: bool = False) -> str:
    """Stable JSON text for a file in frontend_contract/ (UTF-8, not ASCII-escaped)."""
    text = json.dumps(data, cls=JSONEncoder, indent=2, sort_keys=sort_keys, ensure_ascii=False)
    return text + "\n"
