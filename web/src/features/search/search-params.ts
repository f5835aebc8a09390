import { SEARCH_TYPES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from "@frontline/common";
import { csvOf, typedText } from "../../ui/address-bar";

/** The longest query the server takes. */
export const MAX_QUERY_LENGTH = 200;

/** The search page's address bar: the words and the filters, lists comma-separated. */
export interface SearchPageSearch {
  q?: string;
  type?: string;
  status?: string;
  priority?: string;
  channel?: string;
}

export type SearchFilterKey = "type" | "status" | "priority" | "channel";

/** Reads the address bar into clean search parameters; anything unknown in a hand-edited link is dropped. */
export function parseSearchPage(raw: Record<string, unknown>): SearchPageSearch {
  const out: SearchPageSearch = {};
  const q = typedText(raw.q)?.slice(0, MAX_QUERY_LENGTH);
  if (q) out.q = q;
  const type = csvOf(SEARCH_TYPES, raw.type);
  if (type) out.type = type;
  const status = csvOf(TICKET_STATUSES, raw.status);
  if (status) out.status = status;
  const priority = csvOf(TICKET_PRIORITIES, raw.priority);
  if (priority) out.priority = priority;
  const channel = csvOf(TICKET_CHANNELS, raw.channel);
  if (channel) out.channel = channel;
  return out;
}

/** True when a ticket field narrows the search: the server then leaves customers out. */
export function filtersTickets(search: SearchPageSearch): boolean {
  return Boolean(search.status || search.priority || search.channel);
}

/** Whether customers can be among the results of this search. */
export function customersWanted(search: SearchPageSearch): boolean {
  const types = search.type?.split(",") ?? SEARCH_TYPES;
  return types.includes("customer");
}
