"""Checks on the text that member companies submit for their profiles.

Members are outside parties, so their input is treated as untrusted: plain-text fields must
not carry markup (:func:`contains_html`), and the description may only use the few elements
the profile's rich text editor offers (:func:`clean_profile_html`). Both the admin form and
the member API use these functions, so a profile is held to the same rules either way.
"""

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

# What the HTML tokenizer treats as the start of markup: "<" followed by a letter (a tag),
# "/" (an end tag), "!" (a comment or doctype) or "?" (a processing instruction). A "<"
# followed by a space or digit is text, so "A < B" and "x<3" stay plain text.
MARKUP_START = re.compile(r"<[A-Za-z/!?]")

# Decoding more than a few layers of entities only matters for text meant to be decoded
# that often; three catches "&amp;lt;script&amp;gt;" and the like.
ENTITY_LAYERS = 3

# Output tag for each allowed input tag: bold and italic are stored the way Wagtail's
# editor stores them, so revisions from the admin and the API compare equal.
ALLOWED_TAGS = {
    "p": "p",
    "br": "br",
    "strong": "b",
    "b": "b",
    "em": "i",
    "i": "i",
    "ul": "ul",
    "ol": "ol",
    "li": "li",
    "h3": "h3",
    "h4": "h4",
    "a": "a",
}
BLOCK_TAGS = {"p", "ul", "ol", "li", "h3", "h4"}
VOID_TAGS = {"br"}
ALLOWED_LINK_SCHEMES = {"http", "https", "mailto"}
# Wagtail's editor marks each block with a key; it carries no markup and is dropped.
IGNORED_ATTRIBUTES = {"data-block-key"}
# Elements whose content is not text: none of it is kept, whatever the verdict.
RAW_TEXT_TAGS = {"script", "style", "template", "textarea", "title", "xmp", "noscript"}

ALLOWED_SUMMARY = (
    "Allowed are p, br, strong, b, em, i, ul, ol, li, h3, h4 and links (a href) "
    "to http, https or mailto addresses."
)


def contains_html(value: str) -> bool:
    """Whether ``value`` contains a tag, comment or doctype, also entity-encoded.

    >>> contains_html("<b>bold</b>"), contains_html("&lt;script&gt;")
    (True, True)
    >>> contains_html("A < B"), contains_html("Müller & Söhne")
    (False, False)
    """
    if not value:
        return False
    text = value
    for _ in range(ENTITY_LAYERS + 1):
        if MARKUP_START.search(text):
            return True
        decoded = html.unescape(text)
        if decoded == text:
            return False
        text = decoded
    return False


def clean_profile_html(value: str) -> str:
    """The description as the restricted HTML stored in the profile.

    HTML may use only p, br, strong/b, em/i, ul, ol, li, h3, h4 and ``a href`` with an
    http, https or mailto address; anything else raises ``ValidationError`` naming it (one
    message for all that is not allowed). Text outside a block is put into a paragraph,
    unclosed elements are closed, ``strong``/``em`` become ``b``/``i``.

    Text without any markup is accepted as plain text: HTML-escaped, a blank line starts a
    new paragraph and a single line break becomes ``<br/>``::

        "Wir recyceln Kunststoffe.\\n\\nSeit 1990 in Goslar."
        -> "<p>Wir recyceln Kunststoffe.</p><p>Seit 1990 in Goslar.</p>"
    """
    if not value or not value.strip():
        return ""
    if not MARKUP_START.search(value):
        return plain_text_to_html(value)
    sanitizer = _ProfileHTMLSanitizer()
    sanitizer.feed(value)
    sanitizer.close()
    if sanitizer.problems:
        raise ValidationError(
            "Not allowed in the description: %(problems)s. %(allowed)s",
            code="disallowed_html",
            params={"problems": ", ".join(sanitizer.problems), "allowed": ALLOWED_SUMMARY},
        )
    return sanitizer.result()


