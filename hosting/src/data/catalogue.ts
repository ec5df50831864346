import { cataloguePage, type CataloguePage, type CatalogueTraining } from "@schemas/catalogue.js";

/**
 * The public training catalogue, fetched the way anyone can: over HTTPS from this same site,
 * without signing in and without the Firestore SDK (the Hosting rewrite sends /api/catalogue to
 * the `catalogue` function, which serves listed trainings only and may be cached for a minute).
 */

export const CATALOGUE_API = "/api/catalogue";

export type LearningMethod = CatalogueTraining["method"];
export const LEARNING_METHODS: readonly LearningMethod[] = ["self-paced", "webinar", "offline"];

/** What the visitor filters by; "" is no filter. */
export interface CatalogueFilters {
  q: string;
  category: string;
  method: LearningMethod | "";
  province: string;
}

export const NO_FILTERS: CatalogueFilters = { q: "", category: "", method: "", province: "" };

/** The filters of a query string (`?q=barista&method=offline`), as the catalogue page keeps them in its address. */
export function filtersFrom(search: string): CatalogueFilters {
  const params = new URLSearchParams(search);
  const method = params.get("method") ?? "";
  return {
    q: params.get("q") ?? "",
    category: params.get("category") ?? "",
    method: (LEARNING_METHODS as readonly string[]).includes(method) ? (method as LearningMethod) : "",
    province: /^\d{2}$/.test(params.get("province") ?? "") ? params.get("province")! : "",
  };
}

/** The query string of some filters (the empty ones left out): the same for the page's address and the API. */
export function searchOf(filters: CatalogueFilters, cursor: string | null = null): string {
  const params = new URLSearchParams();
  if (filters.q.trim() !== "") params.set("q", filters.q.trim());
  if (filters.category !== "") params.set("category", filters.category);
  if (filters.method !== "") params.set("method", filters.method);
  // A province only narrows offline trainings, the only ones held in one place.
  if (filters.province !== "" && filters.method === "offline") params.set("province", filters.province);
  if (cursor !== null) params.set("cursor", cursor);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

async function fetchPage(search: string): Promise<CataloguePage | null> {
  const response = await fetch(`${CATALOGUE_API}${search}`, { headers: { accept: "application/json" } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET ${CATALOGUE_API}${search}: ${response.status}`);
  return cataloguePage.parse(await response.json());
}

/** A page of listed trainings with these filters, after `cursor` (the `next` of the page before). */
export async function loadCataloguePage(filters: CatalogueFilters, cursor: string | null): Promise<CataloguePage> {
  const page = await fetchPage(searchOf(filters, cursor));
  if (page === null) throw new Error(`GET ${CATALOGUE_API}: 404`);
  return page;
}

/** One listed training with its next runs; null when there is no such listed training. */
export async function loadTraining(courseCode: string): Promise<CatalogueTraining | null> {
  const page = await fetchPage(`?course=${encodeURIComponent(courseCode)}`);
  return page?.trainings[0] ?? null;
}
