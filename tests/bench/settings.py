"""Settings of the API benchmark (tests/bench/test_api_bench.py): the hub plus Wagtail's API v2.

The hub does not ship Wagtail's API v2; the benchmark adds it (``wagtail.api.v2`` and the
router in tests/bench/urls.py) so both APIs answer from the same process, database and
content in the same run. Everything else is the test settings (DEBUG off, memory cache,
tasks run at once, so ``load_demo`` finishes its publishing in the command), except that
PostgreSQL connections come from psycopg's pool as in production: gunicorn serves the
benchmark, not pytest-django.

``DATABASE_URL`` must name the benchmark's own database; the benchmark sets it.
"""

from hub.settings.test import *  # noqa: F403
from hub.settings.test import DATABASE_URL, INSTALLED_APPS, database_from_url

DATABASES = {"default": database_from_url(DATABASE_URL, pool=True)}

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]
ROOT_URLCONF = "tests.bench.urls"

# One request line per answer would cost both APIs the same and only clutter the log.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
