"""Keep Wagtail's Locale rows in step with ``WAGTAIL_CONTENT_LANGUAGES``.

Adding a language to the settings is then enough to make it available to editors and
translators after the next ``migrate``; no data migration or admin step is needed.
"""

from django.conf import settings


def ensure_content_locales(**kwargs) -> list[str]:
    """Create a Locale for each configured content language; return the codes created."""
    from wagtail.models import Locale

    existing = set(Locale.objects.values_list("language_code", flat=True))
    created = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code not in existing:
            Locale.objects.create(language_code=code)
            created.append(code)
    return created
