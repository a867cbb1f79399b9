from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hub import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include("hub.documents")),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
    path("newsletter/", include("hub.newsletter.urls")),
    path("members/", include("hub.members.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# German, the default locale, has no prefix; other locales are prefixed: /en/...
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
