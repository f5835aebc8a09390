import { checkCustomFields, type UpdateTicketInput } from "@frontline/common";
import { and, eq } from "drizzle-orm";
import { AppError } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import type { OrgTx } from "../../platform/tenancy";
import { fieldDefinitions } from "../custom-fields";
import { existingTeamIds, findUser } from "../staff";
import { TICKET_CHANGED, type TicketChanged } from "./ticket-events";
import { applyTags, assertTransition, statusTimestamps } from "./ticket-rules";
import { refreshTicketSearch } from "./ticket-search";
import { findTicket, rememberTicket, type TicketRow } from "./tickets.queries";
import { tickets } from "./tickets.tables";

/** Validates and writes one ticket's changes inside the caller's transaction. */
export async function applyChanges(
  s: OrgTx,
  before: TicketRow,
  input: UpdateTicketInput,
  prefix?: string,
): Promise<TicketRow> {
  try {
    if (before.mergedIntoId) throw new AppError("conflict", "This ticket was merged into another; change that one");
    const status = input.status ?? before.status;
    assertTransition(before.status, status);
    await assertAssignable(s, input.assigneeId, input.teamId);
    const { customFields: submitted, ...fields } = input;
    const customFields = submitted
      ? { ...before.customFields, ...(await checkTicketFields(s, submitted, before.customFields)) }
      : undefined;
    const now = new Date();
    const [after] = await s.tx
      .update(tickets)
      .set({
        ...fields,
        ...(fields.tags ? { tags: applyTags([], fields.tags) } : {}),
        ...(customFields ? { customFields } : {}),
        ...statusTimestamps(before.status, status, now),
        // Assigning a new ticket means someone is on it.
        ...(before.status === "new" && !input.status && input.assigneeId ? { status: "open" as const } : {}),
        updatedAt: now,
      })
      .where(and(eq(tickets.orgId, s.orgId), eq(tickets.id, before.id)))
      .returning();
    rememberTicket(s, after!, true);
    if (after!.subject !== before.subject) await refreshTicketSearch(s, before.id);
    if (changedFields(before, after!).length > 0) {
      await domainEvents.emit<TicketChanged>(s, TICKET_CHANGED, { before, after: after! });
    }
    return after!;
  } catch (err) {
    if (prefix && err instanceof AppError && err.fields) {
      const fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [`${prefix}.${k}`, v]));
      throw new AppError(err.code, err.message, fields);
    }
    throw err;
  }
}

/**
 * Sets a ticket's escalation level (the escalations module keeps it equal to its highest open
 * escalation) inside the caller's transaction, and announces it like any change; no change, no event.
 */
export async function setEscalationLevel(s: OrgTx, ticketId: string, level: number): Promise<TicketRow | undefined> {
  const before = await findTicket(s, ticketId, true);
  if (!before || before.escalationLevel === level) return before;
  const [after] = await s.tx
    .update(tickets)
    .set({ escalationLevel: level, updatedAt: new Date() })
    .where(and(eq(tickets.orgId, s.orgId), eq(tickets.id, ticketId)))
    .returning();
  rememberTicket(s, after!, true);
  await domainEvents.emit<TicketChanged>(s, TICKET_CHANGED, { before, after: after! });
  return after;
}

/** Throws 422 unless the assignee is an active user and the team exists. */
export async function assertAssignable(
  s: OrgTx,
  assigneeId: string | null | undefined,
  teamId: string | null | undefined,
) {
  if (assigneeId) {
    const user = await findUser(s, assigneeId);
    if (!user?.active) {
      throw new AppError("unprocessable", "Unknown or inactive assignee", { assigneeId: ["Unknown or inactive user"] });
    }
  }
  if (teamId) {
    if (!(await existingTeamIds(s, [teamId])).has(teamId))
      throw new AppError("unprocessable", "Unknown team", { teamId: ["Unknown team"] });
  }
}

/** Checks custom-field values against the ticket field definitions; 400 naming each bad field. */
export async function checkTicketFields(
  s: OrgTx,
  submitted: Record<string, unknown>,
  current: Record<string, unknown>,
) {
  const { values, errors } = checkCustomFields(await fieldDefinitions(s, "ticket"), submitted, current);
  if (Object.keys(errors).length) throw new AppError("validation_failed", "Invalid custom field values", errors);
  return values;
}

// Times that move on every write, and what other modules derive from the ticket (its SLA summary),
// say nothing about what changed.
const NOT_A_CHANGE = new Set(["updatedAt", "lastMessageAt", "slaDueAt", "slaBreached"]);

/** The properties that differ between two versions of a ticket (times of writing aside). */
export function changedFields(before: TicketRow, after: TicketRow): (keyof TicketRow)[] {
  return (Object.keys(after) as (keyof TicketRow)[]).filter(
    (k) => !NOT_A_CHANGE.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}
