"""Local development and the `make run` quick start: SQLite, console email, demo hosts."""

from hub.settings.base import *  # noqa: F403
from hub.settings.base import env

DEBUG = env.bool("DEBUG", True)

# A fixed key is acceptable only here: dev settings are never used to serve the public.
SECRET_KEY = env.str("SECRET_KEY", "dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", ".localhost"])
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS", ["http://127.0.0.1:8000", "http://localhost:8000"]
)
CORS_ALLOWED_ORIGINS = env.list(
    "CORS_ALLOWED_ORIGINS", ["http://127.0.0.1:3000", "http://localhost:3000"]
)
# The demo sites' frontends run on http://<site>.localhost:3000 (see load_demo).
CORS_ALLOWED_ORIGIN_REGEXES = [r"^http://[a-z0-9-]+\.localhost:3000$"]

# `make run` starts `manage.py run_worker` beside the web server, so background work
# (webhooks, email, translation jobs) is queued in the database as in production.
# TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend runs it in the request
# instead, for a server started without the worker.
TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
