"""Rich text in the API: Wagtail's stored links resolved for the response's locale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework import serializers
from rest_framework.test import APIRequestFactory
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import RichText

from api.serializers.rich_text import RichTextField, render_rich_text, rich_text_references
from tests.factories import DocumentFactory, ImageFactory, SiteFactory, StandardPageFactory, locale
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db


def context_for(language: str = "de") -> dict:
    return {"request": APIRequestFactory().get("/api/v1/"), "locale": locale(language)}


def render(html: str, *, language: str = "de") -> str:
    return render_rich_text(html, context=context_for(language))


def page_link(page, text: str = "Über uns") -> str:
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def home():
    return SiteFactory().root_page


@pytest.fixture
def target(home):
    return publish(StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns"))


@pytest.fixture
def english_target(target, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate(target, {"Über uns": "About us", "ueber-uns": "about-us"})
    return target.get_translation(locale("en"))


def test_html_without_references_is_returned_as_it_is_without_queries(
    django_assert_num_queries,
):
    html = '<h2>Ziele</h2><p><b>Netzwerk</b> <a href="https://www.example.org">extern</a></p>'
    context = context_for()

    with django_assert_num_queries(0):
        assert render_rich_text(html, context=context) == html


def test_empty_values_render_as_empty_html():
    assert render("") == ""
    assert render(None) == ""


def test_page_link_becomes_the_frontend_path(target):
    assert render(f"<p>Siehe {page_link(target)}.</p>") == (
        '<p>Siehe <a href="/ueber-uns/">Über uns</a>.</p>'
    )


def test_page_link_leads_to_the_translation_in_the_response_locale(target, english_target):
    html = f"<p>{page_link(target)}</p>"

    assert render(html, language="de") == '<p><a href="/ueber-uns/">Über uns</a></p>'
    assert render(html, language="en") == '<p><a href="/en/about-us/">Über uns</a></p>'


def test_links_stored_in_the_target_locale_lead_back_in_german(target, english_target):
    html = f"<p>{page_link(english_target, 'About us')}</p>"

    assert render(html, language="de") == '<p><a href="/ueber-uns/">About us</a></p>'


def test_page_link_without_a_translation_leads_to_the_german_page(target):
    assert render(page_link(target), language="en") == '<a href="/ueber-uns/">Über uns</a>'


def test_an_alias_is_no_link_target_the_german_page_is(target):
    # wagtail-localize puts aliases in place of untranslated pages; they show German content.
    target.copy_for_translation(locale("en"), copy_parents=True, alias=True)

    assert render(page_link(target), language="en") == '<a href="/ueber-uns/">Über uns</a>'


def test_an_unpublished_translation_leaves_the_german_page(target, english_target):
    english_target.unpublish()

    assert render(page_link(target), language="en") == '<a href="/ueber-uns/">Über uns</a>'


def test_links_to_drafts_private_and_deleted_pages_are_dropped_keeping_their_text(home):
    draft = publish(StandardPageFactory(parent=home))
    draft.unpublish()
    private = publish(StandardPageFactory(parent=home))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    below_private = publish(StandardPageFactory(parent=private))
    deleted = publish(StandardPageFactory(parent=home))
    deleted_id = deleted.pk
    deleted.delete()
    html = (
        f"<p>{page_link(draft, 'Entwurf')}, {page_link(private, '<b>privat</b>')}, "
        f"{page_link(below_private, 'darunter')} und "
        f'<a linktype="page" id="{deleted_id}">gelöscht</a></p>'
    )

    assert render(html) == "<p>Entwurf, <b>privat</b>, darunter und gelöscht</p>"


def test_document_link_becomes_the_absolute_download_address():
    document = DocumentFactory()

    rendered = render(f'<p><a linktype="document" id="{document.pk}">Bericht</a></p>')

    assert rendered == f'<p><a href="http://testserver{document.url}">Bericht</a></p>'


def test_link_to_a_deleted_document_is_dropped_keeping_its_text():
    document = DocumentFactory()
    document_id = document.pk
    document.delete()

    assert render(f'<a linktype="document" id="{document_id}">Bericht</a>') == "Bericht"


def test_link_to_a_document_in_a_restricted_collection_is_dropped_keeping_its_text():
    members_only = Collection.get_first_root_node().add_child(name="Mitgliederbereich")
    CollectionViewRestriction.objects.create(
        collection=members_only,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="mitglieder",
    )
    document = DocumentFactory(collection=members_only)

    assert render(f'<a linktype="document" id="{document.pk}">Protokoll</a>') == "Protokoll"


def test_links_of_unknown_types_keep_only_their_text():
    assert render('<p><a linktype="event" id="3">Termin</a></p>') == "<p>Termin</p>"


def test_embedded_image_becomes_an_img_with_an_absolute_rendition():
    image = ImageFactory(file__width=1200, file__height=900)

    rendered = render(f'<embed embedtype="image" id="{image.pk}" format="left" alt="Labor"/>')

    rendition = image.get_rendition("width-500")
    assert rendered == (
        f'<img alt="Labor" class="richtext-image left" '
        f'src="http://testserver{rendition.url}" width="500" height="375">'
    )


def test_embedded_image_that_is_gone_is_dropped():
    assert render('<p>Foto: <embed embedtype="image" id="999999" format="left"/></p>') == (
        "<p>Foto: </p>"
    )


def test_references_are_collected_by_kind():
    html = (
        '<a linktype="page" id="3">a</a><a linktype="page" id="x">b</a>'
        '<a linktype="document" id="4">c</a><a href="https://example.org">d</a>'
        '<embed embedtype="image" id="5" format="left"/><embed embedtype="media" url="x"/>'
    )

    found = rich_text_references(html)

    assert (found.page_ids, found.document_ids, found.image_ids) == ({3}, {4}, {5})


def queries_to_render(html: str, *, language: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        render(html, language=language)
    return len(queries)


@pytest.mark.parametrize("language", ["de", "en"])
def test_all_links_of_a_value_cost_the_queries_of_one(home, language):
    def html_with_links(count: int) -> str:
        pages = [publish(StandardPageFactory(parent=home)) for _number in range(count)]
        documents = [DocumentFactory() for _number in range(count)]
        return "".join(
            f'<p>{page_link(page)} <a linktype="document" id="{document.pk}">Datei</a></p>'
            for page, document in zip(pages, documents, strict=True)
        )

    few, many = html_with_links(3), html_with_links(12)
    render(few, language=language)  # Wagtail caches the site root paths on first use

    assert queries_to_render(few, language=language) == queries_to_render(many, language=language)


class BiographySerializer(serializers.Serializer):
    text = RichTextField()


def test_rich_text_field_takes_text_and_wagtail_rich_text_values(target):
    html = f"<p>{page_link(target)}</p>"
    expected = '<p><a href="/ueber-uns/">Über uns</a></p>'

    for value in (html, RichText(html)):
        data = BiographySerializer({"text": value}, context=context_for()).data

        assert data["text"] == expected


def test_the_context_must_name_the_response_locale(target):
    context = {"request": APIRequestFactory().get("/api/v1/")}

    with pytest.raises(KeyError, match="locale"):
        render_rich_text(page_link(target), context=context)
