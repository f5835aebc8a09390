import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  type Ticket,
  type TicketSort,
  type TicketStatus,
} from "@frontline/common";
import type { TicketQuery } from "../../api/tickets";
import { csvOf, oneOf, text } from "../../ui/address-bar";

/** The built-in views, in the order the side list shows them. */
export const VIEW_IDS = ["mine", "unassigned", "open", "pending", "solved", "all"] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** Statuses that still need work. */
export const OPEN_STATUSES: readonly TicketStatus[] = ["new", "open", "pending", "on_hold"];

interface ViewDefinition {
  statuses?: readonly TicketStatus[];
  /** "me" is resolved to the signed-in user's id when the query is built. */
  assignee?: "me" | "none";
}

/** What each built-in view means, as list filters. */
export const VIEWS: Record<ViewId, ViewDefinition> = {
  mine: { statuses: OPEN_STATUSES, assignee: "me" },
  unassigned: { statuses: ["new", "open"], assignee: "none" },
  open: { statuses: OPEN_STATUSES },
  pending: { statuses: ["pending"] },
  solved: { statuses: ["solved"] },
  all: {},
};

export const DEFAULT_VIEW: ViewId = "mine";

/**
 * The inbox's address bar state. Lists are comma-separated so a link stays readable and can be
 * shared; every field is optional and anything unknown is dropped by `parseInboxSearch`.
 */
export interface InboxSearch {
  view?: ViewId;
  status?: string;
  priority?: string;
  channel?: string;
  /** "me", "none" or a user id. */
  assignee?: string;
  /** "none" or a team id. */
  team?: string;
  tag?: string;
  /** A customer's id: only the tickets they asked (a search result leads here). */
  requester?: string;
  /** Only tickets with an open escalation (`?escalated=true`, which the router reads as a boolean). */
  escalated?: true;
  sort?: TicketSort;
  /** The saved view these filters were opened from, so it shows as current and can be updated. */
  saved?: string;
}

export type InboxFilterKey =
  | "status"
  | "priority"
  | "channel"
  | "assignee"
  | "team"
  | "tag"
  | "requester"
  | "escalated";
export const FILTER_KEYS: readonly InboxFilterKey[] = [
  "status",
  "priority",
  "channel",
  "assignee",
  "team",
  "tag",
  "requester",
  "escalated",
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAG = /^[\p{L}\p{N}_:.-]{1,50}$/u;

/** A tag as the server stores it (trimmed, lower case), or null when the server would refuse it. */
export function normaliseTag(value: string): string | null {
  const tag = value.trim().toLowerCase();
  return TAG.test(tag) ? tag : null;
}

/** Splits a comma-separated filter back into its values. */
export function splitCsv(value: string | undefined): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}

/** Reads the address bar into a clean InboxSearch; a hand-edited or stale link never breaks the page. */
export function parseInboxSearch(raw: Record<string, unknown>): InboxSearch {
  const out: InboxSearch = {};
  const view = oneOf(VIEW_IDS, raw.view);
  if (view) out.view = view;
  const status = csvOf(TICKET_STATUSES, raw.status);
  if (status) out.status = status;
  const priority = csvOf(TICKET_PRIORITIES, raw.priority);
  if (priority) out.priority = priority;
  const channel = csvOf(TICKET_CHANNELS, raw.channel);
  if (channel) out.channel = channel;
  const assignee = text(raw.assignee);
  if (assignee && (assignee === "me" || assignee === "none" || UUID.test(assignee))) out.assignee = assignee;
  const team = text(raw.team);
  if (team && (team === "none" || UUID.test(team))) out.team = team;
  const tag = normaliseTag(text(raw.tag) ?? "");
  if (tag) out.tag = tag;
  const requester = text(raw.requester);
  if (requester && UUID.test(requester)) out.requester = requester;
  if (raw.escalated === true || raw.escalated === "true") out.escalated = true;
  const sort = oneOf(TICKET_SORTS, raw.sort);
  if (sort) out.sort = sort;
  const saved = text(raw.saved);
  if (saved && UUID.test(saved)) out.saved = saved;
  return out;
}

