"""Rich text (the editor's small HTML vocabulary) as plain text for the text/plain part.

Paragraphs and headings become blocks separated by a blank line, list items lines with a
dash or a number, and a link keeps its text followed by its address in angle brackets, so
every link of the HTML edition can be followed from the plain one too::

    >>> html_to_text('<p>Mehr im <a href="https://x.example/a/">Archiv</a>.</p><ul><li>Eins</li></ul>')
    'Mehr im Archiv <https://x.example/a/>.\\n\\n- Eins'
"""

import re
from html.parser import HTMLParser

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "div", "blockquote"}
SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        # (text, the list it is an item of or None) per block, in document order.
        self.blocks: list[tuple[str, int | None]] = []
        self.current: list[str] = []
        self.current_list: int | None = None
        self.lists: list[list] = []  # per open list: [ordered, next number, list id]
        self.lists_seen = 0
        self.link_targets: list[tuple[str | None, int]] = []  # (href, where its text starts)

    def _end_block(self) -> None:
        # Spaces collapse as in a browser; "\x00" marks a <br>, which survives that.
        text = SPACES.sub(" ", "".join(self.current))
        text = "\n".join(line.strip() for line in text.split("\x00")).strip()
        if text:
            self.blocks.append((text, self.current_list))
        self.current = []
        self.current_list = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in BLOCK_TAGS:
            self._end_block()
            if tag in ("ul", "ol"):
                self.lists_seen += 1
                self.lists.append([tag == "ol", 1, self.lists_seen])
        elif tag == "li":
            self._end_block()
            marker = "-"
            if self.lists and self.lists[-1][0]:
                marker = f"{self.lists[-1][1]}."
                self.lists[-1][1] += 1
            self.current.append(f"{marker} ")
            self.current_list = self.lists[-1][2] if self.lists else 0
        elif tag == "br":
            self.current.append("\x00")
        elif tag == "a":
            self.link_targets.append((attributes.get("href"), len(self.current)))
        elif tag == "img" and attributes.get("alt"):
            self.current.append(f"[{attributes['alt']}]")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS or tag == "li":
            self._end_block()
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()
        elif tag == "a" and self.link_targets:
            href, start = self.link_targets.pop()
            target = (href or "").removeprefix("mailto:")
            link_text = SPACES.sub(" ", "".join(self.current[start:])).strip()
            if target and not target.startswith("#") and link_text != target:
                self.current.append(f" <{target}>")

    def handle_data(self, data):
        self.current.append(data)

    def text(self) -> str:
        self._end_block()
        # Blocks are separated by a blank line; the items of a list by a line break only.
        parts: list[str] = []
        previous_list = None
        for text, list_id in self.blocks:
            if parts:
                same_list = list_id is not None and list_id == previous_list
                parts.append("\n" if same_list else "\n\n")
            parts.append(text)
            previous_list = list_id
        return "".join(parts)


def html_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    return collector.text()
