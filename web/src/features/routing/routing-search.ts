/** The routing page's place in the address bar: which tab, which team. */
export interface RoutingSearch {
  tab?: RoutingTab;
  team?: string;
}

export const ROUTING_TABS = ["floor", "settings", "skills"] as const;
export type RoutingTab = (typeof ROUTING_TABS)[number];

/** Keeps what the page understands of a hand-edited address and drops the rest. */
export function parseRoutingSearch(search: Record<string, unknown>): RoutingSearch {
  const out: RoutingSearch = {};
  if (typeof search.tab === "string" && (ROUTING_TABS as readonly string[]).includes(search.tab)) {
    out.tab = search.tab as RoutingTab;
  }
  if (typeof search.team === "string" && /^[0-9a-f-]{36}$/i.test(search.team)) out.team = search.team;
  return out;
}
