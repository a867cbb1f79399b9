// @ts-check
/**
 * Snippets that blocks and pages refer to: people, organisations, quotes and fundings;
 * and an organisation's full profile, which the preview route shows for organisation drafts.
 *
 * The API gives them already in the page's locale; contact details of people come only with
 * their consent (null otherwise), so the frontend shows whatever is there.
 */

import { el, richText } from "./dom.js";
import { formatDate } from "./i18n.js";
import { externalLink, imageElement } from "./media.js";

/**
 * @typedef {{id: number, name: string, slug?: string}} OrganisationReference
 * @typedef {{id: number, honorific?: string, first_name?: string, last_name?: string,
 *   full_name?: string, position?: string, organisation?: OrganisationReference | null,
 *   photo?: import("./types.js").Image | null, email?: string | null,
 *   phone?: string | null}} Person
 * @typedef {{id: number, name: string, kind?: string, city?: string, summary?: string,
 *   website?: string | null, logo?: import("./types.js").Image | null}} Organisation
 * @typedef {{id: number, text: string, attribution?: string, author_role?: string,
 *   person?: Person | null, organisation?: OrganisationReference | null}} Quote
 * @typedef {{id: number, title?: string, funder?: string, programme?: string,
 *   reference_number?: string, amount?: string | null, currency?: string,
 *   start_date?: string | null, end_date?: string | null,
 *   recipient?: OrganisationReference | null}} Funding
 */

/**
 * A person's name as it is shown.
 *
 * @param {Person | null | undefined} person
 */
export function personName(person) {
  if (!person) return "";
  return (
    person.full_name ||
    [person.honorific, person.first_name, person.last_name].filter(Boolean).join(" ")
  );
}

/**
 * A contact card: photo, name, position, organisation, and the contact details published
 * with consent.
 *
 * @param {Person} person
 * @param {{role?: string}} [options] a role on this page (e.g. "Sprecher für Chemie")
 */
export function personCard(person, { role } = {}) {
  return el(
    "article",
    { class: "card person", "data-person-id": person.id },
    imageElement(person.photo, { rendition: "thumbnail" }),
    el("h3", { class: "card__title" }, personName(person)),
    role && el("p", { class: "person__role" }, role),
    person.position && el("p", { class: "person__position" }, person.position),
    person.organisation && el("p", { class: "person__organisation" }, person.organisation.name),
    person.email && el("p", {}, el("a", { href: `mailto:${person.email}` }, person.email)),
    person.phone &&
      el("p", {}, el("a", { href: `tel:${person.phone.replace(/\s+/g, "")}` }, person.phone)),
  );
}

/**
 * An organisation with its logo, place and website.
 *
 * @param {Organisation} organisation
 * @param {{role?: string, websiteLabel?: string}} [options]
 */
export function organisationCard(organisation, { role, websiteLabel } = {}) {
  return el(
    "article",
    { class: "card organisation", "data-organisation-id": organisation.id },
    imageElement(organisation.logo, { rendition: "thumbnail" }),
    el("h3", { class: "card__title" }, organisation.name),
    role && el("p", { class: "organisation__role" }, role),
    organisation.city && el("p", { class: "organisation__city" }, organisation.city),
    organisation.summary && el("p", {}, organisation.summary),
    organisation.website && el("p", {}, externalLink(organisation.website, websiteLabel)),
  );
}

/**
 * A quotation with the person it comes from.
 *
 * @param {{text: string, attribution?: string, role?: string, organisation?: string}} quote
 */
export function quotation({ text, attribution, role, organisation }) {
  const source = [attribution, role, organisation].filter(Boolean).join(", ");
  return el(
    "figure",
    { class: "quote" },
    el("blockquote", {}, el("p", {}, text)),
    source && el("figcaption", {}, source),
  );
}

/**
 * A Quote snippet as a quotation.
 *
 * @param {Quote | null | undefined} quote
 */
export function quoteSnippet(quote) {
  if (!quote) return null;
  return quotation({
    text: quote.text,
    attribution: quote.attribution || personName(quote.person),
    role: quote.author_role,
    organisation: quote.organisation?.name,
  });
}

/**
 * The facts of a grant: funder, programme, reference number, period.
 *
 * @param {Funding | null | undefined} funding
 * @param {string} locale
 */
export function fundingFacts(funding, locale) {
  if (!funding) return null;
  const period = [formatDate(funding.start_date, locale), formatDate(funding.end_date, locale)]
    .filter(Boolean)
    .join(" – ");
  return el(
    "p",
    { class: "funding__facts" },
    [funding.funder, funding.programme, funding.reference_number, period]
      .filter(Boolean)
      .join(" · "),
  );
}

/**
 * An organisation's full profile: logo, name, summary, description, facts, sectors, the
 * networks, clusters and projects it belongs to, and its general contact.
 *
 * @param {import("./types.js").OrganisationProfile} organisation
 * @param {{locale: string, strings: import("./i18n.js").Strings}} context
 */
export function organisationProfile(organisation, { locale, strings }) {
  const { address, contact } = organisation;
  const place = [address.street, [address.postal_code, address.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  /** @type {[string, Node | string | null | undefined][]} */
  const rows = [
    [strings.address, place],
    [strings.sectors, organisation.sectors.map((sector) => sector.name).join(", ")],
    [strings.employees, organisation.employee_band],
    [strings.foundedYear, organisation.founded_year ? String(organisation.founded_year) : null],
    [strings.website, externalLink(organisation.website)],
    [strings.contact, [contact.email, contact.phone].filter(Boolean).join(" · ")],
  ];
  const facts = rows
    .filter(([, value]) => value)
    .map(([label, value]) => el("div", {}, el("dt", {}, label), el("dd", {}, value)));
  return el(
    "article",
    { class: "page page--organisation", "data-organisation-id": organisation.id },
    el(
      "header",
      { class: "page__header" },
      imageElement(organisation.logo, { rendition: "thumbnail" }),
      el("h1", { class: "page__title" }, organisation.legal_name || organisation.name),
      organisation.summary && el("p", { class: "page__lead" }, organisation.summary),
    ),
    facts.length > 0 && el("dl", { class: "facts" }, facts),
    richText(organisation.description),
    organisation.memberships.length > 0 &&
      el(
        "section",
        { class: "field field--memberships", "data-field": "memberships" },
        el("h2", {}, strings.memberships),
        el(
          "ul",
          {},
          organisation.memberships.map((membership) =>
            el(
              "li",
              {},
              el("a", { href: membership.group.path }, membership.group.title),
              ` (${membership.role.replace(/_/g, " ")}`,
              membership.since && `, ${strings.since} ${formatDate(membership.since, locale)}`,
              ")",
            ),
          ),
        ),
      ),
  );
}
