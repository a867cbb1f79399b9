// @ts-check
/**
 * The reference frontend: resolves the browser's path through the hub's API and renders
 * what it gets, with client-side navigation between pages.
 *
 * Flow per navigation: `GET /api/v1/pages/resolve/?site=&path=` (a page or a redirect;
 * redirects are followed), `GET /api/v1/navigation/?site=&locale=` for the page's locale
 * (kept per locale), and for index pages `GET /api/v1/pages/?child_of=`. The preview route
 * (`/_preview?token=`, preview.js) reads a draft from `GET /api/v1/preview/?token=` instead
 * of resolving a path. The state of the view is on `<body data-state>`: loading, page,
 * organisation, not-found, error or preview-problem.
 */

import { ApiProblem, createApi } from "./api.js";
import { el, replaceChildren } from "./dom.js";
import { localeOfPath, stringsFor } from "./i18n.js";
import {
  renderBreadcrumbs,
  renderLanguageSwitcher,
  renderNavigation,
  translateFrame,
  updateHead,
} from "./layout.js";
import { childList, renderPage } from "./pages.js";
import {
  PREVIEW_PATH,
  previewProblem,
  previewToken,
  removePreviewBanner,
  showPreviewBanner,
} from "./preview.js";
import { organisationProfile } from "./snippets.js";

/** @typedef {import("./api.js").Api} Api */
/** @typedef {import("./types.js").PageDetail} PageDetail */
/** @typedef {import("./types.js").Navigation} Navigation */
/** @typedef {import("./types.js").OrganisationProfile} OrganisationProfile */

// A redirect chain longer than this is treated as a loop.
const MAX_REDIRECTS = 5;
// Paths of the frontend's own files, which the router must leave to the browser.
const APP_FILES_PREFIX = "/_app/";

class App {
  /** @param {Api} api */
  constructor(api) {
    this.api = api;
    /** @type {Map<string, Promise<Navigation | null>>} */
    this.navigationByLocale = new Map();
    // Answers to an earlier navigation that arrive after a later one started are dropped.
    this.viewCount = 0;
    this.content = /** @type {HTMLElement} */ (document.getElementById("content"));
  }

  start() {
    document.addEventListener("click", (event) => this.onClick(event));
    window.addEventListener("popstate", () => this.route({ moveFocus: true }));
    return this.route({ moveFocus: false });
  }

  /**
   * Show what the browser's address asks for: a draft on the preview route, a page
   * anywhere else.
   *
   * @param {{moveFocus: boolean}} options
   */
  route(options) {
    if (location.pathname === PREVIEW_PATH) return this.showPreview(previewToken(location));
    return this.show(location.pathname, options);
  }