def plain_text_to_html(value: str) -> str:
    paragraphs = re.split(r"\n[ \t]*\n", value.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = []
    for paragraph in paragraphs:
        lines = [html.escape(line.strip(), quote=False) for line in paragraph.strip().split("\n")]
        if any(lines):
            blocks.append("<p>" + "<br/>".join(lines) + "</p>")
    return "".join(blocks)


def _link_problem(href: str | None) -> str | None:
    if href is None or not href.strip():
        return "a link without an address"
    address = href.strip()
    try:
        parts = urlsplit(address)
    except ValueError:
        return f"the link address “{address}”"
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_LINK_SCHEMES:
        shown = f"{scheme}: links" if scheme else f"the relative link “{address}”"
        return shown
    if scheme in {"http", "https"} and not parts.netloc:
        return f"the link address “{address}”"
    if scheme == "mailto" and "@" not in parts.path:
        return f"the link address “{address}”"
    return None


class _ProfileHTMLSanitizer(HTMLParser):
    """Rebuilds allowed HTML from the parse events and notes everything else."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.parts: list[str] = []
        self.open_tags: list[str] = []
        # A paragraph opened around text that stood outside any block.
        self.implicit_paragraph = False
        self.raw_text_depth = 0

    def problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    def result(self) -> str:
        self.close_all()
        return "".join(self.parts)

    # Structure

    def ensure_block(self) -> None:
        if not self.open_tags:
            self.parts.append("<p>")
            self.open_tags.append("p")
            self.implicit_paragraph = True

    def close_implicit_paragraph(self) -> None:
        if self.implicit_paragraph:
            self.close_all()
        self.implicit_paragraph = False

    def close_until(self, tag: str) -> None:
        while self.open_tags:
            current = self.open_tags.pop()
            self.parts.append(f"</{current}>")
            if current == tag:
                break
        if not self.open_tags:
            self.implicit_paragraph = False

    def close_implied_by(self, tag: str) -> None:
        """Close what a browser closes when ``tag`` starts: a list item ends the previous
        item of its list, and any block ends an open paragraph or heading."""
        ends = {"li"} if tag == "li" else {"p", "h3", "h4"}
        for open_tag in reversed(self.open_tags):
            if open_tag in ends:
                self.close_until(open_tag)
                return
            if open_tag in {"ul", "ol", "li"}:
                return

    def close_all(self) -> None:
        while self.open_tags:
            self.parts.append(f"</{self.open_tags.pop()}>")

    # Parser events

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, self_closing=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, self_closing: bool) -> None:
        output_tag = ALLOWED_TAGS.get(tag)
        if output_tag is None:
            self.problem(f"<{tag}>")
            if tag in RAW_TEXT_TAGS and not self_closing:
                self.raw_text_depth += 1
            return
        href = None
        for name, attr_value in attrs:
            if name in IGNORED_ATTRIBUTES:
                continue
            if tag == "a" and name == "href":
                href = attr_value
                continue
            self.problem(f"the {name} attribute")
        if tag == "a":
            link_problem = _link_problem(href)
            if link_problem:
                self.problem(link_problem)
                return
        if self.raw_text_depth:
            return

        if output_tag in BLOCK_TAGS:
            self.close_implicit_paragraph()
            self.close_implied_by(output_tag)
        else:
            self.ensure_block()
        if output_tag in VOID_TAGS:
            self.parts.append(f"<{output_tag}/>")
            return
        if output_tag == "a":
            self.parts.append(f'<a href="{html.escape(href.strip(), quote=True)}">')
        else:
            self.parts.append(f"<{output_tag}>")
        if self_closing:
            self.parts.append(f"</{output_tag}>")
        else:
            self.open_tags.append(output_tag)

    def handle_endtag(self, tag):
        if tag in RAW_TEXT_TAGS and self.raw_text_depth:
            self.raw_text_depth -= 1
            return
        output_tag = ALLOWED_TAGS.get(tag)
        if output_tag is None:
            self.problem(f"<{tag}>")
            return
        if output_tag in VOID_TAGS or self.raw_text_depth:
            return
        # A stray end tag (nothing of its kind open) is ignored, as a browser would.
        if output_tag in self.open_tags:
            self.close_until(output_tag)

    def handle_data(self, data):
        if self.raw_text_depth:
            return
        if not self.open_tags and not data.strip():
            return
        self.ensure_block()
        self.parts.append(html.escape(data, quote=False))

    def handle_comment(self, data):
        self.problem("HTML comments")

    def handle_decl(self, decl):
        self.problem(f"<!{decl}>")

    def unknown_decl(self, data):
        self.problem(f"<![{data}]>")

    def handle_pi(self, data):
        self.problem("processing instructions")
