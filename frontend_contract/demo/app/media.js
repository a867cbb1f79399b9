// @ts-check
/**
 * Images, documents and links as the API gives them.
 */

import { el } from "./dom.js";
import { formatFileSize } from "./i18n.js";

/** @typedef {import("./types.js").Image} Image */
/** @typedef {import("./types.js").Document} Document */
/** @typedef {import("./types.js").PageLink} PageLink */

/**
 * A responsive `<img>`: the medium rendition as `src`, every width rendition in `srcset`,
 * and the rendition's width and height so the browser reserves the space before it loads.
 *
 * @param {Image | null | undefined} image
 * @param {{sizes?: string, rendition?: "thumbnail" | "small" | "medium" | "large",
 *   alt?: string}} [options] `alt` replaces the image's own alt text (e.g. a block's)
 * @returns {HTMLImageElement | null}
 */
export function imageElement(
  image,
  { sizes = "(min-width: 64rem) 60rem, 100vw", rendition = "medium", alt } = {},
) {
  if (!image) return null;
  const chosen = image.renditions?.[rendition];
  // The thumbnail is a crop of its own, so a srcset of full-width renditions would not match it.
  const srcset = rendition === "thumbnail" ? null : image.srcset || null;
  return el("img", {
    src: chosen?.url ?? "",
    srcset,
    sizes: srcset ? sizes : null,
    alt: alt ?? image.alt ?? "",
    width: chosen?.width ?? image.width,
    height: chosen?.height ?? image.height,
    loading: "lazy",
    decoding: "async",
    "data-image-id": image.id,
  });
}

/**
 * A figure with an image and, when given, its caption and credit.
 *
 * @param {Image | null | undefined} image
 * @param {{caption?: string, credit?: string, alt?: string, className?: string}} [options]
 */
export function figure(image, { caption, credit, alt, className = "figure" } = {}) {
  const img = imageElement(image, { alt });
  if (!img) return null;
  const hasCaption = Boolean(caption || credit);
  return el(
    "figure",
    { class: className },
    img,
    hasCaption &&
      el(
        "figcaption",
        {},
        caption,
        credit && el("span", { class: "figure__credit" }, caption ? ` ${credit}` : credit),
      ),
  );
}

/**
 * A download link for a document: its title, file type and size.
 *
 * @param {Document | null | undefined} document
 * @param {string} locale
 * @param {{title?: string}} [options] `title` replaces the document's own title
 */
export function documentLink(document, locale, { title } = {}) {
  if (!document) return null;
  const size = formatFileSize(document.file_size, locale);
  const kind = document.file_extension ? document.file_extension.toUpperCase() : "";
  const facts = [kind, size].filter(Boolean).join(", ");
  return el(
    "a",
    { class: "document-link", href: document.url, download: document.filename || true },
    title || document.title,
    facts && el("span", { class: "document-link__facts" }, ` (${facts})`),
  );
}

/**
 * The address a link value points at: a page of the hub (its frontend path, handled by the
 * router) or an external URL.
 *
 * @param {{page?: PageLink | null, url?: string | null} | null | undefined} link
 * @returns {string | null}
 */
export function linkTarget(link) {
  if (!link) return null;
  return link.page?.path || link.url || null;
}

/**
 * An `<a>` for a link value (`{page, url, label}`), or null when it points nowhere.
 *
 * @param {{page?: PageLink | null, url?: string | null, label?: string | null}
 *   | null | undefined} link
 * @param {string} [className]
 */
export function linkElement(link, className = "link") {
  const href = linkTarget(link);
  if (!link || !href) return null;
  const external = !link.page?.path;
  return el(
    "a",
    { class: className, href, rel: external ? "noopener" : null },
    link.label || link.page?.title || href,
  );
}

/**
 * An external link (website, registration page) opened like any other link.
 *
 * @param {string | null | undefined} url
 * @param {string} [label]
 */
export function externalLink(url, label) {
  if (!url) return null;
  return el("a", { href: url, rel: "noopener" }, label || url);
}
