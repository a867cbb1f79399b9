// @ts-check
/**
 * The few API calls the reference frontend makes, and how it tells failures apart.
 *
 * - A problem answer (`application/problem+json`, e.g. 404 for an unknown path) becomes an
 *   `ApiProblem` carrying the problem document: the page shows "not found".
 * - No answer at all (hub down, or the browser refused the answer because the hub does not
 *   allow this origin — CORS) becomes an `ApiUnavailable`: the page shows an error state.
 *
 * Requests are plain GETs without credentials or custom headers, so they need no CORS
 * preflight. The browser's HTTP cache revalidates them with the ETag the hub sends.
 */

/** @typedef {import("./types.js").Problem} Problem */
/** @typedef {import("./types.js").ResolveResult} ResolveResult */
/** @typedef {import("./types.js").Navigation} Navigation */
/** @typedef {import("./types.js").PageList} PageList */
/** @typedef {import("./types.js").PreviewResult} PreviewResult */

export class ApiProblem extends Error {
  /** @param {Problem} problem */
  constructor(problem) {
    super(`${problem.status} ${problem.title}`);
    this.name = "ApiProblem";
    this.problem = problem;
    this.status = problem.status;
  }
}

export class ApiUnavailable extends Error {
  /** @param {string} url @param {unknown} cause */
  constructor(url, cause) {
    super(`No usable answer from ${url}`, { cause });
    this.name = "ApiUnavailable";
    this.url = url;
  }
}

/**
 * An API client bound to a hub and one of its sites.
 *
 * @param {{apiBase: string, site: string}} config
 */
export function createApi({ apiBase, site }) {
  /**
   * GET `/api/v1/<endpoint>` with query parameters; empty parameters are left out (the API
   * rejects parameters it does not expect, and an empty value is not a value).
   *
   * @template T
   * @param {string} endpoint e.g. "pages/resolve/"
   * @param {Record<string, string | number | null | undefined>} parameters
   * @returns {Promise<T>}
   */
  async function get(endpoint, parameters) {
    const url = new URL(`/api/v1/${endpoint}`, apiBase);
    for (const [name, value] of Object.entries(parameters)) {
      if (value !== null && value !== undefined && value !== "") {
        url.searchParams.set(name, String(value));
      }
    }
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/json" } });
    } catch (error) {
      throw new ApiUnavailable(url.href, error);
    }
    const contentType = response.headers.get("Content-Type") ?? "";
    if (!response.ok) {
      if (contentType.startsWith("application/problem+json")) {
        throw new ApiProblem(await response.json());
      }
      throw new ApiUnavailable(url.href, new Error(`HTTP ${response.status}`));
    }
    return response.json();
  }

  return {
    site,

    /**
     * What a frontend path shows: a page or a redirect (404 problem when nothing).
     *
     * @param {string} path
     * @returns {Promise<ResolveResult>}
     */
    resolve(path) {
      return get("pages/resolve/", { site, path });
    },

    /**
     * Main menu and footer links of the site in `locale`.
     *
     * @param {string} locale
     * @returns {Promise<Navigation>}
     */
    navigation(locale) {
      return get("navigation/", { site, locale });
    },

    /**
     * The compact list of the site's pages, e.g. the children of an index page.
     *
     * @param {{locale?: string, child_of?: number, type?: string, order?: string,
     *   page_size?: number}} filters
     * @returns {Promise<PageList>}
     */
    pages(filters) {
      return get("pages/", { site, ...filters });
    },

    /**
     * The draft that the hub's admin handed to the preview route with `token`: a page
     * (the same schema as `resolve` gives) or an organisation profile. Problems: 400
     * without a token, 403 for a token the hub did not issue, 401 when it expired.
     *
     * @param {string} token
     * @returns {Promise<PreviewResult>}
     */
    preview(token) {
      return get("preview/", { token });
    },
  };
}

/** @typedef {ReturnType<typeof createApi>} Api */
