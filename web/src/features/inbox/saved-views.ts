import {
  type Me,
  roleAtLeast,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketSort,
  type View,
  type ViewFilters,
} from "@frontline/common";
import { type InboxSearch, narrowView, splitCsv, type ViewId } from "./views";

/** What "Save as view" stores: the current view and filters as a saved view's filters, and the sort. */
export interface SavableView {
  filters: ViewFilters;
  sort: TicketSort;
}

/** Keeps the known values in their canonical order, so two equal choices compare equal. */
function ordered<T extends string>(allowed: readonly T[], values: readonly string[]): T[] {
  return allowed.filter((value) => values.includes(value));
}

/**
 * The inbox as it is now, as a saved view: the built-in view narrowed by the filters, with "me"
 * kept as "me" so a shared view means each viewer. `null` when no ticket could match, or when a
 * filter cannot be saved (a single customer's tickets).
 */
export function savableView(view: ViewId, search: InboxSearch, meId: string): SavableView | null {
  const narrowed = narrowView(view, search, meId);
  if (!narrowed || narrowed.requester) return null;
  const filters: ViewFilters = {};
  if (narrowed.statuses) filters.status = ordered(TICKET_STATUSES, narrowed.statuses);
  const priority = ordered(TICKET_PRIORITIES, splitCsv(narrowed.priority));
  if (priority.length > 0) filters.priority = priority;
  const channel = ordered(TICKET_CHANNELS, splitCsv(narrowed.channel));
  if (channel.length > 0) filters.channel = channel;
  if (narrowed.assignee) filters.assigneeId = narrowed.assignee === meId ? "me" : narrowed.assignee;
  if (narrowed.team) filters.teamId = narrowed.team;
  if (narrowed.tag) filters.tag = narrowed.tag;
  if (narrowed.escalated) filters.escalated = "true";
  return { filters, sort: search.sort ?? "updated_desc" };
}

const csv = (values: readonly string[]) => (values.length > 0 ? values.join(",") : undefined);

/** The inbox address of a saved view: its filters on the "All" view, marked as opened from it. */
export function inboxSearchOf(saved: View): InboxSearch {
  const f = saved.filters;
  const search: InboxSearch = { view: "all", saved: saved.id };
  const status = csv(ordered(TICKET_STATUSES, f.status ?? []));
  if (status) search.status = status;
  const priority = csv(ordered(TICKET_PRIORITIES, f.priority ?? []));
  if (priority) search.priority = priority;
  const channel = csv(ordered(TICKET_CHANNELS, f.channel ?? []));
  if (channel) search.channel = channel;
  if (f.assigneeId) search.assignee = f.assigneeId;
  if (f.teamId) search.team = f.teamId;
  if (f.tag) search.tag = f.tag;
  if (f.escalated) search.escalated = true;
  if (saved.sort !== "updated_desc") search.sort = saved.sort;
  return search;
}

/** A saved view in one canonical form: "me" as the viewer, lists in order, no empty values. */
function canonical(filters: ViewFilters, sort: string, meId: string): string {
  return JSON.stringify([
    ordered(TICKET_STATUSES, filters.status ?? []),
    ordered(TICKET_PRIORITIES, filters.priority ?? []),
    ordered(TICKET_CHANNELS, filters.channel ?? []),
    filters.assigneeId === meId ? "me" : (filters.assigneeId ?? null),
    filters.teamId ?? null,
    filters.tag ?? null,
    filters.escalated ?? null,
    sort,
  ]);
}

/** True when the inbox shows exactly what the saved view holds, so there is nothing to update. */
export function matchesSavedView(saved: View, current: SavableView | null, meId: string): boolean {
  return (
    current !== null && canonical(saved.filters, saved.sort, meId) === canonical(current.filters, current.sort, meId)
  );
}

/** Who may change a view, as the server decides: its owner for a personal view, supervisors and above for a team's. */
export function canEditView(view: View, me: Me): boolean {
  return view.scope === "personal" ? view.ownerId === me.id : roleAtLeast(me.role, "supervisor");
}

/** Whether this person may share views with a team at all. */
export function canShareViews(me: Me): boolean {
  return roleAtLeast(me.role, "supervisor");
}
