"""Fixtures shared by the whole test suite.

Kept small on purpose: model factories live in ``tests/factories/``, browser fixtures in
``tests/e2e/conftest.py``.
"""

import pytest

STAFF_PASSWORD = "staff-password-for-tests-only"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every transactional test restores what migrations created, by serialized rollback.

    A transactional test ends with a flush of every table. Without serialized rollback the
    flush re-runs the post-migrate handlers, which recreate a few rows (Wagtail's default
    locale); a later test with serialized rollback then fails inserting them again, and the
    tests in between miss the groups, workflows and locales the data migrations made.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None or not marker.kwargs.get("transaction"):
            continue
        if not marker.kwargs.get("serialized_rollback"):
            kwargs = {**marker.kwargs, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)


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


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's email goes to it for the test's duration."""
    from tests.peers.smtp import LoopbackSMTPServer

    with LoopbackSMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = server.host
        settings.EMAIL_PORT = server.port
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield server


@pytest.fixture
def http_receiver():
    """An HTTP server on loopback that records requests and answers 204."""
    from tests.peers.http_receiver import HTTPReceiver

    with HTTPReceiver() as receiver:
        yield receiver


@pytest.fixture
def task_worker(settings, transactional_db, django_db_serialized_rollback):
    """django-tasks' database backend with its worker running in a thread.

    Tasks enqueued during the test are stored and run by the worker, not in the request.
    The test's database is transactional, restored by serialized rollback (see
    :func:`pytest_collection_modifyitems`).
    """
    from tests.peers.worker import DATABASE_BACKEND, BackgroundWorker

    settings.TASKS = DATABASE_BACKEND
    worker = BackgroundWorker().start()
    try:
        yield worker
    finally:
        worker.stop()
