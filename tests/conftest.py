"""Fixtures shared by the whole test suite.

Kept small on purpose: model factories live in ``tests/factories/``, browser fixtures in
``tests/e2e/conftest.py``.
"""

import pytest

STAFF_PASSWORD = "staff-password-for-tests-only"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path_factory):
    """Send uploads and renditions to a fresh temporary folder, never to ``var/media``."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    return settings.MEDIA_ROOT


@pytest.fixture
def staff_user(db, django_user_model):
    """A superuser who can use every part of the Wagtail admin; password ``STAFF_PASSWORD``."""
    return django_user_model.objects.create_superuser(
        username="staff",
        email="staff@example.org",
        password=STAFF_PASSWORD,
        first_name="Sabine",
        last_name="Staff",
    )


@pytest.fixture
def staff_client(client, staff_user):
    """Django's test client, logged in as :func:`staff_user`."""
    client.force_login(staff_user)
    return client
