"""The block library: editor guidance on every block, previews, and storage of each body block."""

import copy
import html
import inspect

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail import blocks as wagtail_blocks

import pages.blocks
from pages.blocks import BodyStreamBlock
from pages.models import ClusterPage, NewsletterIssuePage, StandardPage
from snippets.models import Funding, Organisation, Person, Quote
from tests.factories import StandardPageFactory, body_block_values

BODY_BLOCKS = BodyStreamBlock().child_blocks
LIBRARY_BLOCK_CLASSES = [
    block_class
    for name in pages.blocks.__all__
    if inspect.isclass(block_class := getattr(pages.blocks, name))
    and issubclass(block_class, wagtail_blocks.Block)
    and block_class is not BodyStreamBlock
]
# Blocks with a preview value, as editors meet them: the body blocks plus the blocks of the
# cluster's fields of action and of newsletter articles.
PREVIEWABLE_BLOCKS = {
    name: block
    for name, block in {
        **BODY_BLOCKS,
        **ClusterPage._meta.get_field("fields_of_action").stream_block.child_blocks,
        **NewsletterIssuePage._meta.get_field("articles").stream_block.child_blocks,
    }.items()
    if hasattr(block.meta, "preview_value")
}


def plain_text(markup: str) -> str:
    return " ".join(html.unescape(strip_tags(markup)).split())


def text_leaves(value) -> list[str]:
    """The texts of a preview value, without markup; URLs and choice keys are left out."""
    if isinstance(value, dict):
        return [text for child in value.values() for text in text_leaves(child)]
    if isinstance(value, list):
        return [text for child in value for text in text_leaves(child)]
    if isinstance(value, str) and " " in value and "://" not in value:
        return [plain_text(value)]
    return []


@pytest.mark.parametrize("name", list(BODY_BLOCKS))
def test_body_block_guides_the_editor(name):
    block = BODY_BLOCKS[name]

    assert block.meta.icon != "placeholder"
    assert block.meta.description
    assert block.label


@pytest.mark.parametrize("block_class", LIBRARY_BLOCK_CLASSES, ids=lambda cls: cls.__name__)
def test_library_block_sets_icon_and_description(block_class):
    assert block_class._meta_class.icon != "placeholder"
    assert getattr(block_class._meta_class, "description", "")


def test_the_body_blocks_with_previews():
    # Chooser-based and media blocks need stored objects, so they go without a preview value.
    assert set(PREVIEWABLE_BLOCKS) >= {
        "heading",
        "paragraph",
        "quote",
        "accordion",
        "call_to_action",
        "key_figures",
        "timeline",
        "field_of_action",
        "article",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(PREVIEWABLE_BLOCKS))
def test_block_preview_renders_its_preview_value(admin_client, name):
    block = PREVIEWABLE_BLOCKS[name]

    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )

    assert block.is_previewable
    assert response.status_code == 200
    content = plain_text(response.content.decode())
    expected = text_leaves(block.meta.preview_value)
    assert expected
    assert [text for text in expected if text not in content] == []


@pytest.mark.django_db
def test_a_page_with_every_body_block_round_trips():
    page = StandardPageFactory()
    stored = [
        {"type": name, "value": value}
        for name, value in body_block_values(link_page=page.get_parent()).items()
    ]
    assert [item["type"] for item in stored] == list(BODY_BLOCKS)

    page.body = copy.deepcopy(stored)
    page.save_revision().publish()
    page = StandardPage.objects.get(pk=page.pk)

    assert [{"type": item["type"], "value": item["value"]} for item in page.body.raw_data] == stored
    BodyStreamBlock().clean(page.body)  # what was stored is also valid in the editor
    values = {child.block_type: child.value for child in page.body}
    assert isinstance(values["quote_snippet"], Quote)
    assert isinstance(values["funding_notice"]["funding"], Funding)
    assert all(isinstance(person, Person) for person in values["people"]["people"])
    assert all(isinstance(org, Organisation) for org in values["organisations"]["organisations"])
    assert values["call_to_action"]["page"].pk == page.get_parent().pk
    assert values["image"]["image"].contextual_alt_text == "Blick in die Produktionshalle"
    preview = page.make_preview_request().content.decode()
    assert "Kompetenzregion Westharz" in preview
    assert "Gefördert vom Bundesministerium" in preview
