"""Pictures and PDF files for the demo content, drawn locally with Pillow.

Everything is generated from a title and a palette, so the demo needs no downloads and the
same input always gives the same picture. Text uses DejaVu Sans when the system has it; the
font bundled with Pillow lacks umlauts, so with it the text is spelt in plain ASCII.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from io import BytesIO

from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageOps

_ASCII_SPELLING = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "\u2013": "-",
        "\u2014": "-",
        "„": '"',
        "“": '"',
        "”": '"',
        "\u20ac": "EUR",
    }
)


@dataclass(frozen=True)
class Palette:
    """Two gradient colours and an accent, as hex strings."""

    start: str
    end: str
    accent: str


@dataclass(frozen=True)
class _Font:
    face: ImageFont.FreeTypeFont
    has_umlauts: bool

    def fit(self, text: str) -> str:
        return text if self.has_umlauts else text.translate(_ASCII_SPELLING)


@cache
def _font(size: int, *, bold: bool = False) -> _Font:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return _Font(ImageFont.truetype(name, size), has_umlauts=True)
    except OSError:
        return _Font(ImageFont.load_default(size), has_umlauts=False)


def _gradient(size: tuple[int, int], palette: Palette) -> Image.Image:
    """A diagonal gradient from ``palette.start`` (top left) to ``palette.end``."""
    vertical = Image.linear_gradient("L").resize(size)
    horizontal = Image.linear_gradient("L").rotate(90)
    ramp = ImageChops.add(vertical, horizontal.resize(size), scale=2)
    return ImageOps.colorize(ramp, palette.start, palette.end)


def _hexagon(centre: tuple[float, float], radius: float) -> list[tuple[float, float]]:
    x, y = centre
    return [
        (
            x + radius * math.cos(math.radians(60 * i + 30)),
            y + radius * math.sin(math.radians(60 * i + 30)),
        )
        for i in range(6)
    ]


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


def _encode(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def banner(
    title: str, subtitle: str, palette: Palette, size: tuple[int, int] = (1200, 675)
) -> bytes:
    """A JPEG picture for hero, listing and cover images: gradient, honeycomb, title."""
    width, height = size
    image = _gradient(size, palette)
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    radius = height / 9
    step_x, step_y = radius * math.sqrt(3), radius * 1.5
    for row in range(7):
        for column in range(5):
            centre = (width * 0.62 + column * step_x + (row % 2) * step_x / 2, row * step_y)
            draw.polygon(_hexagon(centre, radius * 0.92), outline=palette.accent, width=3)
    image.paste(overlay, mask=overlay)

    draw = ImageDraw.Draw(image)
    margin = width // 16
    heading = _font(height // 11, bold=True)
    text = _wrap(draw, heading.fit(title), heading.face, int(width * 0.5))
    draw.multiline_text((margin, height // 3), text, font=heading.face, fill="white", spacing=12)
    caption = _font(height // 24)
    draw.text(
        (margin, height - margin * 1.2), caption.fit(subtitle), font=caption.face, fill="white"
    )
    draw.rectangle(
        (margin, height // 3 - 28, margin + width // 8, height // 3 - 18), fill=palette.accent
    )
    return _encode(image, "JPEG", quality=85)


def logo(name: str, palette: Palette, size: int = 480) -> bytes:
    """A square PNG logo: initials of ``name`` in a hexagon."""
    image = _gradient((size, size), palette)
    draw = ImageDraw.Draw(image)
    draw.polygon(_hexagon((size / 2, size / 2), size * 0.42), fill="white")
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())[:3] or name[:2]
    font = _font(size // 4, bold=True)
    draw.text(
        (size / 2, size / 2), font.fit(initials), font=font.face, fill=palette.start, anchor="mm"
    )
    return _encode(image, "PNG")


def pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a title and paragraphs, for document downloads."""
    width, height = 1240, 1754  # A4 at 150 dpi
    page = Image.new("L", (width, height), "white")
    draw = ImageDraw.Draw(page)
    margin = 120
    heading = _font(48, bold=True)
    body = _font(26)
    y = margin
    draw.multiline_text(
        (margin, y),
        _wrap(draw, heading.fit(title), heading.face, width - 2 * margin),
        font=heading.face,
        fill="black",
        spacing=10,
    )
    y += 240
    for line in lines:
        paragraph = _wrap(draw, body.fit(line), body.face, width - 2 * margin)
        draw.multiline_text((margin, y), paragraph, font=body.face, fill="black", spacing=8)
        y += (paragraph.count("\n") + 1) * 36 + 28
    return _encode(page, "PDF", resolution=150, title=title, producer="Cluster Hub demo content")
