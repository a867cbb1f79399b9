// @ts-check
/**
 * A page's content: title and lead, the fields of the featured page types rendered by hand
 * (newsletter issue, event, news, project, cluster), every other field by its shape, and,
 * for index pages, the list of their children from the pages endpoint.
 */

import { isStream, renderStream } from "./blocks.js";
import { el, richText } from "./dom.js";
import { COMMON_FIELDS, LEAD_FIELDS, factList, fieldSection } from "./fields.js";
import { formatDate } from "./i18n.js";
import { documentLink, externalLink, figure, imageElement } from "./media.js";
import { fundingFacts, organisationCard, personName, quotation } from "./snippets.js";

/** @typedef {import("./types.js").PageDetail} PageDetail */
/** @typedef {import("./types.js").PageListItem} PageListItem */
/** @typedef {import("./blocks.js").RenderContext} RenderContext */

/**
 * A definition list of label/value rows; rows without a value are left out.
 *
 * @param {[string, Node | string | null | undefined | false][]} rows
 * @param {string} [className]
 */
function facts(rows, className = "facts") {
  const items = rows
    .filter(([, value]) => value)
    .map(([label, value]) => el("div", {}, el("dt", {}, label), el("dd", {}, value)));
  return items.length ? el("dl", { class: className }, items) : null;
}

/**
 * A section with a heading, or null without content.
 *
 * @param {string} name data-field of the section
 * @param {string} heading
 * @param {Node | null | undefined} content
 */
function section(name, heading, content) {
  if (!content) return null;
  return el(
    "section",
    { class: `field field--${name}`, "data-field": name },
    el("h2", {}, heading),
    content,
  );
}

/**
 * @typedef {{fields: string[],
 *   render: (page: PageDetail, context: RenderContext) => (Node | null)[]}} TypeRenderer
 * `fields` are the page fields `render` shows; the generic renderer skips them.
 */

/** @type {Record<string, TypeRenderer>} */
const TYPE_RENDERERS = {
  newsletter_issue: {
    fields: [
      "issue_number",
      "year",
      "quarter",
      "theme",
      "publication_date",
      "cover_image",
      "editorial",
      "articles",
      "pdf_edition",
    ],
    render(page, { locale, strings }) {
      const issue = page.issue_number && page.year ? `${page.issue_number}/${page.year}` : null;
      return [
        page.theme && el("p", { class: "page__subtitle" }, page.theme),
        facts([
          [strings.issue, issue && (page.quarter ? `${issue} (Q${page.quarter})` : issue)],
          [strings.published, formatDate(page.publication_date, locale)],
          [strings.pdfEdition, documentLink(page.pdf_edition, locale)],
        ]),
        figure(page.cover_image, { className: "figure page__cover" }),
        section("editorial", strings.editorial, richText(page.editorial)),
        isStream(page.articles) && page.articles.length > 0
          ? section(
              "articles",
              strings.articles,
              renderStream(page.articles, { locale, strings }, "stream newsletter-articles"),
            )
          : null,
      ];
    },
  },

  event: {
    fields: [
      "start",
      "end",
      "all_day",
      "format",
      "venue",
      "venue_name",
      "street",
      "postal_code",
      "city",
      "online_url",
      "registration_url",
      "registration_deadline",
      "fee_note",
      "organiser",
    ],
    render(page, { locale, strings }) {
      const withTime = !page.all_day;
      const when = [
        formatDate(page.start, locale, { withTime }),
        formatDate(page.end, locale, { withTime }),
      ]
        .filter(Boolean)
        .join(" – ");
      // The venue as the API groups it, or as separate fields.
      const venue = page.venue && typeof page.venue === "object" ? page.venue : page;
      const where = [
        venue.venue_name ?? venue.name,
        venue.street,
        [venue.postal_code, venue.city].filter(Boolean).join(" "),
      ]
        .filter(Boolean)
        .join(", ");
      return [
        facts(
          [
            [strings.when, when],
            [strings.format, page.format],
            [strings.where, where],
            [strings.online, externalLink(page.online_url)],
            [strings.registration, externalLink(page.registration_url)],
            [strings.registrationDeadline, formatDate(page.registration_deadline, locale)],
            [strings.fee, page.fee_note],
            [strings.organiser, page.organiser?.name],
          ],
          "facts event__facts",
        ),
      ];
    },
  },

  news: {
    fields: ["date", "image", "author", "topics"],
    render(page, { locale, strings }) {
      return [
        facts([
          [strings.date, formatDate(page.date, locale)],
          [strings.by, personName(page.author)],
          [
            strings.topics,
            (page.topics ?? []).map((/** @type {any} */ topic) => topic.name).join(", "),
          ],
        ]),
        figure(page.image, { className: "figure page__image" }),
      ];
    },
  },

  project: {
    fields: [
      "status",
      "start_date",
      "end_date",
      "lead_organisation",
      "goals",
      "partners",
      "fundings",
    ],
    render(page, context) {
      const { locale, strings } = context;
      const period = [formatDate(page.start_date, locale), formatDate(page.end_date, locale)]
        .filter(Boolean)
        .join(" – ");
      const partners = (page.partners ?? []).filter(
        (/** @type {any} */ partner) => partner.organisation,
      );
      const fundings = page.fundings ?? [];
      return [
        facts([
          [strings.status, page.status],
          [strings.period, period],
          [strings.leadOrganisation, page.lead_organisation?.name],
        ]),
        section("goals", strings.goals, richText(page.goals)),
        section(
          "partners",
          strings.partners,
          partners.length
            ? el(
                "div",
                { class: "cards" },
                partners.map((/** @type {any} */ partner) =>
                  organisationCard(partner.organisation, {
                    role: partner.role,
                    websiteLabel: strings.website,
                  }),
                ),
              )
            : null,
        ),
        section(
          "fundings",
          strings.funding,
          fundings.length
            ? el(
                "div",
                {},
                fundings.map((/** @type {any} */ funding) =>
                  el(
                    "div",
                    { class: "funding" },
                    el("h3", {}, funding.title),
                    fundingFacts(funding, locale),
                  ),
                ),
              )
            : null,
        ),
      ];
    },
  },

  cluster: {
    fields: ["vision", "vision_author"],
    render(page) {
      if (!page.vision) return [];
      return [
        quotation({
          text: page.vision,
          attribution: personName(page.vision_author),
          role: page.vision_author?.position,
        }),
      ];
    },
  },
};