/** How many filters (beyond the view) are set. */
export function activeFilterCount(search: InboxSearch): number {
  return FILTER_KEYS.filter((key) => search[key] !== undefined).length;
}

/** A view narrowed by the filters, before "me" is resolved: what the list shows and what a saved view keeps. */
export interface NarrowedView {
  statuses?: TicketStatus[];
  /** "me", "none" or a user id. */
  assignee?: string;
  team?: string;
  priority?: string;
  channel?: string;
  tag?: string;
  requester?: string;
  escalated?: true;
}

/**
 * A view narrowed by the filters. Filters narrow, never widen: statuses are intersected with the
 * view's, and an assignee that contradicts the view's gives `null`, meaning no ticket can match.
 */
export function narrowView(view: ViewId, search: InboxSearch, meId: string): NarrowedView | null {
  const definition = VIEWS[view];
  const out: NarrowedView = {};

  let statuses = definition.statuses ? [...definition.statuses] : undefined;
  const chosen = splitCsv(search.status);
  if (chosen.length > 0) statuses = statuses ? statuses.filter((s) => chosen.includes(s)) : (chosen as TicketStatus[]);
  if (statuses && statuses.length === 0) return null;
  if (statuses) out.statuses = statuses;

  const resolve = (who: string | undefined) => (who === "me" ? meId : who);
  if (definition.assignee && search.assignee && resolve(definition.assignee) !== resolve(search.assignee)) return null;
  const assignee = definition.assignee ?? search.assignee;
  if (assignee) out.assignee = assignee;

  for (const key of ["team", "priority", "channel", "tag", "requester"] as const) {
    const value = search[key];
    if (value) out[key] = value;
  }
  if (search.escalated) out.escalated = true;
  return out;
}

/** The list query for a view narrowed by the filters; `null` when no ticket can match (nothing is fetched). */
export function buildTicketQuery(view: ViewId, search: InboxSearch, meId: string): TicketQuery | null {
  const narrowed = narrowView(view, search, meId);
  if (!narrowed) return null;
  const query: TicketQuery = {};
  if (narrowed.statuses) query.status = narrowed.statuses.join(",");
  if (narrowed.assignee) query.assigneeId = narrowed.assignee === "me" ? meId : narrowed.assignee;
  if (narrowed.team) query.teamId = narrowed.team;
  if (narrowed.priority) query.priority = narrowed.priority;
  if (narrowed.channel) query.channel = narrowed.channel;
  if (narrowed.tag) query.tag = narrowed.tag;
  if (narrowed.requester) query.requesterId = narrowed.requester;
  if (narrowed.escalated) query.escalated = "true";
  query.sort = search.sort ?? "updated_desc";
  return query;
}

/** The query whose size is a view's count: the view alone, without the person's filters or sort. */
export function countQueryFor(view: ViewId, meId: string): TicketQuery {
  const { sort: _sort, ...query } = buildTicketQuery(view, {}, meId) ?? {};
  return query;
}

/** A count for the side list: the number, or "N+" when the server has more than one page of it. */
export function countLabel(result: { count: number; more: boolean }, formatNumber: (n: number) => string): string {
  return result.more ? `${formatNumber(result.count)}+` : formatNumber(result.count);
}

/** Moves the keyboard cursor through `length` rows, staying inside them; -1 means no row yet. */
export function moveCursor(current: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (current < 0 || current >= length) return step === 1 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + step));
}

/** The selected ids still on screen: after a refetch, a ticket that left the view leaves the selection. */
export function visibleIds(tickets: readonly Ticket[], selected: ReadonlySet<string>): Set<string> {
  return new Set(tickets.filter((ticket) => selected.has(ticket.id)).map((ticket) => ticket.id));
}
