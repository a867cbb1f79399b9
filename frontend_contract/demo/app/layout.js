// @ts-check
/**
 * The frame around a page: main menu, footer links, breadcrumbs, language switcher and the
 * document's head (title, language, description, robots, hreflang alternates).
 */

import { el, replaceChildren } from "./dom.js";
import { LANGUAGE_NAMES, homePath, stringsFor } from "./i18n.js";

/** @typedef {import("./types.js").Navigation} Navigation */
/** @typedef {import("./types.js").MenuItem} MenuItem */
/** @typedef {import("./types.js").PageDetail} PageDetail */
/** @typedef {import("./types.js").Alternate} Alternate */
/** @typedef {import("./types.js").Breadcrumb} Breadcrumb */

/**
 * Whether `path` is the current page or one of its ancestors (menu highlighting).
 *
 * @param {string} itemPath
 * @param {string} currentPath
 */
function isActive(itemPath, currentPath) {
  return (
    currentPath === itemPath ||
    (itemPath !== "/" && !/^\/\w{2}\/$/.test(itemPath) && currentPath.startsWith(itemPath))
  );
}

/**
 * @param {MenuItem[]} items
 * @param {string} currentPath
 * @returns {HTMLUListElement}
 */
function menuList(items, currentPath) {
  return el(
    "ul",
    {},
    items.map((item) =>
      el(
        "li",
        { class: isActive(item.path, currentPath) ? "is-active" : null },
        el(
          "a",
          { href: item.path, "aria-current": item.path === currentPath ? "page" : null },
          item.title,
        ),
        item.children?.length ? menuList(item.children, currentPath) : null,
      ),
    ),
  );
}

/**
 * Main menu and footer links of the site in the page's locale.
 *
 * @param {Navigation | null} navigation null while unknown (e.g. the API did not answer)
 * @param {string} locale
 * @param {string} currentPath
 * @param {string | null} [siteTitle] the title of the site's home page, when known
 */
export function renderNavigation(navigation, locale, currentPath, siteTitle = null) {
  const strings = stringsFor(locale);
  const mainNav = /** @type {HTMLElement} */ (document.getElementById("main-nav"));
  const footerNav = /** @type {HTMLElement} */ (document.getElementById("footer-nav"));
  const homeLink = /** @type {HTMLAnchorElement} */ (document.getElementById("home-link"));

  homeLink.href = homePath(locale);
  if (siteTitle) homeLink.textContent = siteTitle;
  mainNav.setAttribute("aria-label", strings.mainNavigation);
  footerNav.setAttribute("aria-label", strings.footer);
  replaceChildren(mainNav, navigation ? menuList(navigation.main, currentPath) : null);
  replaceChildren(
    footerNav,
    navigation?.footer.length
      ? el(
          "ul",
          {},
          navigation.footer.map((item) => el("li", {}, el("a", { href: item.path }, item.title))),
        )
      : null,
  );
}

/**
 * Breadcrumbs: the ancestors from the site's home page, then the page itself (not a link).
 *
 * @param {Breadcrumb[]} breadcrumbs
 * @param {string | null} currentTitle
 * @param {string} locale
 */
export function renderBreadcrumbs(breadcrumbs, currentTitle, locale) {
  const container = /** @type {HTMLElement} */ (document.getElementById("breadcrumbs"));
  container.setAttribute("aria-label", stringsFor(locale).breadcrumbs);
  if (!breadcrumbs.length || currentTitle === null) {
    replaceChildren(container);
    return;
  }
  replaceChildren(
    container,
    el(
      "ol",
      {},
      breadcrumbs.map((crumb) => el("li", {}, el("a", { href: crumb.path }, crumb.title))),
      el("li", {}, el("span", { "aria-current": "page" }, currentTitle)),
    ),
  );
}

/**
 * Links to the page in the other locales it is published in (from `meta.alternates`); the
 * current locale is shown but not linked.
 *
 * @param {Alternate[]} alternates
 * @param {string} locale the page's locale
 */
export function renderLanguageSwitcher(alternates, locale) {
  const container = /** @type {HTMLElement} */ (document.getElementById("language-switcher"));
  container.setAttribute("aria-label", stringsFor(locale).language);
  const others = alternates.filter((alternate) => alternate.locale !== locale);
  if (!others.length) {
    replaceChildren(container);
    return;
  }
  const current = el(
    "li",
    {},
    el("span", { "aria-current": "true", lang: locale }, LANGUAGE_NAMES[locale] ?? locale),
  );
  const links = others.map((alternate) =>
    el(
      "li",
      {},
      el(
        "a",
        {
          href: alternate.path,
          hreflang: alternate.locale,
          lang: alternate.locale,
          "data-locale": alternate.locale,
        },
        LANGUAGE_NAMES[alternate.locale] ?? alternate.locale,
      ),
    ),
  );
  replaceChildren(container, el("ul", {}, current, links));
}

/**
 * Title, language and meta tags of the document for a page (or for an error, with `page`
 * null): what a server-rendered frontend would put in its HTML head.
 *
 * @param {PageDetail | null} page
 * @param {string} locale
 * @param {string} title used when there is no page
 */
export function updateHead(page, locale, title) {
  document.documentElement.lang = locale;
  document.title = page ? page.meta.seo_title || page.title : title;
  for (const node of document.head.querySelectorAll("[data-page-meta]")) node.remove();
  if (!page) return;
  const tags = [
    page.meta.search_description &&
      el("meta", { name: "description", content: page.meta.search_description }),
    page.meta.noindex && el("meta", { name: "robots", content: "noindex" }),
    ...page.meta.alternates.map((alternate) =>
      el("link", {
        rel: "alternate",
        hreflang: alternate.locale,
        href: new URL(alternate.path, location.origin).href,
      }),
    ),
  ];
  for (const tag of tags) {
    if (!tag) continue;
    tag.setAttribute("data-page-meta", "");
    document.head.appendChild(tag);
  }
}

/**
 * The frontend's own words in the static frame of index.html (skip link, footer note).
 *
 * @param {string} locale
 */
export function translateFrame(locale) {
  const strings = stringsFor(locale);
  const skipLink = document.querySelector(".skip-link");
  if (skipLink) skipLink.textContent = strings.skipLink;
  const footerNote = document.querySelector(".site-footer__note");
  if (footerNote) {
    replaceChildren(footerNote, `${strings.footerNote} (`, el("code", {}, "/api/v1/"), ")");
  }
}
