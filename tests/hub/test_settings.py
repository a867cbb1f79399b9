"""Production settings refuse unsafe configurations; the environment helper parses strictly.

Production settings are loaded in a child process with an environment built from scratch,
so neither the test settings nor the developer's or CI's variables leak into the check.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from hub.settings.env import Env

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def production_env(tmp_path):
    """A complete, valid production environment; tests remove or spoil one variable."""
    return {
        "PATH": os.environ["PATH"],
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "hub.example.org,redaktion.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": "https://hub.example.org",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return run(["manage.py", *args], env)


def test_deploy_check_passes_without_warnings(production_env):
    result = manage(production_env, "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


REFUSALS = [
    pytest.param(
        {"SECRET_KEY": None},
        "The environment variable SECRET_KEY must be set",
        id="secret-key-missing",
    ),
    pytest.param(
        {"SECRET_KEY": "   "},
        "The environment variable SECRET_KEY must be set",
        id="secret-key-blank",
    ),
    pytest.param(
        {"SECRET_KEY": "too-short-0123456789"}, "SECRET_KEY is too weak", id="secret-key-short"
    ),
    pytest.param({"SECRET_KEY": "ab" * 40}, "SECRET_KEY is too weak", id="secret-key-repetitive"),
    pytest.param(
        {"SECRET_KEY": "django-insecure-" + secrets.token_urlsafe(64)},
        "SECRET_KEY is too weak",
        id="secret-key-django-insecure",
    ),
    pytest.param(
        {"ALLOWED_HOSTS": None},
        "ALLOWED_HOSTS must list the hub's host names explicitly",
        id="allowed-hosts-missing",
    ),
    pytest.param(
        {"ALLOWED_HOSTS": "*"},
        "ALLOWED_HOSTS must list the hub's host names explicitly",
        id="allowed-hosts-wildcard",
    ),
    pytest.param(
        {"ALLOWED_HOSTS": "hub.example.org, *"},
        "ALLOWED_HOSTS must list the hub's host names explicitly",
        id="allowed-hosts-wildcard-among-others",
    ),
    pytest.param(
        {"DATABASE_URL": None},
        "DATABASE_URL must be set in production",
        id="database-url-missing",
    ),
    pytest.param(
        {"DATABASE_URL": "mysql://hub@127.0.0.1/hub"},
        "DATABASE_URL must point at PostgreSQL or SQLite",
        id="database-url-other-engine",
    ),
    pytest.param(
        {"WAGTAILADMIN_BASE_URL": None},
        "The environment variable WAGTAILADMIN_BASE_URL must be set",
        id="admin-base-url-missing",
    ),
    pytest.param(
        {"SECURE_SSL_REDIRECT": "maybe"},
        "SECURE_SSL_REDIRECT must be a boolean",
        id="ssl-redirect-not-a-boolean",
    ),
]


@pytest.mark.parametrize(("changes", "message"), REFUSALS)
def test_production_refuses_to_start(production_env, changes, message):
    env = dict(production_env)
    for name, value in changes.items():
        if value is None:
            env.pop(name)
        else:
            env[name] = value

    result = manage(env, "check")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_wsgi_entry_point_defaults_to_production_settings(production_env):
    """gunicorn started without DJANGO_SETTINGS_MODULE must not fall back to lax settings."""
    env = dict(production_env)
    del env["DJANGO_SETTINGS_MODULE"]

    ok = run(["-c", "from hub.wsgi import application; print(application)"], env)
    assert ok.returncode == 0, ok.stderr
    assert "WSGIHandler" in ok.stdout

    del env["SECRET_KEY"]
    refused = run(["-c", "import hub.wsgi"], env)
    assert refused.returncode != 0
    assert "The environment variable SECRET_KEY must be set" in refused.stderr


class TestEnv:
    @pytest.mark.parametrize("raw", ["1", "true", "True", "YES", " on "])
    def test_bool_true(self, raw):
        assert Env({"FLAG": raw}).bool("FLAG", default=False) is True

    @pytest.mark.parametrize("raw", ["0", "false", "FALSE", "no", "off"])
    def test_bool_false(self, raw):
        assert Env({"FLAG": raw}).bool("FLAG", default=True) is False

    def test_bool_default_when_unset_or_blank(self):
        assert Env({}).bool("FLAG", default=True) is True
        assert Env({}).bool("FLAG", default=False) is False
        assert Env({"FLAG": " "}).bool("FLAG", default=True) is True

    @pytest.mark.parametrize("raw", ["maybe", "2", "y", "enabled"])
    def test_bool_rejects_other_values(self, raw):
        with pytest.raises(ImproperlyConfigured, match=r"FLAG must be a boolean"):
            Env({"FLAG": raw}).bool("FLAG", default=False)

    def test_int(self):
        env = Env({"WORKERS": "4", "PADDED": " 12 ", "NEGATIVE": "-3", "BLANK": " "})
        assert env.int("WORKERS", 1) == 4
        assert env.int("PADDED", 1) == 12
        assert env.int("NEGATIVE", 1) == -3
        assert env.int("BLANK", 7) == 7
        assert env.int("UNSET", 7) == 7

    @pytest.mark.parametrize("raw", ["four", "4.5", "1e3", "0x10"])
    def test_int_rejects_other_values(self, raw):
        with pytest.raises(ImproperlyConfigured, match=r"WORKERS must be an integer"):
            Env({"WORKERS": raw}).int("WORKERS", 1)

    def test_list(self):
        env = Env({"HOSTS": " a.example , b.example,, ,c.example ", "BLANK": ""})
        assert env.list("HOSTS") == ["a.example", "b.example", "c.example"]
        assert env.list("BLANK", ["fallback"]) == ["fallback"]
        assert env.list("UNSET") == []

    def test_list_default_is_copied(self):
        default = ["a.example"]
        hosts = Env({}).list("HOSTS", default)
        hosts.append("b.example")
        assert default == ["a.example"]

    def test_str_strips_and_treats_blank_as_unset(self):
        env = Env({"NAME": "  hub  ", "BLANK": "   "})
        assert env.str("NAME") == "hub"
        assert env.str("BLANK", "default") == "default"
        assert env.str("UNSET") == ""

    def test_required(self):
        assert Env({"SECRET_KEY": "s3cret"}).required("SECRET_KEY", why="signing") == "s3cret"
        with pytest.raises(ImproperlyConfigured, match=r"SECRET_KEY must be set: signing\."):
            Env({"SECRET_KEY": " "}).required("SECRET_KEY", why="signing")

    def test_is_set(self):
        env = Env({"SET": "x", "BLANK": " "})
        assert env.is_set("SET")
        assert not env.is_set("BLANK")
        assert not env.is_set("UNSET")

    def test_reads_the_process_environment_by_default(self, monkeypatch):
        monkeypatch.setenv("HUB_TEST_VALUE", "from-os-environ")
        assert Env().str("HUB_TEST_VALUE") == "from-os-environ"
