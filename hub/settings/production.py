"""Production settings: refuse to start with missing secrets or insecure defaults.

Passes ``manage.py check --deploy`` without warnings when the required variables are set.
"""

from django.core.exceptions import ImproperlyConfigured

from hub.settings.base import *  # noqa: F403
from hub.settings.base import env

DEBUG = False

SECRET_KEY = env.required("SECRET_KEY", why="it signs sessions, CSRF tokens and preview links")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak: use at least 50 random characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(64))").'
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the hub's host names explicitly (comma-separated, no '*')."
    )
if not env.is_set("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in production (PostgreSQL).")
WAGTAILADMIN_BASE_URL = env.required(
    "WAGTAILADMIN_BASE_URL", why="admin emails and links need the hub's public address"
)

# TLS is terminated in front of gunicorn; the proxy must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Production runs behind a TLS proxy: the client address for the newsletter's rate limits is
# the last one it appends to X-Forwarded-For. Without it every visitor would share one limit.
NEWSLETTER_PROXY_COUNT = env.int("NEWSLETTER_PROXY_COUNT", 1)
