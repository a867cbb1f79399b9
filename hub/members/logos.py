"""Checking and filing the logos that member companies upload.

A logo is judged by its content, never by the name or content type the client sends: it
must be a PNG, JPEG or WebP image that Pillow can decode, its file name must say the same,
and its size and pixel count are limited. SVG is refused outright, since it can carry
scripts. The pixel count is read from the image header before anything is decoded, so a
small file that would expand into gigabytes (a decompression bomb) costs nothing.
"""

import secrets
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

LOGO_COLLECTION = "Member logos"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_MAX_PIXELS = 16_000_000
MAX_SIDE = 4000
MIN_SIDE = 32

# File name endings that fit each accepted format; the first is used for stored files.
EXTENSIONS = {
    "PNG": (".png",),
    "JPEG": (".jpg", ".jpeg"),
    "WEBP": (".webp",),
}
FORMAT_NAMES = {"PNG": "PNG", "JPEG": "JPEG", "WEBP": "WebP"}
ACCEPTED = "upload PNG, JPEG or WebP"
SVG_REFUSED = "SVG logos are not accepted; upload PNG, JPEG or WebP."
# How much of a file is looked at to recognise SVG (the root element comes early).
SVG_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class LogoInfo:
    format: str  # "PNG", "JPEG" or "WEBP", from the content
    width: int
    height: int
    size: int  # bytes

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format][0]


