"""Rich text and StreamField values for the demo content, in the blocks' raw JSON form.

Each helper returns one ``{"type": ..., "value": ...}`` item of ``pages.blocks.BodyStreamBlock``
(or the value of a nested block), so the site modules read as content rather than as JSON.
"""

from __future__ import annotations

from html import escape


def rich(*paragraphs: str, bullets: tuple[str, ...] = ()) -> str:
    """Paragraphs of plain text (escaped) and an optional bullet list, as rich text HTML."""
    html = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    if bullets:
        html += "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in bullets) + "</ul>"
    return html


def _pk(instance) -> int | None:
    return instance.pk if instance is not None else None


def image_value(image, alt_text: str = "") -> dict:
    """The value of Wagtail's ImageBlock: the image (or None) and its alt text."""
    return {"image": _pk(image), "alt_text": alt_text, "decorative": False}


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*paragraphs: str, bullets: tuple[str, ...] = ()) -> dict:
    return {"type": "paragraph", "value": rich(*paragraphs, bullets=bullets)}


def quote(text: str, attribution: str, role: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution, "role": role}}


def call_to_action(title: str, label: str, *, page=None, url: str = "", text: str = "") -> dict:
    value = {"title": title, "text": text, "page": _pk(page), "url": url, "label": label}
    return {"type": "call_to_action", "value": value}


def image(picture, alt_text: str, caption: str = "") -> dict:
    value = {"image": image_value(picture, alt_text), "caption": caption, "credit": ""}
    return {"type": "image", "value": value}


def document_value(document, description: str = "") -> dict:
    return {"document": document.pk, "title": "", "description": description}


def document(doc, description: str = "") -> dict:
    return {"type": "document", "value": document_value(doc, description)}


def key_figures(heading_text: str, *figures: tuple[str, str, str]) -> dict:
    """Key figures given as ``(value, unit, label)`` triples."""
    items = [{"value": value, "unit": unit, "label": label} for value, unit, label in figures]
    return {"type": "key_figures", "value": {"heading": heading_text, "items": items}}


def timeline(heading_text: str, *milestones: tuple[str, str, str]) -> dict:
    """Milestones given as ``(date label, title, plain text)`` triples."""
    items = [
        {"date_label": when, "title": title, "text": rich(text)} for when, title, text in milestones
    ]
    return {"type": "timeline", "value": {"heading": heading_text, "items": items}}


def accordion(heading_text: str, *items: tuple[str, str]) -> dict:
    value = [{"question": question, "answer": rich(answer)} for question, answer in items]
    return {"type": "accordion", "value": {"heading": heading_text, "items": value}}


def quote_snippet(snippet) -> dict:
    return {"type": "quote_snippet", "value": snippet.pk}


def funding_notice(funding, notice: str) -> dict:
    return {
        "type": "funding_notice",
        "value": {"funding": funding.pk, "notice": notice, "emblem": None},
    }


def people(heading_text: str, persons) -> dict:
    value = {"heading": heading_text, "people": [person.pk for person in persons]}
    return {"type": "people", "value": value}


def organisations(heading_text: str, members) -> dict:
    value = {"heading": heading_text, "organisations": [member.pk for member in members]}
    return {"type": "organisations", "value": value}


def field_of_action(title: str, summary: str, *measures: tuple[str, str]) -> dict:
    """A cluster's field of action with ``(title, description)`` measures."""
    items = [{"title": name, "description": text} for name, text in measures]
    return {
        "type": "field_of_action",
        "value": {"title": title, "summary": summary, "measures": items},
    }


def article(
    headline: str, teaser: str, body: str, *, picture=None, alt_text: str = "", author=None
) -> dict:
    """One NewsletterArticleBlock; without an author person the editorial team signs."""
    return {
        "type": "article",
        "value": {
            "headline": headline,
            "teaser": teaser,
            "image": image_value(picture, alt_text),
            "body": body,
            "author": _pk(author),
            "author_name": "" if author else "Redaktion CKnews",
            "related_link": {"page": None, "url": "", "label": ""},
        },
    }
