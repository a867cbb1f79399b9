"""A third content language is a settings change, not a code change: Polish, as an example."""

import pytest
from django.core.cache import cache
from django.urls import clear_url_caches
from django.utils.translation import get_supported_language_variant
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from hub.locales import ensure_content_locales
from pages.selectors import page_alternates
from tests.factories import FrontendSettingsFactory, StandardPageFactory
from tests.factories.sites import FRONTEND_BASE_URL as FRONTEND
from tests.pages.test_locale_paths import translate, translate_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def polish(settings):
    """Polish added to the languages in settings, as a deployment would add it.

    pytest-django's ``settings`` sends Django's ``setting_changed`` signal when it overrides
    and when it restores. On it Django resets its language caches (``get_languages``,
    ``_get_supported_language_variant``, ``translation_catalog_exists``, the loaded catalogues
    and the active language) and Wagtail resets ``get_content_languages`` and
    ``get_supported_content_language_variant``. The signal does not reach the cache entries
    Wagtail derives from Locale rows and site roots (site root paths, locale display names),
    which would outlive the rolled-back Polish rows, nor the URL resolver, which keeps its
    reverse lookups per language: those are cleared here, before and after.
    """
    cache.clear()
    languages = [*settings.LANGUAGES, ("pl", "Polski")]
    settings.LANGUAGES = languages
    settings.WAGTAIL_CONTENT_LANGUAGES = languages
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES = languages
    yield
    cache.clear()
    clear_url_caches()


@pytest.fixture
def german():
    site = FrontendSettingsFactory(base_url=FRONTEND).site
    return StandardPageFactory(parent=site.root_page, title="Über uns", slug="ueber-uns")


def test_polish_needs_only_the_settings(polish, german, client, django_assert_num_queries):
    assert ensure_content_locales() == ["pl"]
    assert "pl" in get_content_languages()
    assert get_supported_language_variant("pl") == "pl"

    home = german.get_parent().specific
    translate_home(home, language_code="en")
    polish_home = translate_home(home, language_code="pl")
    english = translate(german, language_code="en", strings={"slug": "about-us"})
    polish_page = translate(german, language_code="pl", strings={"title": "O nas", "slug": "o-nas"})

    assert polish_page.locale == Locale.objects.get(language_code="pl")
    assert (polish_page.title, polish_page.live) == ("O nas", True)
    assert polish_page.url == f"{FRONTEND}/pl/o-nas/"
    assert polish_home.url == f"{FRONTEND}/pl/"
    assert client.get("/pl/o-nas/")["Location"] == f"{FRONTEND}/pl/o-nas/"

    page_alternates(page=german)  # Wagtail caches the site root paths from here on
    with django_assert_num_queries(1):
        alternates = page_alternates(page=german)
    assert alternates == [
        {"locale": "de", "path": "/ueber-uns/", "id": german.pk},
        {"locale": "en", "path": "/en/about-us/", "id": english.pk},
        {"locale": "pl", "path": "/pl/o-nas/", "id": polish_page.pk},
    ]
