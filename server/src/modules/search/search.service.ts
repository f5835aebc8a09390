import type { SearchQuery, SearchResult } from "@frontline/common";
import type { Ctx } from "../../platform/context";
import { inOrgReadOne, inOrgReadOnly } from "../../platform/tenancy";
import { searchCustomers } from "../customers";
import { MARK_END, MARK_START, searchMessages, searchTickets } from "../tickets";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes a snippet's text and turns the highlight markers into <mark>: the only HTML it can hold. */
export function markSnippet(raw: string): string {
  return raw
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
    .replaceAll(MARK_START, "<mark>")
    .replaceAll(MARK_END, "</mark>");
}

/** Highlights `text` inside a plain value (customers are matched by substring, not by words). */
function markSubstring(value: string, text: string): string {
  const at = value.toLowerCase().indexOf(text.toLowerCase());
  if (at < 0) return markSnippet(value);
  return markSnippet(
    `${value.slice(0, at)}${MARK_START}${value.slice(at, at + text.length)}${MARK_END}${value.slice(at + text.length)}`,
  );
}

/**
 * Searches the caller's organisation: tickets by their words (any of the five languages' stems, or the
 * words as typed), the matching messages inside the best of those tickets, and customers by name,
 * email or phone. Ticket filters narrow tickets and messages alike.
 */
export async function search(ctx: Ctx, query: SearchQuery): Promise<SearchResult[]> {
  const wants = new Set(query.type ?? ["ticket", "message", "customer"]);
  const ticketFilters = Boolean(
    query.status || query.priority || query.channel || query.assigneeId || query.teamId || query.tag,
  );
  // Tickets alone, or customers alone, are one statement: its commit can travel with it.
  const oneRead = wants.size === 1 && !wants.has("message");
  return (oneRead ? inOrgReadOne : inOrgReadOnly)(ctx.database, ctx.orgId, async (s) => {
    const out: SearchResult[] = [];
    const tickets = wants.has("ticket") || wants.has("message") ? await searchTickets(s, query) : [];
    if (wants.has("ticket")) {
      for (const t of tickets) {
        out.push({
          type: "ticket",
          id: t.id,
          ticketId: t.id,
          ticketNumber: t.number,
          title: t.subject,
          snippet: markSnippet(t.snippet),
          rank: t.rank,
        });
      }
    }
    if (wants.has("message")) {
      const messages = await searchMessages(
        s,
        query.q,
        tickets.map((t) => t.id),
        query.limit,
      );
      for (const m of messages) {
        out.push({
          type: "message",
          id: m.id,
          ticketId: m.ticketId,
          ticketNumber: m.ticketNumber,
          title: m.subject,
          snippet: markSnippet(m.snippet),
          rank: m.rank,
        });
      }
    }
    // Customers have no ticket fields: a filtered search is a search for tickets.
    if (wants.has("customer") && !ticketFilters) {
      for (const c of await searchCustomers(s, query.q, query.limit)) {
        const shown = [c.name, c.email, c.phone].filter(Boolean).join(" · ");
        out.push({
          type: "customer",
          id: c.id,
          title: c.name || c.email || c.phone || "",
          snippet: markSubstring(shown, query.q),
          rank: 0,
        });
      }
    }
    return out;
  });
}
