"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import everything from here and
override only what differs. Values that vary between machines come from the environment
through :mod:`hub.settings.env`; the README lists every variable.
"""

from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as default_cors_headers
from django.core.exceptions import ImproperlyConfigured

from hub.settings.env import deepl_machine_translator, env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env.str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hub",
    "pages",
    "snippets",
    "api",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin views that ignore permissions answer member accounts 404 (hub/members/permissions.py).
    "hub.members.permissions.MemberAdminBoundaryMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # hub is first in INSTALLED_APPS, so its templates (hub/templates) override the
        # apps' ones; listing that folder in DIRS too would make it its own parent.
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


# Database: a SQLite file under var/ unless DATABASE_URL names another database.
DATABASE_URL = env.str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hub.sqlite3'}")


def database_from_url(url: str, *, pool: bool) -> dict:
    """Django's DATABASES entry for ``url``; PostgreSQL gets psycopg's connection pool.

    A pool replaces Django's persistent connections, so CONN_MAX_AGE must stay 0 with it.
    """
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
        options = config.setdefault("OPTIONS", {})
        if pool:
            options["pool"] = {
                "min_size": env.int("DATABASE_POOL_MIN_SIZE", 2),
                "max_size": env.int("DATABASE_POOL_MAX_SIZE", 10),
                "timeout": 10,
            }
    elif config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        # WAL lets the background worker and the web process read while the other writes.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    else:
        raise ImproperlyConfigured(
            f"DATABASE_URL must point at PostgreSQL or SQLite, got engine {config['ENGINE']}."
        )
    return config


DATABASES = {"default": database_from_url(DATABASE_URL, pool=env.bool("DATABASE_POOL", True))}
USES_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USES_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Cache: Redis when REDIS_URL is set, otherwise memory local to each process.
REDIS_URL = env.str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "hub",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


# Background work (webhooks, email, translation jobs) runs in `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


# Languages: German is the source and default locale; every other language is a
# translation target. German paths carry no prefix, other locales are prefixed (/en/...).
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True


# Static files are collected into var/static and served by whitenoise; uploads go to var/media.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail's page editor posts many fields for pages with long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


# Email
EMAIL_HOST = env.str("EMAIL_HOST")
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 15
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Cluster Hub <hub@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# The newsletter's email edition (hub/newsletter/).
NEWSLETTER_FROM_EMAIL = env.str("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", 100)
NEWSLETTER_CONFIRMATION_MAX_AGE = env.int("NEWSLETTER_CONFIRMATION_MAX_AGE", 7 * 24 * 60 * 60)
NEWSLETTER_REQUESTS_PER_IP_PER_HOUR = env.int("NEWSLETTER_REQUESTS_PER_IP_PER_HOUR", 10)
NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY = env.int("NEWSLETTER_MAILS_PER_ADDRESS_PER_DAY", 3)
# Reverse proxies in front of the hub that append to X-Forwarded-For (0: use REMOTE_ADDR).
NEWSLETTER_PROXY_COUNT = env.int("NEWSLETTER_PROXY_COUNT", 0)


# CORS: only the listed frontend origins may call the API from a browser.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
# Frontends revalidate with the ETag from the browser too, so they must be able to read it
# and send it back; member portals read a submission's Location and a 429's Retry-After.
CORS_EXPOSE_HEADERS = ["ETag", "Location", "Retry-After"]
CORS_ALLOW_HEADERS = [*default_cors_headers, "if-none-match"]


# The headless API (/api/v1/) configures its views itself (api/views/base.py): no
# authentication, JSON only, problem documents. Defaults set here would also reach the DRF
# views that the Wagtail admin and wagtail-localize use with the editor's session.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "api.schema.HubAutoSchema",
    # `format` is an ordinary filter (events/?format=forum), not a renderer switch.
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cluster Hub API",
    "DESCRIPTION": (
        "JSON API for the frontends of the Cluster Hub sites: public, read-only content, "
        "newsletter subscriptions, and the member API (a bearer token per organisation) "
        "through which member companies submit updates to their profiles for review. "
        "The contract is frontend_contract/openapi.json; see frontend_contract/CHANGELOG.md."
    ),
    "VERSION": "1.2.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SORT_OPERATION_PARAMETERS": True,
    "PREPROCESSING_HOOKS": ["api.schema.public_api_only"],
}
# Seconds that frontends and shared caches may reuse an API answer before revalidating with
# its ETag; publishing webhooks tell frontends when to refresh earlier.
API_CACHE_MAX_AGE = env.int("API_CACHE_MAX_AGE", 60)
# Seconds a preview link (admin "Preview" → frontend) stays valid.
PREVIEW_TOKEN_MAX_AGE = env.int("PREVIEW_TOKEN_MAX_AGE", 3600)

# Publish webhooks (api/webhooks/, frontend_contract/WEBHOOKS.md). Endpoint secrets are derived
# from WEBHOOK_SECRET_KEY (empty: SECRET_KEY); changing it changes every endpoint's secret.
WEBHOOK_SECRET_KEY = env.str("WEBHOOK_SECRET_KEY")
WEBHOOK_TIMEOUT = env.int("WEBHOOK_TIMEOUT", 5)
WEBHOOK_RETRY_BASE_DELAY = env.int("WEBHOOK_RETRY_BASE_DELAY", 30)
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", 8)
WEBHOOK_LOG_RETENTION_DAYS = env.int("WEBHOOK_LOG_RETENTION_DAYS", 30)

# Member accounts and their submissions (docs/members.md).
MEMBER_INVITATION_MAX_AGE_DAYS = env.int("MEMBER_INVITATION_MAX_AGE_DAYS", 7)
MEMBER_INVITATION_POSTS_PER_IP_PER_HOUR = env.int("MEMBER_INVITATION_POSTS_PER_IP_PER_HOUR", 30)
MEMBER_SUBMISSIONS_PER_TOKEN_PER_HOUR = env.int("MEMBER_SUBMISSIONS_PER_TOKEN_PER_HOUR", 10)
MEMBER_SUBMISSIONS_PER_USER_PER_HOUR = env.int("MEMBER_SUBMISSIONS_PER_USER_PER_HOUR", 20)
MEMBER_REQUESTS_PER_TOKEN_PER_HOUR = env.int("MEMBER_REQUESTS_PER_TOKEN_PER_HOUR", 600)
# A submission's whole body (fields and logo) and the logo alone, in bytes.
MEMBER_UPLOAD_MAX_BYTES = env.int("MEMBER_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
MEMBER_LOGO_MAX_BYTES = env.int("MEMBER_LOGO_MAX_BYTES", 2 * 1024 * 1024)
MEMBER_LOGO_MAX_PIXELS = env.int("MEMBER_LOGO_MAX_PIXELS", 16_000_000)

# Optional CDN purge after publishing: a caching proxy that accepts HTTP PURGE (Varnish, nginx).
# Events purge their frontend URLs through Wagtail's frontend cache backends in the worker;
# the app wagtail.contrib.frontend_cache stays out of INSTALLED_APPS (its own handlers would
# purge only the published page, synchronously per signal).
if FRONTEND_CACHE_PURGE_URL := env.str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    # Paths already carry their locale prefix (German has none): no per-language copies.
    WAGTAILFRONTENDCACHE_LANGUAGES = []


# Wagtail
WAGTAIL_SITE_NAME = "Cluster Hub"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search backend: PostgreSQL full-text search in production, SQLite's
# FTS5 in development. Its index holds one set of tsvectors, stemmed as German (the source
# language) for the admin's search; the API stems per requested language at query time from
# the index's plain text (api/selectors/search.py). SQLite ignores SEARCH_CONFIG. After
# changing it, rebuild the index: `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# An approved member submission is applied to the live version staff may have changed
# meanwhile, rather than publishing the member's revision over it (hub/members/review.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "hub.members.finish.publish_approved_workflow"
# `manage.py run_worker` runs Wagtail's publish_scheduled this often (seconds; 0: off).
PUBLISH_SCHEDULED_INTERVAL = env.int("PUBLISH_SCHEDULED_INTERVAL", 60)
# Whoever locks a page keeps editing it; everyone else is locked out (docs/publishing.md).
WAGTAILADMIN_GLOBAL_EDIT_LOCK = False
WAGTAILSNIPPETS_MENU_SHOW_ALL = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation: DeepL when DEEPL_API_KEY is set. Without it the setting stays
# undefined and the translation editor offers no machine translation.
if _machine_translator := deepl_machine_translator(env):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _machine_translator


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"redact_tokens": {"()": "api.preview.access_log.RedactTokensFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_tokens"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
