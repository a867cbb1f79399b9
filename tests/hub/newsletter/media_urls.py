"""The hub's URLs plus the media folder, served as the web server in front of the hub does.

Tests of the mails use it to fetch the image URLs a mail contains; the hub itself serves
media only with DEBUG on.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from hub.urls import urlpatterns as hub_urlpatterns


def serve_media(request, path: str):
    # MEDIA_ROOT is a fresh folder per test (tests/conftest.py): read it on each request.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve_media),
    *hub_urlpatterns,
]
