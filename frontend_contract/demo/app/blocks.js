// @ts-check
/**
 * StreamField blocks: one renderer per block type, a visible fallback for the rest.
 *
 * The API gives a StreamField as `[{type, id, value}, ...]` with a value typed per block
 * type (frontend_contract/openapi.json describes each). The contract allows new block types
 * to appear in v1, so a frontend must not break on a type it does not know: this one shows
 * a labelled placeholder, which a production frontend would leave out.
 */

import { el, headingTag, richText } from "./dom.js";
import { documentLink, figure, imageElement, linkElement, linkTarget } from "./media.js";
import {
  fundingFacts,
  organisationCard,
  personCard,
  personName,
  quotation,
  quoteSnippet,
} from "./snippets.js";

/** @typedef {import("./types.js").StreamBlock} StreamBlock */
/** @typedef {{locale: string, strings: import("./i18n.js").Strings}} RenderContext */
/** @typedef {(value: any, context: RenderContext) => (Node | null)} BlockRenderer */

/**
 * An optional heading above a block's items.
 *
 * @param {string | undefined} text
 */
function blockHeading(text) {
  return text ? el("h2", { class: "block__heading" }, text) : null;
}

/**
 * @param {{image?: any, caption?: string, credit?: string} | null | undefined} value
 */
function imageFigure(value) {
  if (!value) return null;
  return figure(value.image, { caption: value.caption, credit: value.credit });
}

/** @type {Record<string, BlockRenderer>} */
export const BLOCK_RENDERERS = {
  heading: (value) => el(headingTag(value.level), { class: "heading" }, value.text),

  paragraph: (html) => richText(html),

  quote: (value) =>
    quotation({ text: value.text, attribution: value.attribution, role: value.role }),

  accordion: (value) =>
    el(
      "section",
      { class: "accordion" },
      blockHeading(value.heading),
      (value.items ?? []).map((/** @type {any} */ item) =>
        el(
          "details",
          { class: "accordion__item" },
          el("summary", {}, item.question),
          richText(item.answer),
        ),
      ),
    ),

  call_to_action: (value) =>
    el(
      "aside",
      { class: "call-to-action" },
      el("h2", {}, value.title),
      value.text && el("p", {}, value.text),
      linkElement({ page: value.page, url: value.url, label: value.label }, "button"),
    ),

  image: (value) => imageFigure(value),

  gallery: (value) =>
    el(
      "section",
      { class: "gallery" },
      blockHeading(value.heading),
      el("div", { class: "gallery__grid" }, (value.images ?? []).map(imageFigure)),
    ),

  // A video is shown as a link with the provider's preview image, not as the provider's
  // player HTML: the frontend inserts no third-party markup, and the video site is only
  // contacted when the visitor chooses to go there (as a consent notice would require).
  embed: (value, { strings }) => {
    const video = value.video ?? {};
    const preview = video.thumbnail_url
      ? el("img", { src: video.thumbnail_url, alt: "", loading: "lazy" })
      : null;
    return el(
      "figure",
      { class: "embed" },
      el(
        "a",
        { class: "embed__link", href: video.url, rel: "noopener" },
        preview,
        el("span", {}, `${strings.watchVideo}: ${value.title || video.title || video.url}`),
      ),
      value.caption && el("figcaption", {}, value.caption),
    );
  },

  document: (value, { locale }) =>
    el(
      "div",
      { class: "document" },
      documentLink(value.document, locale, { title: value.title }),
      value.description && el("p", {}, value.description),
    ),

  key_figures: (value) =>
    el(
      "section",
      { class: "key-figures" },
      blockHeading(value.heading),
      el(
        "dl",
        {},
        (value.items ?? []).map((/** @type {any} */ item) =>
          el(
            "div",
            { class: "key-figure" },
            el("dt", {}, item.label),
            el("dd", {}, [item.value, item.unit].filter(Boolean).join(" ")),
          ),
        ),
      ),
    ),

  timeline: (value) =>
    el(
      "section",
      { class: "timeline" },
      blockHeading(value.heading),
      el(
        "ol",
        {},
        (value.items ?? []).map((/** @type {any} */ item) =>
          el(
            "li",
            {},
            el("p", { class: "timeline__date" }, item.date_label),
            el("h3", {}, item.title),
            richText(item.text),
          ),
        ),
      ),
    ),

  quote_snippet: (quote) => quoteSnippet(quote),

  funding_notice: (value, { locale }) =>
    el(
      "aside",
      { class: "funding-notice" },
      imageElement(value.emblem, { rendition: "small" }),
      el("p", {}, value.notice),
      fundingFacts(value.funding, locale),
    ),

  people: (value) =>
    el(
      "section",
      { class: "people" },
      blockHeading(value.heading),
      el(
        "div",
        { class: "cards" },
        (value.people ?? []).filter(Boolean).map((/** @type {any} */ person) => personCard(person)),
      ),
    ),

  organisations: (value, { strings }) =>
    el(
      "section",
      { class: "organisations" },
      blockHeading(value.heading),
      el(
        "div",
        { class: "cards" },
        (value.organisations ?? [])
          .filter(Boolean)
          .map((/** @type {any} */ organisation) =>
            organisationCard(organisation, { websiteLabel: strings.website }),
          ),
      ),
    ),

  // One article of a newsletter issue.
  article: (value, { strings }) => {
    const author = personName(value.author) || value.author_name;
    return el(
      "article",
      { class: "newsletter-article" },
      el("h2", { class: "newsletter-article__headline" }, value.headline),
      value.teaser && el("p", { class: "newsletter-article__teaser" }, value.teaser),
      figure(value.image, { className: "figure newsletter-article__image" }),
      richText(value.body),
      author && el("p", { class: "newsletter-article__author" }, `${strings.by} ${author}`),
      linkTarget(value.related_link) && el("p", {}, linkElement(value.related_link)),
    );
  },

  // A cluster's field of action (Handlungsfeld) with its measures.
  field_of_action: (value) =>
    el(
      "section",
      { class: "field-of-action" },
      el("h3", {}, value.title),
      value.summary && el("p", {}, value.summary),
      value.measures?.length > 0 &&
        el(
          "ul",
          {},
          value.measures.map((/** @type {any} */ measure) =>
            el(
              "li",
              {},
              el("strong", {}, measure.title),
              measure.description && ` – ${measure.description}`,
            ),
          ),
        ),
    ),
};

