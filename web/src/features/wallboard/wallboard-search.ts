/** The wallboard's place in the address bar: which team, if one. */
export interface WallboardSearch {
  team?: string;
}

/** Keeps what the page understands of a hand-edited address and drops the rest. */
export function parseWallboardSearch(search: Record<string, unknown>): WallboardSearch {
  return typeof search.team === "string" && /^[0-9a-f-]{36}$/i.test(search.team) ? { team: search.team } : {};
}
