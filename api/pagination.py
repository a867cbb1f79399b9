"""Pagination of list endpoints: ``count``, ``next``, ``previous`` and ``results``.

::

    {"count": 42, "next": "https://hub.example/api/v1/pages/?page=3&site=...",
     "previous": "https://hub.example/api/v1/pages/?page=1&site=...", "results": [...]}

``page`` counts from 1; ``page_size`` is at most 100. A page number past the end is a 404
problem; a value that is not a positive number is a 400 problem.
"""

from rest_framework import pagination

from api.problems import InvalidParameters


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise InvalidParameters(
                {"page_size": [f"Give a whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not (raw.isdigit() and int(raw) >= 1):
            raise InvalidParameters({"page": ["Give a whole number from 1."]})
        return super().paginate_queryset(queryset, request, view)