/**
 * A block of a type this frontend has no renderer for: visible, with its type name.
 *
 * @param {StreamBlock} block
 * @param {RenderContext} context
 */
function unknownBlock(block, { strings }) {
  return el("p", { class: "block--unknown" }, `${strings.unknownBlock}: „${block.type}“`);
}

/**
 * One block wrapped in an element that names its type (`data-block-type`) and id.
 *
 * @param {StreamBlock} block
 * @param {RenderContext} context
 */
export function renderBlock(block, context) {
  const renderer = BLOCK_RENDERERS[block.type];
  const content = renderer ? renderer(block.value, context) : unknownBlock(block, context);
  return el(
    "div",
    {
      class: `block block--${block.type}`,
      "data-block-type": block.type,
      "data-block-id": block.id,
    },
    content,
  );
}

/**
 * A whole StreamField.
 *
 * @param {StreamBlock[]} blocks
 * @param {RenderContext} context
 * @param {string} [className]
 */
export function renderStream(blocks, context, className = "stream") {
  return el(
    "div",
    { class: className },
    blocks.map((block) => renderBlock(block, context)),
  );
}

/**
 * Whether a field's value is a StreamField (a list of `{type, id, value}`).
 *
 * @param {unknown} value
 * @returns {value is StreamBlock[]}
 */
export function isStream(value) {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        item !== null &&
        typeof item === "object" &&
        "type" in item &&
        "id" in item &&
        "value" in item,
    )
  );
}