  /**
   * Links to paths of this frontend are handled here instead of loading a new document.
   *
   * @param {MouseEvent} event
   */
  onClick(event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = /** @type {Element} */ (event.target).closest?.("a[href]");
    if (!(anchor instanceof HTMLAnchorElement)) return;
    if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || url.pathname.startsWith(APP_FILES_PREFIX)) return;
    event.preventDefault();
    if (url.pathname === location.pathname && url.hash) {
      location.hash = url.hash;
      return;
    }
    history.pushState(null, "", url.pathname + url.search + url.hash);
    this.show(url.pathname, { moveFocus: true });
  }

  /**
   * The navigation of the site in `locale`, fetched once per locale; null when the API
   * does not give it (the page is still shown, without menus).
   *
   * @param {string} locale
   */
  navigation(locale) {
    let navigation = this.navigationByLocale.get(locale);
    if (!navigation) {
      navigation = this.api.navigation(locale).catch((error) => {
        console.warn("No navigation for", locale, error);
        this.navigationByLocale.delete(locale);
        return null;
      });
      this.navigationByLocale.set(locale, navigation);
    }
    return navigation;
  }

  /**
   * Resolve `path` and show the result.
   *
   * @param {string} path
   * @param {{moveFocus: boolean}} options move focus to the content (after a click), as a
   *   page load would, so screen readers announce the new page
   */
  async show(path, { moveFocus }) {
    const viewNumber = ++this.viewCount;
    const isCurrent = () => viewNumber === this.viewCount;
    document.body.dataset.state = "loading";
    removePreviewBanner();
    // The locale follows from the path, so the menus load while the page is resolved.
    const expectedLocale = localeOfPath(path);
    void this.navigation(expectedLocale);

    try {
      const page = await this.resolveFollowingRedirects(path);
      if (!isCurrent() || page === null) return;
      const navigation = await this.navigation(page.locale);
      if (!isCurrent()) return;
      this.showPage(page, navigation);
      this.loadChildren(page, isCurrent);
    } catch (error) {
      if (!isCurrent()) return;
      console.warn("Could not show", path, error);
      const notFound = error instanceof ApiProblem && error.status === 404;
      await this.showError(expectedLocale, notFound ? "not-found" : "error", error);
    }
    if (isCurrent()) this.afterRender(moveFocus);
  }

  /**
   * The draft that the hub's admin handed over with `token`, rendered as live content is,
   * under the preview banner; a problem (expired or invalid link) is explained to staff.
   *
   * @param {string} token
   */
  async showPreview(token) {
    const viewNumber = ++this.viewCount;
    const isCurrent = () => viewNumber === this.viewCount;
    document.body.dataset.state = "loading";
    removePreviewBanner();
    try {
      const preview = await this.api.preview(token);
      if (!isCurrent()) return;
      const locale = preview.kind === "page" ? preview.page.locale : preview.organisation.locale;
      const navigation = await this.navigation(locale);
      if (!isCurrent()) return;
      if (preview.kind === "page") {
        this.showPage(preview.page, navigation);
        this.loadChildren(preview.page, isCurrent);
      } else {
        this.showOrganisation(preview.organisation, navigation);
      }
      showPreviewBanner(locale, preview.expires_at);
    } catch (error) {
      if (!isCurrent()) return;
      console.warn("Could not show the preview", error);
      this.showPreviewProblem(error);
    }
    if (isCurrent()) this.afterRender(false);
  }

  /**
   * An organisation's profile as the page (the preview of an organisation draft).
   *
   * @param {OrganisationProfile} organisation
   * @param {Navigation | null} navigation
   */
  showOrganisation(organisation, navigation) {
    const locale = organisation.locale;
    translateFrame(locale);
    updateHead(null, locale, organisation.name);
    renderNavigation(navigation, locale, location.pathname);
    renderBreadcrumbs([], null, locale);
    renderLanguageSwitcher([], locale);
    replaceChildren(
      this.content,
      organisationProfile(organisation, { locale, strings: stringsFor(locale) }),
    );
    document.body.dataset.locale = locale;
    document.body.dataset.state = "organisation";
  }

  /**
   * Why the preview shows nothing, in the frontend's default language.
   *
   * @param {unknown} error
   */
  showPreviewProblem(error) {
    const locale = localeOfPath(location.pathname);
    const { kind, title, text } = previewProblem(error, locale);
    const detail = error instanceof ApiProblem ? error.problem.detail : null;
    translateFrame(locale);
    updateHead(null, locale, title);
    renderNavigation(null, locale, location.pathname);
    renderBreadcrumbs([], null, locale);
    renderLanguageSwitcher([], locale);
    replaceChildren(
      this.content,
      el(
        "section",
        { class: "problem problem--preview", role: "alert" },
        el("h1", {}, title),
        el("p", {}, text),
        detail && el("p", { class: "problem__detail" }, detail),
      ),
    );
    showPreviewBanner(locale, null);
    document.body.dataset.locale = locale;
    document.body.dataset.state = "preview-problem";
    document.body.dataset.previewProblem = kind;
  }

  /**
   * The page at `path`, following the hub's redirects: internal ones by replacing the
   * browser's address (no extra history entry), external ones by leaving for them (null).
   *
   * @param {string} path
   * @returns {Promise<PageDetail | null>}
   */
  async resolveFollowingRedirects(path) {
    let current = path;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      const result = await this.api.resolve(current);
      if (result.kind === "page") return result.page;
      const { location: target, is_external: isExternal } = result.redirect;
      if (isExternal) {
        window.location.assign(target);
        return null;
      }
      history.replaceState(null, "", target + window.location.hash);
      current = new URL(target, window.location.origin).pathname;
    }
    throw new Error(`More than ${MAX_REDIRECTS} redirects from ${path}`);
  }

  /**
   * @param {PageDetail} page
   * @param {Navigation | null} navigation
   */
  showPage(page, navigation) {
    const context = { locale: page.locale, strings: stringsFor(page.locale) };
    translateFrame(page.locale);
    updateHead(page, page.locale, page.title);
    // The first breadcrumb is the site's home page; a page without breadcrumbs is that page.
    const siteTitle = page.meta.breadcrumbs[0]?.title ?? page.title;
    renderNavigation(navigation, page.locale, page.path, siteTitle);
    renderBreadcrumbs(page.meta.breadcrumbs, page.title, page.locale);
    renderLanguageSwitcher(page.meta.alternates, page.locale);
    replaceChildren(this.content, renderPage(page, context));
    document.body.dataset.locale = page.locale;
    document.body.dataset.state = "page";
  }

  /**
   * The list of an index page's children, filled in when it arrives.
   *
   * @param {PageDetail} page
   * @param {() => boolean} isCurrent
   */
  async loadChildren(page, isCurrent) {
    const container = this.content.querySelector(`[data-children-of="${page.id}"]`);
    if (!container) return;
    try {
      const list = await this.api.pages({ child_of: page.id, page_size: 50 });
      if (!isCurrent()) return;
      replaceChildren(
        container,
        childList(list.results, { locale: page.locale, strings: stringsFor(page.locale) }),
      );
    } catch (error) {
      console.warn("No child pages for", page.id, error);
    }
  }

  /**
   * The not-found or error view, in the locale of the path.
   *
   * @param {string} locale
   * @param {"not-found" | "error"} state
   * @param {unknown} error
   */
  async showError(locale, state, error) {
    const strings = stringsFor(locale);
    const title = state === "not-found" ? strings.notFoundTitle : strings.errorTitle;
    const text = state === "not-found" ? strings.notFoundText : strings.errorText;
    const problem = error instanceof ApiProblem ? error.problem : null;
    translateFrame(locale);
    updateHead(null, locale, title);
    renderBreadcrumbs([], null, locale);
    renderLanguageSwitcher([], locale);
    replaceChildren(
      this.content,
      el(
        "section",
        { class: `problem problem--${state}`, role: state === "error" ? "alert" : null },
        el("h1", {}, title),
        el("p", {}, text),
        problem?.detail && el("p", { class: "problem__detail" }, problem.detail),
      ),
    );
    document.body.dataset.locale = locale;
    document.body.dataset.state = state;
    // Menus help a visitor on from a missing page; without an API there are none to show.
    const navigation = state === "not-found" ? await this.navigation(locale) : null;
    renderNavigation(navigation, locale, location.pathname);
  }

  /** @param {boolean} moveFocus */
  afterRender(moveFocus) {
    const target = location.hash
      ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
      : null;
    if (target) {
      target.scrollIntoView();
    } else if (moveFocus) {
      window.scrollTo(0, 0);
    }
    if (moveFocus) this.content.focus({ preventScroll: true });
  }
}

async function main() {
  const response = await fetch("/config.json");
  const config = await response.json();
  const app = new App(createApi(config));
  await app.start();
}

main().catch((error) => {
  console.error(error);
  document.body.dataset.state = "error";
});
