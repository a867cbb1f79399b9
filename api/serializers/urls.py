"""Absolute URLs for files the hub serves (renditions, documents) to frontends elsewhere."""

from django.conf import settings


def absolute_url(url: str, *, request=None) -> str:
    """``url`` made absolute against the request's host, or WAGTAILADMIN_BASE_URL without one.

    Storage backends that already give absolute URLs (a CDN, S3) are left untouched.
    """
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
