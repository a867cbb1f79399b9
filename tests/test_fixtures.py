"""The shared fixtures in tests/conftest.py do what the suite relies on."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

VAR_MEDIA = Path(__file__).resolve().parents[1] / "var" / "media"


def test_uploads_go_to_a_temporary_media_root(tmp_path_factory):
    name = default_storage.save("fixtures-check/hello.txt", ContentFile(b"hello"))

    stored = Path(default_storage.path(name))
    assert stored.read_bytes() == b"hello"
    assert stored.is_relative_to(tmp_path_factory.getbasetemp())
    assert Path(settings.MEDIA_ROOT) != VAR_MEDIA
    assert not (VAR_MEDIA / name).exists()


@pytest.mark.django_db
def test_staff_client_reaches_the_admin_dashboard(staff_client, staff_user):
    response = staff_client.get("/admin/")

    assert response.status_code == 200
    assert response.context["user"] == staff_user
    assert staff_user.is_superuser


@pytest.mark.django_db
def test_anonymous_client_is_sent_to_the_login_page(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
