/**
 * A small typed client for the Cluster Hub API v1.
 *
 * Every type comes from `types/api.d.ts`, which `npm run generate` produces from
 * `openapi.json`: when the contract changes, `tsc` points at every call that no longer fits.
 * Framework-free ES module code; it needs only `fetch` (browsers, Node 18+, Deno, workers).
 *
 * @example
 * const hub = createHubClient({ baseUrl: "http://127.0.0.1:8000", site: "chemienetzwerk-harz.localhost" });
 * const answer = await hub.resolve(location.pathname);
 * if (answer.kind === "redirect") location.replace(answer.redirect.location);
 * else render(answer.page); // answer.page.type tells which page type it is
 */
import type { components, paths } from "../types/api";

export type { components, paths };
export type Schemas = components["schemas"];
/** An RFC 9457 problem document: every error answer of the API. */
export type Problem = Schemas["Problem"];

/** The API paths that answer GET. */
export type GetPath = {
  [P in keyof paths]: paths[P]["get"] extends { responses: unknown } ? P : never;
}[keyof paths];
type Operation<P extends GetPath> = paths[P]["get"];
type Parameters<P extends GetPath> = Operation<P>["parameters"];

/** The query parameters of a GET path. */
export type QueryOf<P extends GetPath> = NonNullable<Parameters<P>["query"]>;
/** The path parameters (`{id}`) of a GET path. */
export type PathParamsOf<P extends GetPath> = NonNullable<Parameters<P>["path"]>;
/** The JSON body of a GET path's 200 answer. */
export type ResponseOf<P extends GetPath> = Operation<P>["responses"] extends {
  200: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

export type ResolveResult = ResponseOf<"/api/v1/pages/resolve/">;
export type PageDetail = ResponseOf<"/api/v1/pages/{id}/">;
export type PageList = ResponseOf<"/api/v1/pages/">;
export type Navigation = ResponseOf<"/api/v1/navigation/">;
export type OrganisationList = ResponseOf<"/api/v1/organisations/">;
export type EventList = ResponseOf<"/api/v1/events/">;
export type Locale = NonNullable<QueryOf<"/api/v1/navigation/">["locale"]>;

/** What the generic {@link HubClient.get} takes besides the path. */
export type RequestOptions<P extends GetPath> = (undefined extends Parameters<P>["query"]
  ? { query?: QueryOf<P> }
  : { query: QueryOf<P> }) &
  (undefined extends Parameters<P>["path"] ? { pathParams?: never } : { pathParams: PathParamsOf<P> }) & {
    signal?: AbortSignal;
  };

/** An error answer of the API; `problem` is its problem document. */
export class HubApiError extends Error {
  override readonly name = "HubApiError";
  readonly status: number;
  readonly problem: Problem;
  readonly url: string;

  constructor(status: number, problem: Problem, url: string) {
    super(`${problem.title} (${status})${problem.detail ? `: ${problem.detail}` : ""}`);
    this.status = status;
    this.problem = problem;
    this.url = url;
  }

  /** Validation messages by parameter name (400 answers); empty for other errors. */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export interface HubClientOptions {
  /** Where the hub answers, e.g. `http://127.0.0.1:8000` or `https://hub.example`. */
  baseUrl: string;
  /** Hostname of the site this frontend renders, e.g. `chemienetzwerk-harz.localhost`. */
  site: string;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof fetch;
  /**
   * Keep answers with their ETag and revalidate with `If-None-Match` (a 304 reuses the kept
   * body). Useful on servers; browsers already do this in their HTTP cache. Off by default.
   */
  etagCache?: boolean;
  /** How many answers the ETag cache keeps; the oldest go first. */
  etagCacheSize?: number;
}

interface CachedAnswer {
  etag: string;
  body: unknown;
}

const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** `template` (`/api/v1/pages/{id}/`) with its `{name}` parts replaced from `values`. */
function fillPath(template: string, values: Record<string, string | number> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = values?.[name];
    if (value === undefined) throw new TypeError(`Missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: object | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function problemOf(response: Response): Promise<Problem> {
  const contentType = response.headers.get("Content-Type") ?? "";
  if (contentType.startsWith(PROBLEM_CONTENT_TYPE) || contentType.startsWith("application/json")) {
    try {
      return (await response.json()) as Problem;
    } catch {
      // Fall through: a proxy's error page that claims to be JSON.
    }
  }
  return { type: "about:blank", title: response.statusText || "Error", status: response.status };
}

export function createHubClient(options: HubClientOptions) {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const site = options.site;
  const cacheSize = options.etagCacheSize ?? 500;
  const cache = options.etagCache ? new Map<string, CachedAnswer>() : null;

  function remember(url: string, answer: CachedAnswer): void {
    if (!cache) return;
    cache.delete(url);
    cache.set(url, answer);
    if (cache.size > cacheSize) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
  }

  /** GET any operation of the contract, typed by its path. */
  async function get<P extends GetPath>(path: P, request: RequestOptions<P>): Promise<ResponseOf<P>> {
    const pathParams = request.pathParams as Record<string, string | number> | undefined;
    const url = baseUrl + fillPath(path, pathParams) + queryString(request.query);
    const headers: Record<string, string> = { Accept: "application/json" };
    const cached = cache?.get(url);
    if (cached) headers["If-None-Match"] = cached.etag;

    const init: RequestInit = { headers };
    if (request.signal) init.signal = request.signal;
    const response = await fetchImpl(url, init);
    if (response.status === 304 && cached) return cached.body as ResponseOf<P>;
    if (!response.ok) throw new HubApiError(response.status, await problemOf(response), url);

    const body = (await response.json()) as ResponseOf<P>;
    const etag = response.headers.get("ETag");
    if (etag) remember(url, { etag, body });
    return body;
  }

  return {
    site,
    get,

    /** The page (or redirect) a frontend URL path shows: `/ueber-uns/`, `/en/about-us/`. */
    resolve(path: string, signal?: AbortSignal): Promise<ResolveResult> {
      return get("/api/v1/pages/resolve/", { query: { site, path }, ...(signal ? { signal } : {}) });
    },

    /** A page by id, with all fields of its type. */
    page(id: number, signal?: AbortSignal): Promise<PageDetail> {
      return get("/api/v1/pages/{id}/", { pathParams: { id }, ...(signal ? { signal } : {}) });
    },

    /** Pages of this site as compact list items, filtered and paginated. */
    pages(params: Omit<QueryOf<"/api/v1/pages/">, "site"> = {}): Promise<PageList> {
      return get("/api/v1/pages/", { query: { ...params, site } });
    },

    /** The main menu and footer links of this site in `locale`. */
    navigation(locale: Locale): Promise<Navigation> {
      return get("/api/v1/navigation/", { query: { site, locale } });
    },

    /** The Clusteratlas: organisations, filtered and paginated. */
    organisations(params: QueryOf<"/api/v1/organisations/"> = {}): Promise<OrganisationList> {
      return get("/api/v1/organisations/", { query: params });
    },

    /** Events of this site (upcoming by default). */
    events(params: Omit<QueryOf<"/api/v1/events/">, "site"> = {}): Promise<EventList> {
      return get("/api/v1/events/", { query: { ...params, site } });
    },

    /** The address of this site's iCalendar feed, for a "subscribe" link. */
    eventsCalendarUrl(params: Omit<QueryOf<"/api/v1/events/ical/">, "site"> = {}): string {
      return `${baseUrl}/api/v1/events/ical/${queryString({ ...params, site })}`;
    },
  };
}

export type HubClient = ReturnType<typeof createHubClient>;
