"""What the admin's "Preview" answers: the hand-off of a draft to the site's frontend.

Wagtail calls ``serve_preview`` of the object for the preview panel's iframe (after the
editor's form was posted), for "Preview in new tab", for the preview of an old revision and
in moderation. Each time, the object as it is in memory is stored as a snapshot and the
browser is redirected (302) to the frontend's preview route with a token::

    https://www.chemienetzwerk-harz.de/_preview?token=0c7b...:1vQx3a:Jk3...

The iframe follows the redirect to the frontend's origin; Wagtail 8's preview panel
works with cross-origin previews. When the site has no preview route configured, staff get
a page that says where to set it (and the API address of the draft, for developers),
followed by a plain rendering of the draft.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.apps import apps
from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Site

from api.preview.snapshots import take_snapshot
from api.preview.tokens import issue_token, token_max_age

TOKEN_PARAMETER = "token"
NO_FRONTEND_TEMPLATE = "api/preview/no_frontend.html"


def frontend_preview_url(site: Site) -> str:
    """The site's frontend preview route (Settings → Frontend), or "" when none is set.

    Read without ``FrontendSettings.for_site``, which would create a row for the site.
    """
    frontend_settings = apps.get_model("hub", "FrontendSettings")
    return (
        frontend_settings.objects.filter(site=site).values_list("preview_url", flat=True).first()
        or ""
    )


def with_query_parameter(url: str, name: str, value: str) -> str:
    """``url`` with the query parameter ``name`` set to ``value``, keeping its other
    parameters and its fragment: ``https://f.example/preview?site=a#top`` →
    ``https://f.example/preview?site=a&token=...#top``."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query = [(key, item) for key, item in query if key != name] + [(name, value)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def preview_api_url(token: str) -> str:
    """The absolute address of the draft in the API, for developers."""
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return with_query_parameter(base_url + reverse("api:v1:preview"), TOKEN_PARAMETER, token)


def frontend_settings_admin_url(site: Site) -> str:
    return reverse("wagtailsettings:edit", args=["hub", "frontendsettings", site.pk])


def preview_response(
    request: HttpRequest,
    obj: models.Model,
    *,
    site: Site | None,
    context: dict | None = None,
) -> HttpResponse:
    """The answer to the admin's preview of ``obj`` on ``site``'s frontend.

    A redirect to the frontend's preview route with a fresh token; without a route, or
    without a site, the page of ``NO_FRONTEND_TEMPLATE``, rendered with ``context`` (what
    the plain rendering of the draft needs) and the reason.
    """
    template_context = {**(context or {}), "object": obj, "request": request, "site": site}
    if site is None:
        return _no_frontend_page(request, template_context, reason="no_site")

    snapshot = take_snapshot(obj, site=site, user=getattr(request, "user", None))
    token = issue_token(snapshot.pk)
    preview_url = frontend_preview_url(site)
    if preview_url:
        response = HttpResponseRedirect(with_query_parameter(preview_url, TOKEN_PARAMETER, token))
        # The address holds a token: no cache may keep it.
        response["Cache-Control"] = "no-store"
        return response

    template_context.update(
        api_url=preview_api_url(token),
        settings_url=frontend_settings_admin_url(site),
        token_minutes=token_max_age() // 60,
    )
    return _no_frontend_page(request, template_context, reason="no_preview_url")


def _no_frontend_page(request: HttpRequest, context: dict, *, reason: str) -> HttpResponse:
    response = TemplateResponse(request, NO_FRONTEND_TEMPLATE, {**context, "reason": reason})
    response["Cache-Control"] = "no-store"
    return response
