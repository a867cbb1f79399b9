"""Rich text as HTML a frontend can insert as it is.

Wagtail stores internal references in its own format; they are resolved for the locale of
the response (``context["locale"]``)::

    <a linktype="page" id="7">Netzwerk</a>      → <a href="/en/the-network/">Netzwerk</a>
    <a linktype="document" id="4">PDF</a>        → <a href="https://hub.example/documents/4/x.pdf">PDF</a>
    <embed embedtype="image" id="12" format="left" alt="Labor"/>
                                                 → <img alt="Labor" class="…" src="https://…" …>

A page link leads to the page's live, public translation in the response's locale, else
to the page itself; when neither is public (a draft, a private page, a deleted one) the
link is dropped and its text kept. Links to missing documents are dropped the same way.
All pages, documents and images of one value are looked up together, and answers are
shared by every field of a response (api/serializers/blocks/resolution.py).
"""

import re
from dataclasses import dataclass, field

from django.utils.html import format_html
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.images.formats import get_image_format
from wagtail.rich_text.rewriters import FIND_EMBED_TAG, extract_attrs

from api.serializers.blocks.resolution import References, references_for
from api.serializers.urls import absolute_url

# A whole link element. Links cannot nest in HTML, so the first closing tag ends it.
LINK_ELEMENT = re.compile(r"<a(\b[^>]*)>(.*?)</a>", re.DOTALL)
# Wagtail's own pattern for the opening tag, to pick out the stored links.
LINK_OPENING_TAG = re.compile(r"<a(\b[^>]*)>")


@dataclass
class RichTextReferences:
    """The ids an HTML value refers to, by kind."""

    page_ids: set[int] = field(default_factory=set)
    document_ids: set[int] = field(default_factory=set)
    image_ids: set[int] = field(default_factory=set)


def reference_id(attrs: dict) -> int | None:
    try:
        return int(attrs["id"])
    except (KeyError, ValueError):
        return None


def rich_text_references(html: str) -> RichTextReferences:
    """The pages, documents and images that ``html`` (stored format) refers to."""
    found = RichTextReferences()
    kinds = {"page": found.page_ids, "document": found.document_ids}
    for attr_string in LINK_OPENING_TAG.findall(html or ""):
        attrs = extract_attrs(attr_string)
        if attrs.get("linktype") in kinds and (pk := reference_id(attrs)) is not None:
            kinds[attrs["linktype"]].add(pk)
    for attr_string in FIND_EMBED_TAG.findall(html or ""):
        attrs = extract_attrs(attr_string)
        if attrs.get("embedtype") == "image" and (pk := reference_id(attrs)) is not None:
            found.image_ids.add(pk)
    return found


def render_rich_text(html: str, *, context: dict) -> str:
    """``html`` from the database, with its references resolved for ``context``'s locale."""
    html = html or ""
    if "linktype=" not in html and "<embed" not in html:
        return html  # plain HTML: nothing to resolve
    references = references_for(context)
    found = rich_text_references(html)
    references.load_pages(found.page_ids)
    references.load_documents(found.document_ids)
    references.load_images(found.image_ids)

    html = LINK_ELEMENT.sub(lambda match: _link(match, references), html)
    return FIND_EMBED_TAG.sub(lambda match: _embed(match, references), html)


def _link(match: re.Match, references: References) -> str:
    attrs, text = extract_attrs(match.group(1)), match.group(2)
    link_type = attrs.get("linktype")
    if link_type is None:
        return match.group(0)  # an external, mail or anchor link: already an address
    pk = reference_id(attrs)
    href = None
    if link_type == "page" and pk is not None and (page := references.page(pk)) is not None:
        href = page.get_url_parts(request=references.request)[2]
    elif link_type == "document" and pk is not None:
        document = references.document(pk)
        if document is not None:
            href = absolute_url(document.url, request=references.request)
    if href is None:
        # Nothing public to link to (or a link type frontends cannot follow): keep the text.
        return text
    return format_html('<a href="{}">', href) + text + "</a>"


def _embed(match: re.Match, references: References) -> str:
    attrs = extract_attrs(match.group(1))
    pk = reference_id(attrs)
    image = references.image(pk) if attrs.get("embedtype") == "image" and pk else None
    if image is None:
        return ""  # as Wagtail does for embeds it cannot render
    try:
        image_format = get_image_format(attrs.get("format", ""))
    except KeyError:
        image_format = get_image_format("fullwidth")
    rendition = image.get_rendition(image_format.filter_spec)
    return format_html(
        '<img alt="{}" class="{}" src="{}" width="{}" height="{}">',
        attrs.get("alt", image.default_alt_text),
        image_format.classname,
        absolute_url(rendition.url, request=references.request),
        rendition.width,
        rendition.height,
    )


@extend_schema_field(OpenApiTypes.STR)
class RichTextField(serializers.Field):
    """A RichTextField or RichTextBlock value as resolved HTML (see the module doc)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        source = value.source if hasattr(value, "source") else value
        return render_rich_text(source, context=self.context)
