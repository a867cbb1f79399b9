"""Routes of the contract: the OpenAPI schema and the interactive API documentation.

- ``/api/v1/schema/``: the OpenAPI 3 document generated from the code; the same document is
  committed as frontend_contract/openapi.json (``make contract``).
- ``/api/v1/docs/``: Swagger UI, to try requests in the browser.
- ``/api/v1/redoc/``: Redoc, for reading the reference.

The documentation pages load their scripts and styles from the hub's own static files
(drf-spectacular-sidecar): they work offline and send the schema to no third party.
"""

import json

from django.http import HttpResponse
from django.template import engines
from django.urls import path
from drf_spectacular.settings import spectacular_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import (
    SpectacularJSONAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.response import Response

from api.caching import apply_http_caching
from api.management.contract import generate_openapi

# Redoc's stock page also loads web fonts from a CDN; this one keeps everything local.
REDOC_PAGE = engines["django"].from_string(
    """<!DOCTYPE html>
<html lang="en">
  <head>
    <title>{{ title }}</title>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>body { margin: 0; padding: 0; }</style>
  </head>
  <body>
    <redoc spec-url="{{ schema_url }}"></redoc>
    <script src="{{ redoc_standalone }}"></script>
  </body>
</html>
"""
)


class ContractSchemaView(SpectacularJSONAPIView):
    """The OpenAPI document as frontend_contract/openapi.json holds it (in English, whatever
    language the browser asks for), with an ETag like every other read.

    ``GET /api/v1/schema/`` → ``{"openapi": "3.0.3", "info": {...}, "paths": {...},
    "components": {...}}``
    """

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return Response(generate_openapi(request=request))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return apply_http_caching(request, response)


class SwaggerUIView(SpectacularSwaggerView):
    """Swagger UI for the v1 schema (HTML)."""

    url_name = "api:v1:schema"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # Swagger UI would otherwise post the schema to the public validator.swagger.io.
        ui_settings = {**spectacular_settings.SWAGGER_UI_SETTINGS, "validatorUrl": None}
        response.data["settings"] = json.dumps(ui_settings, indent=2)
        return response


class RedocView(SpectacularRedocView):
    """Redoc for the v1 schema (HTML)."""

    url_name = "api:v1:schema"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        html = REDOC_PAGE.render(
            {
                "title": self.title,
                "schema_url": self._get_schema_url(request),
                "redoc_standalone": self._redoc_standalone(),
            }
        )
        return HttpResponse(html, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("schema/", ContractSchemaView.as_view(), name="schema"),
    path("docs/", SwaggerUIView.as_view(), name="docs"),
    path("redoc/", RedocView.as_view(), name="redoc"),
]
