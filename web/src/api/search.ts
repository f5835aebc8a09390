import { pageOf, type SearchResult, searchResultSchema } from "@frontline/common";
import { apiGet, type Query } from "./client";

// Results come as one list, best first within each type: `{ data: [...] }`.
const resultList = pageOf(searchResultSchema).pick({ data: true });

/** The search words and filters, already in query-string form (lists comma-separated). */
export interface SearchRequest extends Query {
  q: string;
  type?: string | undefined;
  status?: string | undefined;
  priority?: string | undefined;
  channel?: string | undefined;
}

/** How many results of each type one search asks for. */
export const SEARCH_LIMIT = 30;

/** Searches tickets, messages and customers of the organisation. */
export async function searchEverything(request: SearchRequest, signal?: AbortSignal): Promise<SearchResult[]> {
  return (await apiGet("/search", resultList, { ...request, limit: SEARCH_LIMIT }, signal)).data;
}