def max_logo_bytes() -> int:
    return getattr(settings, "MEMBER_LOGO_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_logo_pixels() -> int:
    return getattr(settings, "MEMBER_LOGO_MAX_PIXELS", DEFAULT_MAX_PIXELS)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _file_size(uploaded_file) -> int:
    size = getattr(uploaded_file, "size", None)
    if size is None:
        uploaded_file.seek(0, 2)
        size = uploaded_file.tell()
    return size


def looks_like_svg(head: bytes) -> bool:
    """Whether the start of a file is SVG (or other XML with an ``<svg`` element).

    NUL bytes are dropped first so UTF-16 encoded SVG is recognised too.
    """
    text = head.replace(b"\x00", b"").lower()
    return b"<svg" in text or (text.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith(b"<?xml"))


def validate_logo(uploaded_file) -> LogoInfo:
    """Check an uploaded logo and describe it; raise ``ValidationError`` if it is refused.

    Leaves the file at its start, ready to be stored.
    """
    size = _file_size(uploaded_file)
    if size == 0:
        raise ValidationError("The logo file is empty.", code="empty")
    if size > max_logo_bytes():
        raise ValidationError(
            "The logo is %(size)s; at most %(limit)s is accepted.",
            code="file_too_large",
            params={"size": _megabytes(size), "limit": _megabytes(max_logo_bytes())},
        )
    try:
        return _inspect_image(uploaded_file, size)
    finally:
        uploaded_file.seek(0)


def _inspect_image(uploaded_file, size: int) -> LogoInfo:
    uploaded_file.seek(0)
    with warnings.catch_warnings():
        # The header's size is checked below against stricter limits than Pillow's.
        warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(uploaded_file, formats=list(EXTENSIONS))
        except PILImage.DecompressionBombError as error:
            raise ValidationError(
                "The logo has far too many pixels; at most %(side)s x %(side)s are accepted.",
                code="too_many_pixels",
                params={"side": MAX_SIDE},
            ) from error
        # Pillow signals unreadable input in many ways (UnidentifiedImageError, OSError,
        # struct.error, ...); any of them means "not an image it may open".
        except Exception as error:
            uploaded_file.seek(0)
            if looks_like_svg(uploaded_file.read(SVG_SNIFF_BYTES)):
                raise ValidationError(SVG_REFUSED, code="svg") from error
            raise _unsupported_type() from error

    with image:
        # Pillow names JPEGs with extra pictures (as phones write them) "MPO".
        image_format = "JPEG" if image.format == "MPO" else image.format
        width, height = image.size
    if image_format not in EXTENSIONS:
        raise _unsupported_type()
    _check_name(uploaded_file, image_format)
    _check_dimensions(width, height)
    _check_decodes(uploaded_file)
    return LogoInfo(format=image_format, width=width, height=height, size=size)


def _unsupported_type() -> ValidationError:
    return ValidationError(
        "The file is not a PNG, JPEG or WebP image; %(accepted)s.",
        code="unsupported_type",
        params={"accepted": ACCEPTED},
    )


def _check_name(uploaded_file, image_format: str) -> None:
    name = PurePath(getattr(uploaded_file, "name", "") or "").name
    extension = PurePath(name).suffix.lower()
    if extension in EXTENSIONS[image_format]:
        return
    expected = " or ".join(EXTENSIONS[image_format])
    shown = FORMAT_NAMES[image_format]
    if extension in {".svg", ".svgz"}:
        message = (
            "The file is named %(name)s but is a %(format)s image; SVG logos are not accepted. "
            "Rename the file to end in %(expected)s."
        )
    elif not extension:
        message = (
            "The file name %(name)s has no extension; a %(format)s image must end in %(expected)s."
        )
    else:
        message = (
            "The file is named %(name)s but is a %(format)s image; "
            "its name must end in %(expected)s."
        )
    raise ValidationError(
        message,
        code="extension_mismatch",
        params={"name": f"“{name}”", "format": shown, "expected": expected},
    )


def _check_dimensions(width: int, height: int) -> None:
    if width > MAX_SIDE or height > MAX_SIDE:
        raise ValidationError(
            "The logo is %(width)s x %(height)s pixels; at most %(side)s x %(side)s are accepted.",
            code="too_many_pixels",
            params={"width": width, "height": height, "side": MAX_SIDE},
        )
    if width * height > max_logo_pixels():
        raise ValidationError(
            "The logo has %(pixels)s pixels (%(width)s x %(height)s); at most %(limit)s are "
            "accepted.",
            code="too_many_pixels",
            params={
                "pixels": f"{width * height:,}",
                "width": width,
                "height": height,
                "limit": f"{max_logo_pixels():,}",
            },
        )
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ValidationError(
            "The logo is %(width)s x %(height)s pixels; it must be at least %(side)s x %(side)s.",
            code="too_small",
            params={"width": width, "height": height, "side": MIN_SIDE},
        )


def _check_decodes(uploaded_file) -> None:
    """Verify the file's structure (checksums) and decode it: truncated files fail here."""
    broken = ValidationError(
        "The logo image is damaged or incomplete and cannot be read.", code="broken_image"
    )
    try:
        uploaded_file.seek(0)
        with PILImage.open(uploaded_file) as image:
            image.verify()
        # verify() leaves the image unusable and does not decode JPEG data: open it again.
        uploaded_file.seek(0)
        with PILImage.open(uploaded_file) as image:
            image.load()
    # Decoding untrusted bytes can fail in any of Pillow's ways (OSError, SyntaxError,
    # struct.error, EOFError, ...): each is a broken file, never a server error.
    except Exception as error:
        raise broken from error


def member_logo_collection() -> Collection:
    """The "Member logos" collection under the root collection, created on first use."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=LOGO_COLLECTION).first()
    return existing or root.add_child(name=LOGO_COLLECTION)


def store_logo(uploaded_file, *, organisation, user):
    """Validate ``uploaded_file`` and save it as a Wagtail image in "Member logos".

    Raises ``ValidationError`` like :func:`validate_logo`. Call it inside the transaction
    that uses the image, as late as possible. A rolled-back transaction removes the image's
    row but not its file: the caller passes the image to :func:`discard_logo_file` when the
    transaction fails, so a failed submission leaves nothing in the media storage.
    """
    info = validate_logo(uploaded_file)
    base_name = slugify(organisation.slug or organisation.name) or "organisation"
    image = get_image_model()(
        title=f"Logo {organisation.name}"[:255],
        collection=member_logo_collection(),
        uploaded_by_user=user,
        width=info.width,
        height=info.height,
        file_size=info.size,
        file_hash=hash_filelike(uploaded_file),
    )
    uploaded_file.seek(0)
    # A random part keeps the address of a logo still in review from being guessed.
    file_name = f"{base_name}-logo-{secrets.token_hex(4)}{info.extension}"
    image.file = ImageFile(uploaded_file, name=file_name)
    image.save()
    return image


def discard_logo_file(image) -> None:
    """Delete a stored logo's file (its database row went with a rolled-back transaction)."""
    if image is not None and image.file.name:
        image.file.storage.delete(image.file.name)
