"""Test settings: fast hashing, in-memory email and cache, tasks run immediately."""

from hub.settings.base import *  # noqa: F403
from hub.settings.base import BASE_DIR, DATABASE_URL, database_from_url

DEBUG = False
SECRET_KEY = "test-only-key-that-is-long-enough-for-django-checks-0123456789"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost", ".localhost"]
CSRF_TRUSTED_ORIGINS = ["http://127.0.0.1", "http://localhost"]

# pytest-django creates and drops the test database; a pool would hold connections open.
DATABASES = {"default": database_from_url(DATABASE_URL, pool=False)}
# The task worker of the tests (tests/peers/worker.py) runs in a thread with its own
# connection; SQLite's shared in-memory test database locks whole tables between
# connections, so on SQLite the test database is a file.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test-hub.sqlite3")}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# A local machine translator (it reverses the words), so no test calls DeepL.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "OPTIONS": {},
}
