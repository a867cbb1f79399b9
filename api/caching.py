"""HTTP caching of API reads: ETag, Cache-Control and 304 Not Modified.

Every successful GET carries a strong ETag (a hash of the body) and a ``Cache-Control``
that lets browsers and shared caches keep it for ``API_CACHE_MAX_AGE`` seconds and serve
it stale while they revalidate. A request whose ``If-None-Match`` names the current ETag
gets an empty 304. Errors are marked ``no-cache`` so a 404 for a page that is published a
minute later does not linger.
"""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

SAFE_METHODS = ("GET", "HEAD")


def body_etag(content: bytes) -> str:
    """A strong ETag for ``content``: ``"<sha256 prefix>"``."""
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def apply_http_caching(request, response):
    """Adds caching headers to an API ``response`` and turns it into a 304 where it can."""
    if request.method not in SAFE_METHODS:
        return response
    if response.status_code != 200:
        patch_cache_control(response, no_cache=True)
        return response

    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    response["ETag"] = body_etag(response.content)
    max_age = settings.API_CACHE_MAX_AGE
    patch_cache_control(response, public=True, max_age=max_age, stale_while_revalidate=max_age * 5)
    patch_vary_headers(response, ["Accept-Encoding"])
    return get_conditional_response(request, etag=response["ETag"], response=response)
