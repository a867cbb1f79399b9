"""German paths carry no prefix, other locales do: page URLs, alternates and redirects agree.

Translations are made the way translators make them, through wagtail-localize: a
translation source, strings imported as a PO file and ``save_target``.
"""

import pytest
from django.test import TestCase
from django.utils import translation as django_translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

from pages.selectors import page_alternates
from tests.factories import StandardPageFactory, locale
from tests.factories.sites import FRONTEND_BASE_URL as FRONTEND

pytestmark = pytest.mark.django_db


def translate(page: Page, *, language_code: str, strings: dict[str, str]) -> Page:
    """Translate ``page`` through wagtail-localize and publish the translation.

    ``strings`` maps segment contexts ("title", "slug", ...) to their translation; other
    segments keep the German text, as wagtail-localize falls back to the source.
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    target_locale = locale(language_code)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target_locale
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgctxt, "")
    translation.import_po(po)
    # wagtail-localize publishes the new revision when the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(target_locale).specific


def translate_home(home: Page, *, language_code: str) -> Page:
    return translate(
        home, language_code=language_code, strings={"slug": f"{home.slug}-{language_code}"}
    )


@pytest.fixture
def german(frontend_site):
    return StandardPageFactory(parent=frontend_site.root_page, title="Über uns", slug="ueber-uns")


@pytest.fixture
def english(german):
    translate_home(german.get_parent().specific, language_code="en")
    return translate(german, language_code="en", strings={"title": "About us", "slug": "about-us"})


def test_english_lives_under_en_with_its_english_slug_and_german_has_no_prefix(german, english):
    german.refresh_from_db()
    english_home = english.get_parent().specific

    assert english.live
    assert (english.title, english.slug) == ("About us", "about-us")
    assert english.url == f"{FRONTEND}/en/about-us/"
    assert english_home.url == f"{FRONTEND}/en/"
    assert german.url == f"{FRONTEND}/ueber-uns/"
    # Whatever language is active (e.g. an API request in English), each page keeps its own.
    with django_translation.override("en"):
        assert Page.objects.get(pk=german.pk).specific.url == f"{FRONTEND}/ueber-uns/"
    with django_translation.override("de"):
        assert Page.objects.get(pk=english.pk).specific.url == f"{FRONTEND}/en/about-us/"


def test_renaming_the_english_slug_redirects_from_the_old_english_path(
    frontend_site, german, english
):
    existing = set(Redirect.objects.values_list("pk", flat=True))

    renamed = translate(german, language_code="en", strings={"slug": "about-the-network"})

    (redirect,) = Redirect.objects.exclude(pk__in=existing)
    assert redirect.site == frontend_site and redirect.automatically_created
    assert renamed.pk == english.pk
    assert renamed.url == f"{FRONTEND}/en/about-the-network/"
    assert redirect.old_path == "/en/about-us"
    assert redirect.redirect_page_id == english.pk
    assert redirect.link == f"{FRONTEND}/en/about-the-network/"


def test_alternates_list_every_live_translation_in_language_order(german, english):
    expected = [
        {"locale": "de", "path": "/ueber-uns/", "id": german.pk},
        {"locale": "en", "path": "/en/about-us/", "id": english.pk},
    ]

    assert page_alternates(page=german) == expected
    assert page_alternates(page=english) == expected


def test_alternates_leave_out_drafts(german, english):
    english.unpublish()

    assert page_alternates(page=german) == [
        {"locale": "de", "path": "/ueber-uns/", "id": german.pk}
    ]


@pytest.mark.parametrize("restricted", ["page", "ancestor"])
def test_alternates_leave_out_private_translations(german, english, restricted):
    page = english if restricted == "page" else english.get_parent()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="intern"
    )
    # A restriction elsewhere on the site hides nothing here.
    private_sibling = StandardPageFactory(parent=german.get_parent(), title="Intern")
    PageViewRestriction.objects.create(
        page=private_sibling, restriction_type=PageViewRestriction.LOGIN
    )

    assert [alternate["locale"] for alternate in page_alternates(page=german)] == ["de"]


def test_alternates_leave_out_aliases_that_stand_in_for_a_translation(german):
    english_home = translate_home(german.get_parent().specific, language_code="en")
    alias = german.copy_for_translation(locale("en"), alias=True)

    assert alias.live and alias.get_parent().pk == english_home.pk
    assert [alternate["locale"] for alternate in page_alternates(page=german)] == ["de"]
    assert [alternate["locale"] for alternate in page_alternates(page=alias)] == ["de", "en"]


def test_alternates_cost_one_query_however_many_translations(german, django_assert_num_queries, rf):
    page_alternates(page=german)  # Wagtail caches the site root paths from here on
    with django_assert_num_queries(1):
        assert len(page_alternates(page=german)) == 1

    translate_home(german.get_parent().specific, language_code="en")
    translate(german, language_code="en", strings={"slug": "about-us"})
    page_alternates(page=german)

    with django_assert_num_queries(1):
        assert len(page_alternates(page=german)) == 2
    request = rf.get("/")
    with django_assert_num_queries(1):
        alternates = page_alternates(page=german, request=request)
    assert alternates == page_alternates(page=german)
