"""An issue as an email: an HTML and a plain-text edition in one reader's language.

The content is the issue's live translation in the reader's locale where one exists,
otherwise the German issue; the frame (headings, "read online", the unsubscribe line) is
always in the reader's language. Test sends render the latest revision instead (drafts
included), of the translation where one exists.

Everything a mail links to is absolute: pages lead to their frontend (the site's
``FrontendSettings.base_url`` and the path the API gives the page), documents and image
renditions to the hub (``WAGTAILADMIN_BASE_URL``). Internal links in rich text are
resolved as the API resolves them (api/serializers/rich_text.py): to the live, public
translation in the content's locale, else the page itself, else the link is dropped and
its text kept.

An edition is rendered once per language and mailing batch and then personalised per
recipient by filling in the unsubscribe link (``RenderedEdition.for_recipient``).
"""

import hashlib
import re
from dataclasses import dataclass
from functools import partial
from types import SimpleNamespace

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from wagtail.images.formats import get_image_format
from wagtail.models import Locale, Page, Site
from wagtail.rich_text.rewriters import FIND_EMBED_TAG, extract_attrs

from api.selectors.pages import page_location
from api.serializers.blocks.resolution import References
from api.serializers.images import image_alt_text
from api.serializers.rich_text import LINK_ELEMENT, reference_id, rich_text_references
from api.serializers.urls import absolute_url
from hub.newsletter.plaintext import html_to_text
from hub.newsletter.texts import mail_language, texts_for
from pages.models import NewsletterIssuePage, NewsletterSeriesPage
from pages.selectors import frontend_base_url

# Width of the mail's content column in CSS pixels; images are rendered at twice that at
# most (sharp on high-density screens) and shown at their width attribute.
COLUMN_WIDTH = 600
IMAGE_FILTER = "width-1200"
UNSUBSCRIBE_PLACEHOLDER = "__NEWSLETTER_UNSUBSCRIBE_URL__"
NOTICE_PLACEHOLDER = "__NEWSLETTER_NOTICE__"

TEXT_STYLE = "font-family:Arial,Helvetica,sans-serif;color:#1f2933;"
ELEMENT_STYLES = {
    "p": "margin:0 0 16px;font-size:16px;line-height:1.5;",
    "h2": "margin:24px 0 12px;font-size:22px;line-height:1.3;",
    "h3": "margin:20px 0 10px;font-size:19px;line-height:1.3;",
    "h4": "margin:16px 0 8px;font-size:17px;line-height:1.3;",
    "ul": "margin:0 0 16px;padding-left:24px;",
    "ol": "margin:0 0 16px;padding-left:24px;",
    "li": "margin:0 0 6px;font-size:16px;line-height:1.5;",
}
LINK_STYLE = "color:#0b5cab;text-decoration:underline;"
STYLED_ELEMENT = re.compile(r"<(p|h2|h3|h4|ul|ol|li)(\s[^>]*)?>")


class EditionError(Exception):
    """The issue cannot be made into a mail (the message says why, for the editor)."""


@dataclass(frozen=True)
class RenderedEdition:
    """An issue rendered for readers of one language, without personal links."""

    subject: str
    html: str
    text: str
    language_code: str
    content_page: NewsletterIssuePage
    # The revision of ``content_page`` that was rendered (None for a page without any).
    revision_id: int | None

    @property
    def digest(self) -> str:
        """SHA-256 of what every reader gets: two renderings with the same digest look
        the same in every mailbox."""
        content = "\x00".join((self.subject, self.html, self.text)).encode()
        return hashlib.sha256(content).hexdigest()

    def for_recipient(self, *, unsubscribe_url: str, test: bool = False) -> tuple[str, str, str]:
        """``(subject, html, text)`` with the recipient's unsubscribe link; a test send
        says so at the top."""
        texts = texts_for(self.language_code)
        html_notice = text_notice = ""
        subject = self.subject
        if test:
            subject = f"[Test] {subject}"
            html_notice = format_html(
                '<p style="margin:0;padding:12px 16px;background:#fff4ce;{}">{}</p>',
                TEXT_STYLE,
                texts["test_notice"],
            )
            text_notice = f"*** {texts['test_notice']} ***\n\n"
        html = self.html.replace(UNSUBSCRIBE_PLACEHOLDER, escape(unsubscribe_url)).replace(
            NOTICE_PLACEHOLDER, html_notice
        )
        text = self.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url).replace(
            NOTICE_PLACEHOLDER + "\n", text_notice
        )
        return subject, html, text


