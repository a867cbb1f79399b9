"""Stable document addresses: ``/documents/<id>/<filename>`` outlives a replaced file.

Wagtail serves a document at ``/documents/<id>/<filename>`` and answers 404 once the
filename no longer matches, which is what happens when staff upload a new file for the
document. Links in newsletters that have been sent and on partner sites would break. These
routes, placed before Wagtail's in hub/urls.py, keep them working:

- the current filename: Wagtail's own view serves the file (its privacy checks, the
  ``before_serve_document`` hooks, ETag and conditional requests stay as they are);
- any other filename, or none (``/documents/<id>/``): a 301 to the current address;
- an unknown id: 404.

A document in a collection with a view restriction is redirected only for a request that
passes the restriction. Any other request gets exactly Wagtail's answer (a 404 for a name
that does not match, the login or password form for the current one), so its current
filename is not given away.
"""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import re_path
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve


def passes_view_restrictions(document, request) -> bool:
    """Whether ``request`` passes every view restriction on ``document``'s collection (and
    the collections above it)."""
    return all(
        restriction.accept_request(request)
        for restriction in document.collection.get_view_restrictions()
    )


def serve_document(request, document_id: str, document_filename: str):
    """The document ``document_id``, or a redirect to its current address."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    if document_filename == document.filename or not passes_view_restrictions(document, request):
        return wagtail_serve(request, document_id, document_filename)

    location = document.url
    if query_string := request.META.get("QUERY_STRING"):
        location = f"{location}?{query_string}"
    response = HttpResponsePermanentRedirect(location)
    # A file can be replaced again, even by one with an earlier name: a redirect that
    # browsers kept for good could then point in a circle.
    response["Cache-Control"] = "no-cache"
    return response


urlpatterns = [
    re_path(
        r"^(?P<document_id>\d+)/(?P<document_filename>.*)$",
        serve_document,
        name="document_serve_stable",
    ),
]
