"""The headless API. Version 1 lives under /api/v1/; the contract is
frontend_contract/openapi.json (frontend_contract/CHANGELOG.md explains how v1 evolves)."""

from django.urls import include, path, re_path

from api.problems import not_found_view

app_name = "api"

v1_patterns = [
    path("", include("api.routes.pages")),
    path("", include("api.routes.structure")),
    path("", include("api.routes.directory")),
    path("", include("api.routes.search")),
    path("", include("api.routes.archive")),
    path("", include("api.routes.preview")),
    path("", include("api.routes.subscriptions")),
    path("", include("api.routes.members")),
    path("", include("api.routes.docs")),
]

urlpatterns = [
    path("v1/", include((v1_patterns, "v1"))),
    # Anything else under /api/ is a problem document too, never Django's HTML 404 page.
    re_path(r"^.*$", not_found_view),
]
