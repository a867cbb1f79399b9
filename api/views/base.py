"""What every public read endpoint of the API shares.

- Query parameters are declared as a serializer (``parameters_class``) and validated
  strictly before the view runs (api/params.py); the view reads them from ``self.params``.
- Answers carry ETag and Cache-Control and become 304 on a matching If-None-Match
  (api/caching.py).
- Only GET, HEAD and OPTIONS are allowed; everything else is a 405 problem.
- Messages are in English whatever the request's language: they address the frontend's
  developers, and content locales are chosen with the ``locale`` parameter instead.
"""

from django.utils import translation
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from api.caching import apply_http_caching
from api.pagination import PageNumberPagination
from api.params import PAGINATION_PARAMETERS, QueryParameters, parse_query_parameters
from api.problems import problem_exception_handler


class PublicReadMixin:
    """Strict query parameters and HTTP caching for a read-only DRF view."""

    parameters_class: type[QueryParameters] = QueryParameters
    http_method_names = ["get", "head", "options"]
    # Public and read-only: no sessions or credentials are looked at, nothing is parsed.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    parser_classes = ()
    renderer_classes = (JSONRenderer,)

    def get_exception_handler(self):
        return problem_exception_handler

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            # Other methods end in a 405 (or the OPTIONS answer); parameters do not matter.
            self.params = {}
            return
        allowed_extra = PAGINATION_PARAMETERS if self.is_paginated() else ()
        self.params = parse_query_parameters(
            request, self.parameters_class, allowed_extra=allowed_extra
        )

    def is_paginated(self) -> bool:
        return getattr(self, "pagination_class", None) is not None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return apply_http_caching(request, response)


class PublicAPIView(PublicReadMixin, APIView):
    """A read endpoint that builds its answer by hand."""


class PublicListView(PublicReadMixin, generics.ListAPIView):
    """A paginated list endpoint."""

    pagination_class = PageNumberPagination


class PublicRetrieveView(PublicReadMixin, generics.RetrieveAPIView):
    """A single-object endpoint."""