def content_page(
    issue: NewsletterIssuePage, *, locale: Locale, latest_revision: bool = False
) -> tuple[NewsletterIssuePage, int | None]:
    """The page whose content readers in ``locale`` get (see the module doc), as stored
    now (not as ``issue`` may have been changed in memory), with the id of the revision
    that holds it."""
    candidates = NewsletterIssuePage.objects.filter(
        Q(pk=issue.pk)
        | Q(translation_key=issue.translation_key, locale_id=locale.pk, alias_of__isnull=True)
    ).select_related("locale")
    page = translation = None
    for candidate in candidates:
        if candidate.pk == issue.pk:
            page = candidate
        elif latest_revision or candidate.live:
            translation = candidate
    page = translation or page
    if page is None:
        raise EditionError("The issue no longer exists.")
    if not latest_revision:
        return page, page.live_revision_id
    revision = page.get_latest_revision()
    if revision is None:
        return page, None
    return revision.as_object(), revision.pk


def render_edition(
    issue: NewsletterIssuePage, *, locale: Locale, latest_revision: bool = False
) -> RenderedEdition:
    """``issue`` (the German source) as a mail for readers in ``locale``."""
    page, revision_id = content_page(issue, locale=locale, latest_revision=latest_revision)
    # Holds Wagtail's site root paths and the frontend base URLs between lookups, as a
    # request does in the API.
    lookups = SimpleNamespace()
    references = References(locale=page.locale, request=lookups)

    location = page_location(page=page, request=lookups)
    if location is None or location.url is None:
        raise EditionError(
            "The issue's site has no frontend base URL, so the mail's links would lead "
            "nowhere. Set it under Settings → Frontend."
        )
    site = Site.objects.get(pk=location.site_id)
    series = page.get_parent().specific
    series_name = _series_name(series)
    texts = texts_for(locale.language_code, series=series_name, site=site.site_name)

    subject = _subject(page, series_name)
    context = {
        "t": texts,
        "language": mail_language(locale.language_code),
        "content_language": page.locale.language_code,
        "subject": subject,
        "issue": page,
        "issue_label": _issue_label(page),
        "read_online_url": location.url,
        "cover": _email_image(page.cover_image, width=COLUMN_WIDTH),
        "editorial_html": _rich_text(page.editorial, references),
        "articles": [
            _article(block.value, references, texts) for block in page.articles if block.value
        ],
        "pdf_url": absolute_url(page.pdf_edition.url) if page.pdf_edition else None,
        "site_name": site.site_name,
        "site_url": frontend_base_url(site_id=site.pk, request=lookups) + "/",
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        "notice": NOTICE_PLACEHOLDER,
    }
    html = render_to_string("newsletter/email/edition.html", context)
    context |= {
        "editorial_text": html_to_text(context["editorial_html"]),
        "articles": [
            article | {"body_text": html_to_text(article["body_html"])}
            for article in context["articles"]
        ],
    }
    text = render_to_string("newsletter/email/edition.txt", context)
    return RenderedEdition(
        subject=subject,
        html=html,
        text=_tidy_text(text),
        language_code=locale.language_code,
        content_page=page,
        revision_id=revision_id,
    )


def _series_name(series) -> str:
    if isinstance(series, NewsletterSeriesPage):
        return series.short_name or series.title
    return series.title if series is not None else ""


def _issue_label(page: NewsletterIssuePage) -> str:
    if page.issue_number and page.year:
        return f"{page.issue_number}/{page.year}"
    return ""


