// @ts-check
/**
 * The frontend's own words in each language, and the locale rule for paths.
 *
 * Content comes from the API in the page's locale; only the frame around it (labels, error
 * messages) is the frontend's. German is the default locale, as in the hub.
 */

export const DEFAULT_LOCALE = "de";

/** Language names for the switcher, in their own language. */
export const LANGUAGE_NAMES = /** @type {Record<string, string>} */ ({
  de: "Deutsch",
  en: "English",
});

const STRINGS = {
  de: {
    loading: "Lädt …",
    home: "Startseite",
    mainNavigation: "Hauptnavigation",
    breadcrumbs: "Brotkrümelnavigation",
    language: "Sprache",
    footer: "Fußzeile",
    skipLink: "Zum Inhalt",
    footerNote: "Referenz-Frontend der Cluster-Hub-API",
    notFoundTitle: "Seite nicht gefunden",
    notFoundText: "Unter dieser Adresse gibt es keine Seite.",
    errorTitle: "Die Inhalte konnten nicht geladen werden",
    errorText:
      "Die API des Hubs hat nicht geantwortet oder erlaubt diesem Frontend keinen Zugriff.",
    unknownBlock: "Unbekannter Blocktyp",
    articles: "Artikel",
    editorial: "Editorial",
    issue: "Ausgabe",
    published: "Erschienen am",
    pdfEdition: "PDF-Ausgabe",
    by: "Von",
    when: "Wann",
    where: "Wo",
    online: "Online",
    format: "Format",
    registration: "Anmeldung",
    registrationDeadline: "Anmeldeschluss",
    fee: "Kosten",
    organiser: "Veranstalter",
    date: "Datum",
    topics: "Themen",
    status: "Status",
    period: "Laufzeit",
    leadOrganisation: "Projektleitung",
    partners: "Partner",
    funding: "Förderung",
    goals: "Ziele",
    inThisSection: "In diesem Bereich",
    watchVideo: "Video ansehen",
    download: "Herunterladen",
    website: "Website",
    previewLabel: "Vorschau / Preview",
    previewNote: "Entwurf aus dem Hub, so noch nicht veröffentlicht.",
    previewValidUntil: "Link gültig bis",
    previewExpiredTitle: "Die Vorschau ist abgelaufen",
    previewExpiredText:
      "Vorschau-Links gelten nur eine begrenzte Zeit. Öffnen Sie die Vorschau im Hub erneut.",
    previewInvalidTitle: "Ungültiger Vorschau-Link",
    previewInvalidText:
      "Der Link stammt nicht vom Hub oder wurde verändert. Öffnen Sie die Vorschau erneut.",
    previewMissingTitle: "Kein Vorschau-Link",
    previewMissingText: "Diese Adresse zeigt Entwürfe, die der Hub mit einem Link übergibt.",
    previewGoneTitle: "Entwurf nicht mehr vorhanden",
    previewGoneText: "Die Seite oder Organisation wurde inzwischen gelöscht.",
    address: "Adresse",
    sectors: "Branchen",
    memberships: "Mitgliedschaften",
    contact: "Kontakt",
    employees: "Beschäftigte",
    foundedYear: "Gegründet",
    since: "seit",
  },
  en: {
    loading: "Loading …",
    home: "Home",
    mainNavigation: "Main navigation",
    breadcrumbs: "Breadcrumbs",
    language: "Language",
    footer: "Footer",
    skipLink: "Skip to content",
    footerNote: "Reference frontend of the Cluster Hub API",
    notFoundTitle: "Page not found",
    notFoundText: "There is no page at this address.",
    errorTitle: "The content could not be loaded",
    errorText: "The hub's API did not answer or does not allow this frontend to access it.",
    unknownBlock: "Unknown block type",
    articles: "Articles",
    editorial: "Editorial",
    issue: "Issue",
    published: "Published on",
    pdfEdition: "PDF edition",
    by: "By",
    when: "When",
    where: "Where",
    online: "Online",
    format: "Format",
    registration: "Registration",
    registrationDeadline: "Registration deadline",
    fee: "Fee",
    organiser: "Organiser",
    date: "Date",
    topics: "Topics",
    status: "Status",
    period: "Duration",
    leadOrganisation: "Lead organisation",
    partners: "Partners",
    funding: "Funding",
    goals: "Goals",
    inThisSection: "In this section",
    watchVideo: "Watch the video",
    download: "Download",
    website: "Website",
    previewLabel: "Vorschau / Preview",
    previewNote: "A draft from the hub, not published like this yet.",
    previewValidUntil: "Link valid until",
    previewExpiredTitle: "This preview has expired",
    previewExpiredText:
      "Preview links work for a limited time. Open the preview in the hub's admin again.",
    previewInvalidTitle: "Invalid preview link",
    previewInvalidText:
      "The hub did not issue this link, or it was changed. Open the preview again.",
    previewMissingTitle: "No preview link",
    previewMissingText: "This address shows drafts that the hub hands over with a link.",
    previewGoneTitle: "Draft no longer available",
    previewGoneText: "The page or organisation has been deleted since.",
    address: "Address",
    sectors: "Sectors",
    memberships: "Memberships",
    contact: "Contact",
    employees: "Employees",
    foundedYear: "Founded",
    since: "since",
  },
};

/** @typedef {typeof STRINGS.de} Strings */

/**
 * The frontend's words for `locale`, German for a locale it has no words for.
 *
 * @param {string} locale
 * @returns {Strings}
 */
export function stringsFor(locale) {
  return STRINGS[/** @type {keyof typeof STRINGS} */ (locale)] ?? STRINGS.de;
}

/**
 * The locale a path belongs to: its first segment when that is a known non-default locale
 * (`/en/about-us/` → "en"), German otherwise (`/ueber-uns/`). The same rule as the hub's.
 *
 * @param {string} path
 * @returns {string}
 */
export function localeOfPath(path) {
  const first = path.split("/").filter(Boolean)[0];
  return first && first !== DEFAULT_LOCALE && first in LANGUAGE_NAMES ? first : DEFAULT_LOCALE;
}

/**
 * The path of the home page in `locale`: `/` for German, `/en/` for English.
 *
 * @param {string} locale
 */
export function homePath(locale) {
  return locale === DEFAULT_LOCALE ? "/" : `/${locale}/`;
}

// The hub's sites are German organisations: dates and times are shown in their time zone,
// wherever the visitor is.
const TIME_ZONE = "Europe/Berlin";

/**
 * A date ("2026-03-20") or date-time (ISO 8601) formatted for `locale`.
 *
 * @param {string | null | undefined} value
 * @param {string} locale
 * @param {{withTime?: boolean}} [options]
 * @returns {string}
 */
export function formatDate(value, locale, { withTime = false } = {}) {
  if (!value) return "";
  // A plain date is a calendar day, not an instant: read it as noon UTC so no time zone
  // moves it to the day before.
  const isPlainDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(isPlainDate ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeStyle: withTime && !isPlainDate ? "short" : undefined,
    timeZone: TIME_ZONE,
  }).format(date);
}

/**
 * A file size in bytes for people ("482 KB").
 *
 * @param {number | null | undefined} bytes
 * @param {string} locale
 */
export function formatFileSize(bytes, locale) {
  if (bytes === null || bytes === undefined) return "";
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
