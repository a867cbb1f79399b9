// @ts-check
/**
 * Page fields that no type-specific renderer claimed, shown by the shape of their value.
 *
 * Every page type has fields of its own (frontend_contract/openapi.json lists them). The
 * reference frontend renders the fields of the types it features by hand (pages.js) and
 * everything else by recognising the contract's shapes — StreamField, image, document,
 * person, organisation, page link — so any page of the demo shows all of its content.
 * Strings are always text here; only the fields named in RICH_TEXT_FIELDS are rich text.
 */

import { isStream, renderStream } from "./blocks.js";
import { el, richText } from "./dom.js";
import { formatDate } from "./i18n.js";
import { documentLink, figure } from "./media.js";
import { fundingFacts, organisationCard, personCard } from "./snippets.js";

/** @typedef {import("./blocks.js").RenderContext} RenderContext */

/** The fields every page has; the page frame shows them (title, breadcrumbs, switcher). */
export const COMMON_FIELDS = new Set([
  "id",
  "type",
  "title",
  "locale",
  "path",
  "site",
  "url",
  "meta",
]);

/** Fields the contract types as rich text (HTML); all other strings are plain text. */
export const RICH_TEXT_FIELDS = new Set([
  "editorial",
  "goals",
  "region_description",
  "description",
  "biography",
]);

/** Plain-text fields shown as the lead paragraph under the title, in this order. */
export const LEAD_FIELDS = ["tagline", "intro", "summary"];

const FIELD_LABELS = /** @type {Record<string, Record<string, string>>} */ ({
  de: {
    body: "",
    goals: "Ziele",
    fields_of_action: "Handlungsfelder",
    documents: "Dokumente",
    gallery: "Bildergalerie",
    speakers: "Sprecher",
    management_contacts: "Clustermanagement",
    management_organisation: "Träger",
    organisation: "Organisation",
    partners: "Partner",
    fundings: "Förderung",
    topics: "Themen",
    region_description: "Region",
    brochure: "Broschüre",
    short_name: "Kurzname",
    frequency: "Erscheinungsweise",
    number_in_series: "Nummer",
    event_title: "Veranstaltung",
    event_date: "Datum",
    event_end_date: "Bis",
    venue: "Ort",
    city: "Stadt",
    related_event: "Zur Veranstaltung",
    website: "Website",
    founded: "Gegründet",
    group: "Gruppe",
  },
  en: {
    body: "",
    goals: "Goals",
    fields_of_action: "Fields of action",
    documents: "Documents",
    gallery: "Gallery",
    speakers: "Speakers",
    management_contacts: "Cluster management",
    management_organisation: "Managing organisation",
    organisation: "Organisation",
    partners: "Partners",
    fundings: "Funding",
    topics: "Topics",
    region_description: "Region",
    brochure: "Brochure",
    short_name: "Short name",
    frequency: "Frequency",
    number_in_series: "Number",
    event_title: "Event",
    event_date: "Date",
    event_end_date: "Until",
    venue: "Venue",
    city: "City",
    related_event: "The event",
    website: "Website",
    founded: "Founded",
    group: "Group",
  },
});

/**
 * The heading of a field's section: a known label, else the field name made readable.
 *
 * @param {string} name
 * @param {string} locale
 */
export function fieldLabel(name, locale) {
  const labels = FIELD_LABELS[locale] ?? FIELD_LABELS.de;
  if (name in labels) return labels[name];
  const words = name.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** @param {Record<string, any>} value */
function isImage(value) {
  return "renditions" in value && "srcset" in value;
}

/**
 * A node for one object of a known shape, or null.
 *
 * @param {Record<string, any>} value
 * @param {RenderContext} context
 * @returns {Node | null}
 */
function shapedObject(value, context) {
  if (isImage(value)) return figure(/** @type {any} */ (value));
  if ("file_extension" in value && "url" in value)
    return documentLink(/** @type {any} */ (value), context.locale);
  if ("full_name" in value) return personCard(/** @type {any} */ (value));
  if ("funder" in value)
    return el(
      "div",
      { class: "funding" },
      el("h3", {}, value.title),
      fundingFacts(/** @type {any} */ (value), context.locale),
    );
  // An inline relation such as a cluster speaker or a project partner: a snippet and a role.
  if (isObject(value.person))
    return personCard(/** @type {any} */ (value.person), { role: value.role });
  if (isObject(value.organisation) && "role" in value) {
    return organisationCard(/** @type {any} */ (value.organisation), {
      role: value.role,
      websiteLabel: context.strings.website,
    });
  }
  if ("logo" in value && "name" in value) {
    return organisationCard(/** @type {any} */ (value), { websiteLabel: context.strings.website });
  }
  if ("path" in value && "title" in value) return el("a", { href: value.path }, value.title);
  if ("name" in value) return el("span", { class: "tag" }, value.name);
  return null;
}

/**
 * The section for one field, or null when the field is empty or of no known shape.
 *
 * @param {string} name
 * @param {unknown} value
 * @param {RenderContext} context
 * @returns {HTMLElement | null}
 */
export function fieldSection(name, value, context) {
  if (value === null || value === undefined || value === "" || value === false) return null;
  if (Array.isArray(value) && value.length === 0) return null;

  /**
   * @param {Node | null | (Node | null)[]} content
   * @param {{withHeading?: boolean}} [options]
   */
  const section = (content, { withHeading = true } = {}) => {
    const label = withHeading && fieldLabel(name, context.locale);
    return el(
      "section",
      { class: `field field--${name}`, "data-field": name },
      label && el("h2", {}, label),
      content,
    );
  };

  if (isStream(value)) return section(renderStream(value, context));
  if (typeof value === "string" && RICH_TEXT_FIELDS.has(name)) return section(richText(value));
  if (isObject(value)) {
    const node = shapedObject(value, context);
    // A picture (hero, cover) speaks for itself; a heading above it would only name the field.
    return node ? section(node, { withHeading: !isImage(value) }) : null;
  }
  if (Array.isArray(value)) {
    const nodes = value
      .map((item) => (isObject(item) ? shapedObject(item, context) : null))
      .filter(Boolean);
    if (!nodes.length) return null;
    const onlyNames = nodes.every(
      (node) => node instanceof Element && node.classList.contains("tag"),
    );
    return section(el(onlyNames ? "p" : "div", { class: onlyNames ? "tags" : "cards" }, nodes));
  }
  return null;
}

/**
 * A scalar field's value for people: dates formatted, addresses as links, text as it is.
 *
 * @param {string | number} value
 * @param {string} locale
 * @returns {Node | string}
 */
function scalarValue(value, locale) {
  if (typeof value === "number") return String(value);
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) {
    return formatDate(value, locale, { withTime: value.includes("T") });
  }
  if (/^https?:\/\//.test(value)) return el("a", { href: value, rel: "noopener" }, value);
  return value;
}

/**
 * Scalar fields (strings and numbers) as one definition list. Flags (booleans) are
 * settings of the page, not content, and are left out.
 *
 * @param {[string, unknown][]} entries
 * @param {RenderContext} context
 */
export function factList(entries, context) {
  const rows = entries
    .filter(([name]) => !RICH_TEXT_FIELDS.has(name))
    .filter(([, value]) => (typeof value === "string" && value !== "") || typeof value === "number")
    .map(([name, value]) =>
      el(
        "div",
        { "data-field": name },
        el("dt", {}, fieldLabel(name, context.locale)),
        el("dd", {}, scalarValue(/** @type {string | number} */ (value), context.locale)),
      ),
    );
  return rows.length ? el("dl", { class: "facts" }, rows) : null;
}