def _subject(page: NewsletterIssuePage, series_name: str) -> str:
    """e.g. "CKnews 2/2026 – Kreislaufwirtschaft"; the title for issues without number."""  # noqa: RUF002
    label = _issue_label(page)
    subject = f"{series_name} {label}".strip() if label else page.title
    return f"{subject} \u2013 {page.theme}" if page.theme else subject


def _frontend_url(page: Page | None, lookups) -> str | None:
    location = page_location(page=page, request=lookups) if page is not None else None
    return location.url if location is not None else None


def _email_image(image, *, width: int, alt: str | None = None) -> dict | None:
    """An image as the mail shows it: absolute rendition URL, display size, alt text."""
    if image is None:
        return None
    rendition = image.get_rendition(IMAGE_FILTER)
    shown_width = min(width, rendition.width)
    return {
        "url": absolute_url(rendition.url),
        "width": shown_width,
        "height": round(rendition.height * shown_width / rendition.width),
        "alt": image_alt_text(image) if alt is None else alt,
    }


def _article(value, references: References, texts: dict[str, str]) -> dict:
    author = value.get("author")
    if author is not None:
        author = references.snippet(author) or author
    author_name = author.full_name if author is not None else value.get("author_name", "")
    link = value.get("related_link") or {}
    link_url = None
    if link.get("page"):
        target = references.page(link["page"].pk)
        link_url = _frontend_url(target, references.request)
    elif link.get("url"):
        link_url = link["url"]
    return {
        "headline": value["headline"],
        "teaser": value["teaser"],
        "image": _email_image(value.get("image"), width=COLUMN_WIDTH - 48),
        "body_html": _rich_text(value["body"], references),
        "byline": texts["by_author"].format(author=author_name) if author_name else "",
        "link_url": link_url,
        "link_label": link.get("label") or "",
    }


def _rich_text(value, references: References) -> str:
    """Rich text from the database as mail HTML: references resolved to absolute URLs,
    inline styles on its elements."""
    html = value.source if hasattr(value, "source") else (value or "")
    found = rich_text_references(html)
    references.load_pages(found.page_ids)
    references.load_documents(found.document_ids)
    references.load_images(found.image_ids)
    html = LINK_ELEMENT.sub(partial(_link, references=references), html)
    html = FIND_EMBED_TAG.sub(partial(_embedded_image, references=references), html)
    html = STYLED_ELEMENT.sub(
        lambda match: f'<{match[1]} style="{ELEMENT_STYLES[match[1]]}"{match[2] or ""}>', html
    )
    # The editor's HTML, whitelisted when it was saved, with addresses escaped above.
    return mark_safe(html)


def _link(match: re.Match, *, references: References) -> str:
    attrs, text = extract_attrs(match.group(1)), match.group(2)
    link_type = attrs.get("linktype")
    pk = reference_id(attrs)
    if link_type is None:
        href = attrs.get("href")
        if not href or href.startswith("#"):
            return text  # anchors lead nowhere outside the page
    elif link_type == "page" and pk is not None:
        href = _frontend_url(references.page(pk), references.request)
    elif link_type == "document" and pk is not None:
        document = references.document(pk)
        href = absolute_url(document.url) if document is not None else None
    else:
        href = None
    if href is None:
        return text
    return format_html('<a href="{}" style="{}">', href, LINK_STYLE) + text + "</a>"


def _embedded_image(match: re.Match, *, references: References) -> str:
    attrs = extract_attrs(match.group(1))
    pk = reference_id(attrs)
    image = references.image(pk) if attrs.get("embedtype") == "image" and pk else None
    if image is None:
        return ""
    try:
        classname = get_image_format(attrs.get("format", "")).classname
    except KeyError:
        classname = ""
    alt = attrs.get("alt", image.default_alt_text)
    shown = _email_image(image, width=COLUMN_WIDTH - 48, alt=alt)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" class="{}" '
        'style="display:block;max-width:100%;height:auto;border:0;margin:0 0 16px;">',
        shown["url"],
        shown["width"],
        shown["height"],
        shown["alt"],
        classname,
    )


def _tidy_text(text: str) -> str:
    """The plain-text template's output without the blank lines its tags leave."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy) + "\n"
