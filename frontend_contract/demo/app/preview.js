// @ts-check
/**
 * The preview route, `/_preview?token=...`, where the hub's admin sends staff who click
 * "Preview": the frontend reads the draft from `GET /api/v1/preview/?token=` and renders it
 * with the renderers of live pages, under a banner that says it is a preview.
 *
 * Page slugs never start with `_`, so the route cannot hide a page. Preview answers are
 * never cached (the hub sends `Cache-Control: no-store`), and the route asks search
 * engines not to index it.
 */

import { ApiProblem } from "./api.js";
import { el } from "./dom.js";
import { formatDate, stringsFor } from "./i18n.js";

/** The path of the preview route (the value of the hub's "Frontend preview URL"). */
export const PREVIEW_PATH = "/_preview";

const BANNER_ID = "preview-banner";

/**
 * The token in the address of the preview route ("" without one; the API answers 400).
 *
 * @param {Location} address
 */
export function previewToken(address) {
  return new URLSearchParams(address.search).get("token") ?? "";
}

/**
 * Shows the banner above the page: "Vorschau / Preview", what it shows and, when known,
 * until when the link works.
 *
 * @param {string} locale
 * @param {string | null} expiresAt
 */
export function showPreviewBanner(locale, expiresAt) {
  const strings = stringsFor(locale);
  removePreviewBanner();
  const banner = el(
    "div",
    { class: "preview-banner", id: BANNER_ID, role: "status" },
    el("strong", { class: "preview-banner__label" }, strings.previewLabel),
    el("span", {}, strings.previewNote),
    expiresAt &&
      el(
        "span",
        { class: "preview-banner__expiry" },
        `${strings.previewValidUntil} ${formatDate(expiresAt, locale, { withTime: true })}`,
      ),
  );
  document.body.prepend(banner);
  // A preview is no page of the site: keep it out of search engines (updateHead removes
  // the tag again on the next page).
  document.head.appendChild(
    el("meta", { name: "robots", content: "noindex", "data-page-meta": "" }),
  );
  document.body.dataset.preview = "true";
}

/** Removes the banner (and the marks of a preview) before another view is shown. */
export function removePreviewBanner() {
  document.getElementById(BANNER_ID)?.remove();
  delete document.body.dataset.preview;
  delete document.body.dataset.previewProblem;
}

/**
 * Why the draft cannot be shown, as a kind (for `data-preview-problem`), a title and a
 * text for staff.
 *
 * @param {unknown} error
 * @param {string} locale
 * @returns {{kind: string, title: string, text: string}}
 */
export function previewProblem(error, locale) {
  const strings = stringsFor(locale);
  const status = error instanceof ApiProblem ? error.status : null;
  switch (status) {
    case 401:
      return {
        kind: "expired",
        title: strings.previewExpiredTitle,
        text: strings.previewExpiredText,
      };
    case 403:
      return {
        kind: "invalid",
        title: strings.previewInvalidTitle,
        text: strings.previewInvalidText,
      };
    case 400:
      return {
        kind: "missing",
        title: strings.previewMissingTitle,
        text: strings.previewMissingText,
      };
    case 404:
      return { kind: "gone", title: strings.previewGoneTitle, text: strings.previewGoneText };
    default:
      return { kind: "unavailable", title: strings.errorTitle, text: strings.errorText };
  }
}
