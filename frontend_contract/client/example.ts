/**
 * How a frontend uses the client, checked by `tsc --noEmit` with every other file: the
 * `@ts-expect-error` lines prove that the types reject calls the contract does not allow.
 */
import { createHubClient, HubApiError, type PageDetail } from "./client";

const hub = createHubClient({
  baseUrl: "http://127.0.0.1:8000",
  site: "chemienetzwerk-harz.localhost",
  etagCache: true,
});

/** Renders whatever a frontend URL shows; returns the text a test could look for. */
export async function renderPath(path: string): Promise<string> {
  try {
    const answer = await hub.resolve(path);
    if (answer.kind === "redirect") {
      return `redirect ${answer.redirect.status_code} to ${answer.redirect.location}`;
    }
    return describePage(answer.page);
  } catch (error) {
    if (error instanceof HubApiError && error.isNotFound) return "404";
    throw error;
  }
}

function describePage(page: PageDetail): string {
  const languages = page.meta.alternates.map((alternate) => `${alternate.locale}:${alternate.path}`);
  const trail = page.meta.breadcrumbs.map((crumb) => crumb.title).join(" / ");
  return `${page.type} "${page.title}" (${page.locale}) [${trail}] ${languages.join(" ")}`;
}

export async function menuTitles(): Promise<string[]> {
  const navigation = await hub.navigation("en");
  return navigation.main.map((item) => item.title);
}

export async function latestNewsTitles(): Promise<string[]> {
  const list = await hub.pages({ type: "news", locale: "de", order: "-first_published_at" });
  return list.results.map((item) => item.listing_title);
}

export async function rejectedCalls(): Promise<void> {
  // @ts-expect-error: page ids are numbers
  await hub.page("ueber-uns");
  // @ts-expect-error: "fr" is not a content language of the hub
  await hub.navigation("fr");
  // @ts-expect-error: "blog" is not a page type
  await hub.pages({ type: "blog" });
  // @ts-expect-error: the detail path needs its {id}
  await hub.get("/api/v1/pages/{id}/", {});
}