// Page types whose children are the point of the page: they get a list of them.
const INDEX_TYPES = new Set([
  "cluster_index",
  "project_index",
  "event_index",
  "news_index",
  "newsletter_series",
  "document_series",
]);

/**
 * The header of a page: title and lead paragraph.
 *
 * @param {PageDetail} page
 */
function pageHeader(page) {
  const lead = LEAD_FIELDS.map((name) => page[name]).find(
    (value) => typeof value === "string" && value,
  );
  return el(
    "header",
    { class: "page__header" },
    el("h1", { class: "page__title" }, page.title),
    lead && el("p", { class: "page__lead" }, lead),
  );
}

/**
 * The page's content inside `<article>`.
 *
 * @param {PageDetail} page
 * @param {RenderContext} context
 * @returns {HTMLElement}
 */
export function renderPage(page, context) {
  const typeRenderer = TYPE_RENDERERS[page.type];
  const handled = new Set([...COMMON_FIELDS, ...LEAD_FIELDS, ...(typeRenderer?.fields ?? [])]);
  const remaining = Object.entries(page).filter(([name]) => !handled.has(name));

  return el(
    "article",
    { class: `page page--${page.type}`, "data-page-type": page.type, "data-page-id": page.id },
    pageHeader(page),
    typeRenderer?.render(page, context) ?? [],
    factList(remaining, context),
    remaining.map(([name, value]) => fieldSection(name, value, context)),
    INDEX_TYPES.has(page.type) && el("section", { class: "children", "data-children-of": page.id }),
  );
}

/**
 * Teasers for the children of an index page, from the compact list items.
 *
 * @param {PageListItem[]} items
 * @param {RenderContext} context
 */
export function childList(items, { locale, strings }) {
  if (!items.length) return null;
  return [
    el("h2", {}, strings.inThisSection),
    el(
      "ul",
      { class: "teasers" },
      items.map((item) =>
        el(
          "li",
          { class: "teaser", "data-page-type": item.type },
          imageElement(item.listing_image, { rendition: "thumbnail" }),
          el("h3", {}, el("a", { href: item.path }, item.listing_title || item.title)),
          item.listing_summary && el("p", {}, item.listing_summary),
          item.first_published_at &&
            el("p", { class: "teaser__date" }, formatDate(item.first_published_at, locale)),
        ),
      ),
    ),
  ];
}
