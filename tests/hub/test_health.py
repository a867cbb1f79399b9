"""Liveness (/healthz) and readiness (/readyz) endpoints."""

import logging
from contextlib import contextmanager

import pytest
from django.db import DatabaseError, connection


def test_healthz_answers_ok_without_touching_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_readyz_reports_a_working_database(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


@contextmanager
def _unreachable_default_database(django_db_blocker, tmp_path):
    """Point the default connection at a database that cannot be reached, then restore it.

    Database access is allowed (not blocked by pytest-django), so a failure can only come
    from the connection attempt itself. An in-memory SQLite test database disappears with its
    last connection, so that connection is set aside instead of closed. Tests using this must
    not run inside a test transaction (no ``django_db`` mark): reconnecting would lose it.
    """
    original_settings = connection.settings_dict
    unreachable = dict(original_settings)
    if connection.vendor == "sqlite":
        unreachable["NAME"] = str(tmp_path / "no-such-directory" / "hub.sqlite3")
    else:
        unreachable.update(HOST="127.0.0.1", PORT="1")

    keep_open = connection.vendor == "sqlite" and connection.is_in_memory_db()
    with django_db_blocker.unblock():
        if keep_open:
            connection.ensure_connection()
            set_aside = connection.connection
            connection.connection = None
        else:
            connection.close()
        connection.settings_dict = unreachable
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict = original_settings
            if keep_open:
                connection.connection = set_aside


@pytest.fixture
def unreachable_database(django_db_setup, django_db_blocker, tmp_path):
    with _unreachable_default_database(django_db_blocker, tmp_path):
        yield


def test_readyz_answers_503_when_the_database_is_unreachable(client, unreachable_database, caplog):
    with caplog.at_level(logging.ERROR, logger="hub.health"):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "unavailable", "checks": {"database": "unreachable"}}
    # The cause is the failed connection, logged with its traceback, not some other error
    # such as pytest-django's "Database access not allowed" RuntimeError.
    (record,) = [r for r in caplog.records if r.name == "hub.health"]
    assert record.getMessage() == "Readiness check failed: database unreachable"
    assert isinstance(record.exc_info[1], DatabaseError)


def test_readyz_recovers_when_the_database_is_back(
    client, django_db_setup, django_db_blocker, tmp_path
):
    with _unreachable_default_database(django_db_blocker, tmp_path):
        assert client.get("/readyz").status_code == 503

    with django_db_blocker.unblock():
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok"}
