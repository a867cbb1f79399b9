"""Logo uploads: judged by content, limited in size and pixels, filed in "Member logos"."""

import io
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.models import Collection

from hub.members.logos import LOGO_COLLECTION, discard_logo_file, store_logo, validate_logo
from tests.factories.members import MemberFactory
from tests.factories.snippets import OrganisationFactory

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
    b'<rect width="64" height="64" fill="teal"/></svg>'
)
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
)


def image_bytes(image_format: str, size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, image_format)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    # The client's content type is deliberately wrong: it must not matter.
    return SimpleUploadedFile(name, content, content_type="image/png")


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels: a decompression bomb's
    header, with a few compressed bytes behind it."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", row)
        + png_chunk(b"IEND", b"")
    )


def refusal(uploaded) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        validate_logo(uploaded)
    return refused.value


@pytest.mark.parametrize(
    ("image_format", "name"),
    [("PNG", "logo.png"), ("JPEG", "logo.jpg"), ("JPEG", "LOGO.JPEG"), ("WEBP", "logo.webp")],
)
def test_png_jpeg_and_webp_are_accepted(image_format, name):
    content = image_bytes(image_format)
    uploaded = upload(name, content)

    info = validate_logo(uploaded)

    assert (info.format, info.width, info.height, info.size) == (
        image_format,
        64,
        48,
        len(content),
    )
    assert uploaded.tell() == 0


@pytest.mark.parametrize(
    "content",
    [SVG, SVG_WITH_SCRIPT, SVG_WITH_SCRIPT.decode().encode("utf-16"), b"\n  " + SVG],
    ids=["plain", "with-script", "utf-16", "leading-whitespace"],
)
@pytest.mark.parametrize("name", ["logo.svg", "logo.png", "logo"])
def test_svg_is_refused_by_its_content_whatever_its_name(content, name):
    error = refusal(upload(name, content))

    assert error.messages == ["SVG logos are not accepted; upload PNG, JPEG or WebP."]
    assert error.code == "svg"


@pytest.mark.parametrize(
    ("image_format", "name", "expected"),
    [
        ("PNG", "logo.svg", ".png"),
        ("PNG", "logo.jpg", ".png"),
        ("JPEG", "logo.png", ".jpg or .jpeg"),
        ("WEBP", "logo.png", ".webp"),
        ("PNG", "logo", ".png"),
        ("PNG", "logo.png.exe", ".png"),
    ],
)
def test_the_name_must_fit_the_content(image_format, name, expected):
    error = refusal(upload(name, image_bytes(image_format)))

    assert error.code == "extension_mismatch"
    assert expected in error.messages[0]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (image_bytes("GIF"), "unsupported_type"),
        (image_bytes("BMP"), "unsupported_type"),
        (b"%PDF-1.4\n%%EOF\n", "unsupported_type"),
        (b"<html><script>alert(1)</script></html>", "unsupported_type"),
        (image_bytes("PNG")[:80], "broken_image"),
        (b"", "empty"),
    ],
    ids=["gif", "bmp", "pdf", "html", "truncated-png", "empty"],
)
def test_other_content_is_refused(content, code):
    assert refusal(upload("logo.png", content)).code == code


def test_a_broken_jpeg_is_refused():
    content = image_bytes("JPEG", size=(256, 256))

    error = refusal(upload("logo.jpg", content[: len(content) // 2]))

    assert error.code == "broken_image"


def test_the_file_size_is_limited(settings):
    content = image_bytes("PNG")
    settings.MEMBER_LOGO_MAX_BYTES = len(content) - 1

    error = refusal(upload("logo.png", content))

    assert error.code == "file_too_large"
    settings.MEMBER_LOGO_MAX_BYTES = len(content)
    assert validate_logo(upload("logo.png", content)).size == len(content)


def test_the_default_file_size_limit_is_2_mb():
    # Random pixels do not compress: a 1024x1024 PNG of them is about 3 MB.
    noise = PILImage.frombytes("RGB", (1024, 1024), os.urandom(3 * 1024 * 1024))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    assert buffer.tell() > 2 * 1024 * 1024

    assert refusal(upload("logo.png", buffer.getvalue())).code == "file_too_large"


@pytest.mark.parametrize(("size"), [(4001, 40), (40, 4001)])
def test_no_side_may_exceed_4000_pixels(size):
    error = refusal(upload("logo.png", image_bytes("PNG", size=size)))

    assert error.code == "too_many_pixels"
    assert "4000 x 4000" in error.messages[0]


def test_the_pixel_count_is_limited(settings):
    settings.MEMBER_LOGO_MAX_PIXELS = 64 * 48 - 1

    error = refusal(upload("logo.png", image_bytes("PNG")))

    assert error.code == "too_many_pixels"
    assert "3,072 pixels" in error.messages[0]


@pytest.mark.parametrize("size", [(100_000, 100_000), (2**31 - 1, 2**31 - 1)])
def test_a_decompression_bomb_is_refused_from_its_header(size):
    error = refusal(upload("logo.png", png_claiming(*size)))

    assert error.code == "too_many_pixels"


def test_a_bomb_within_the_side_limit_is_refused_by_its_pixel_count(settings):
    settings.MEMBER_LOGO_MAX_PIXELS = 1_000_000

    error = refusal(upload("logo.png", png_claiming(2000, 2000)))

    assert error.code == "too_many_pixels"
    assert "4,000,000 pixels" in error.messages[0]


@pytest.mark.parametrize("size", [(31, 64), (64, 31), (1, 1)])
def test_tiny_images_are_refused(size):
    error = refusal(upload("logo.png", image_bytes("PNG", size=size)))

    assert error.code == "too_small"


@pytest.mark.django_db
def test_store_logo_files_the_image_in_member_logos(_media_root):
    organisation = OrganisationFactory(name="Harzer Chemiewerk", slug="harzer-chemiewerk")
    member = MemberFactory()

    image = store_logo(
        upload("Mein Logo.png", image_bytes("PNG")), organisation=organisation, user=member
    )
    second = store_logo(
        upload("logo.webp", image_bytes("WEBP")), organisation=organisation, user=member
    )

    collection = Collection.objects.get(name=LOGO_COLLECTION)
    assert collection.get_parent() == Collection.get_first_root_node()
    assert image.collection == second.collection == collection
    assert image.title == "Logo Harzer Chemiewerk"
    assert image.uploaded_by_user == member
    assert (image.width, image.height, image.file_size) == (64, 48, len(image_bytes("PNG")))
    assert image.file_hash
    stored = Path(_media_root) / image.file.name
    assert stored.is_file()
    # A random part keeps the address of a logo still in review from being guessed.
    assert re.fullmatch(r"harzer-chemiewerk-logo-[0-9a-f]{8}\.png", stored.name)
    assert re.fullmatch(r"harzer-chemiewerk-logo-[0-9a-f]{8}\.webp", Path(second.file.name).name)

    discard_logo_file(image)

    assert not stored.exists()


@pytest.mark.django_db
def test_store_logo_refuses_what_validate_logo_refuses():
    organisation = OrganisationFactory()

    with pytest.raises(ValidationError):
        store_logo(upload("logo.png", SVG), organisation=organisation, user=None)

    assert not Collection.objects.filter(name=LOGO_COLLECTION).exists()
