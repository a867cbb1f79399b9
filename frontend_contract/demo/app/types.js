// @ts-check
/**
 * The shapes of the API answers this frontend reads, as JSDoc types (no runtime code).
 *
 * They restate the part of frontend_contract/openapi.json the frontend relies on; the
 * generated types in frontend_contract/types/ are the complete contract.
 *
 * @typedef {{type: string, title: string, status: number, detail?: string,
 *   errors?: Record<string, string[]>}} Problem
 *
 * @typedef {{url: string, width: number, height: number}} Rendition
 * @typedef {{id: number, alt: string, width: number, height: number,
 *   focal_point: {x: number, y: number, width: number, height: number} | null,
 *   renditions: {thumbnail: Rendition, small: Rendition, medium: Rendition, large: Rendition},
 *   srcset: string}} Image
 * @typedef {{id: number, title: string, url: string, filename: string,
 *   file_extension: string, file_size: number | null}} Document
 * @typedef {{id: number, title: string, path: string, locale?: string}} PageLink
 *
 * @typedef {{locale: string, path: string, id: number}} Alternate
 * @typedef {{id: number, title: string, path: string}} Breadcrumb
 * @typedef {{seo_title: string, search_description: string,
 *   first_published_at: string | null, last_published_at: string | null, noindex: boolean,
 *   social_image: Image | null, alternates: Alternate[], breadcrumbs: Breadcrumb[]}} PageMeta
 *
 * @typedef {{type: string, id: string, value: any}} StreamBlock
 *
 * A page: the common fields and, by `type`, its own fields (read by name where used).
 * @typedef {{id: number, type: string, title: string, locale: string, path: string,
 *   site: string, url: string | null, meta: PageMeta} & Record<string, any>} PageDetail
 *
 * @typedef {{status_code: number, location: string, is_external: boolean}} Redirect
 * @typedef {{kind: "page", page: PageDetail}
 *   | {kind: "redirect", redirect: Redirect}} ResolveResult
 *
 * @typedef {{id: number, title: string, path: string, children?: MenuItem[]}} MenuItem
 * @typedef {{site: string, locale: string, main: MenuItem[],
 *   footer: {id: number, title: string, path: string}[]}} Navigation
 *
 * @typedef {{id: number, type: string, title: string, locale: string, path: string,
 *   site: string, listing_title: string, listing_summary: string,
 *   listing_image: Image | null, first_published_at: string | null,
 *   last_published_at: string | null}} PageListItem
 * @typedef {{count: number, next: string | null, previous: string | null,
 *   results: PageListItem[]}} PageList
 *
 * An organisation's full profile (`/organisations/{id}/`).
 * @typedef {{id: number, name: string, slug: string, kind: string, city: string,
 *   region: string | null, summary: string, website: string | null, logo: Image | null,
 *   coordinates: {latitude: number, longitude: number} | null, locale: string,
 *   legal_form: string, legal_name: string, description: string,
 *   address: {street: string, postal_code: string, city: string, region: string | null,
 *     country: string},
 *   sectors: {id: number, name: string}[],
 *   memberships: {group: {id: number, type: string, title: string, path: string},
 *     role: string, since: string | null}[],
 *   employee_band: string | null, founded_year: number | null,
 *   contact: {email: string | null, phone: string | null}}} OrganisationProfile
 *
 * A draft for the preview route (`/preview/?token=`); `expires_at` ends the token.
 * @typedef {{kind: "page", page: PageDetail, expires_at: string}
 *   | {kind: "organisation", organisation: OrganisationProfile, expires_at: string}}
 *   PreviewResult
 */

export {};
