import {
  type CreateEscalationInput,
  type DeEscalateInput,
  type Escalation,
  type EscalationType,
  type ListEscalationsQuery,
  type ResolveEscalationInput,
  roleAtLeast,
} from "@frontline/common";
import { and, eq } from "drizzle-orm";
import { authorize } from "../../platform/authorize";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { newId } from "../../platform/ids";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { activeStaff, activeTeamMemberIds, findUser } from "../staff";
import { findTicket, insertMessage, setEscalationLevel, type TicketRow } from "../tickets";
import {
  announce,
  ESCALATION_CHANGED,
  ESCALATION_CREATED,
  type EscalationChanged,
  type EscalationCreated,
} from "./escalation-notices";
import { nextLevel, roleForLevel, ticketLevel } from "./escalation-rules";
import { canHandleLevel, seesEveryEscalation } from "./escalations.policy";
import { describeEscalations } from "./escalations.present";
import {
  activeEscalations,
  type EscalationRow,
  escalationsOfTicket,
  findEscalation,
  selectEscalations,
} from "./escalations.queries";
import { escalations } from "./escalations.tables";
import { findReason } from "./reasons.service";

type Caller = Pick<Ctx, "actor" | "requestId" | "ip">;

/** What raising an escalation needs; a customer's request also says how they asked. */
export interface EscalateTicket {
  ticketId: string;
  type: EscalationType;
  reason: string;
  note?: string | null | undefined;
  /** A named supervisor (or above) of the organisation to hand it to. */
  toUserId?: string | null | undefined;
  via?: "message" | "mail_link" | "portal";
  /** For an automatic escalation, the rule that raised it. */
  ruleName?: string;
}

/** 422 on `toUserId` unless it names an active colleague who may handle this level. */
async function assertHandler(s: OrgTx, userId: string, level: number): Promise<void> {
  const user = await findUser(s, userId);
  if (!user?.active || !roleAtLeast(user.role, "supervisor")) {
    throw new AppError("unprocessable", "Not a supervisor of this organisation", {
      toUserId: ["Not an active supervisor, manager or admin of this organisation"],
    });
  }
  if (!roleAtLeast(user.role, roleForLevel(level))) {
    throw new AppError("unprocessable", `Level ${level} goes to a ${roleForLevel(level)} or above`, {
      toUserId: [`Level ${level} goes to a ${roleForLevel(level)} or above`],
    });
  }
}

/**
 * Who hears of an escalation nobody was named for: the people of the level's role in the ticket's
 * team (its team leads, for level 1), else everyone of that role. Only that role, not those above
 * it: a head of service is not told of every ticket a supervisor can take.
 */
async function levelHandlers(s: OrgTx, ticket: TicketRow, level: number): Promise<string[]> {
  const role = roleForLevel(level);
  const ofRole = (await activeStaff(s)).filter((u) => u.role === role).map((u) => u.id);
  if (!ticket.teamId) return ofRole;
  const team = new Set(await activeTeamMemberIds(s, ticket.teamId));
  const leads = ofRole.filter((id) => team.has(id));
  return leads.length > 0 ? leads : ofRole;
}

/**
 * Raises an escalation on a ticket inside the caller's transaction: agents' requests, customers'
 * requests, the rules engine's automatic ones and surveys' low ratings all come through here. An
 * agent's escalation of an escalated ticket raises it a level; any other, while one is still open,
 * raises nothing and answers the open one (`created: false`). Only a low rating may escalate a
 * closed ticket.
 */
export async function escalateTicket(
  s: OrgTx,
  ctx: Caller,
  input: EscalateTicket,
): Promise<{ escalation: EscalationRow; created: boolean }> {
  const ticket = await findTicket(s, input.ticketId, true);
  if (!ticket) throw notFound("Ticket");
  if (ticket.mergedIntoId) throw new AppError("conflict", "This ticket was merged into another; escalate that one");
  // A low rating often comes after the ticket was closed, and closed is final: the supervisor's
  // follow-up is the escalation itself (decision 019).
  if (ticket.status === "closed" && input.type !== "bad_rating")
    throw new AppError("conflict", "This ticket is closed");
  const reason = await findReason(s, input.reason);
  if (!reason || (input.type === "agent" && !reason.active)) {
    throw new AppError("unprocessable", "Unknown reason", { reason: ["Unknown or retired reason"] });
  }
  const active = await activeEscalations(s, ticket.id);
  if (input.type !== "agent" && active[0]) return { escalation: active[0], created: false };
  const level = nextLevel(active.map((e) => e.level));
  if (level === null) throw new AppError("conflict", "This ticket is escalated as high as it goes");
  if (input.toUserId) await assertHandler(s, input.toUserId, level);
  const [row] = await s.tx
    .insert(escalations)
    .values({
      orgId: s.orgId,
      id: newId(),
      ticketId: ticket.id,
      type: input.type,
      via: input.via ?? null,
      reason: reason.code,
      level,
      status: "open",
      note: input.note || null,
      toUserId: input.toUserId ?? null,
      createdByUserId: input.type === "agent" ? ctx.actor.userId : null,
      createdByCustomerId:
        input.type === "customer_request" || input.type === "bad_rating"
          ? (ctx.actor.customerId ?? ticket.requesterId)
          : null,
      createdByRule: input.type === "automatic" ? (input.ruleName ?? null) : null,
      // Set here rather than by the database: list cursors carry milliseconds, as Date does.
      createdAt: new Date(),
    })
    .returning();
  const escalation = row!;
  await setEscalationLevel(s, ticket.id, level);
  await recordAudit(s, ctx, {
    action: "escalation.created",
    entityType: "escalation",
    entityId: escalation.id,
    changes: {
      ticketId: [null, ticket.id],
      type: [null, escalation.type],
      reason: [null, escalation.reason],
      level: [null, level],
      ...(escalation.toUserId ? { toUserId: [null, escalation.toUserId] } : {}),
      ...(escalation.via ? { via: [null, escalation.via] } : {}),
    },
  });
  await announce(s, "escalation_requested", escalation, {
    actor: { userId: ctx.actor.userId, name: ctx.actor.name },
    recipients: escalation.toUserId ? [escalation.toUserId] : await levelHandlers(s, ticket, level),
    reason,
    note: escalation.note,
  });
  await domainEvents.emit<EscalationCreated>(s, ESCALATION_CREATED, {
    escalationId: escalation.id,
    ticketId: ticket.id,
    type: escalation.type,
    reason: escalation.reason,
    level,
  });
  return { escalation, created: true };
}

/** An agent (or anyone on staff) escalates a ticket with a reason, optionally to a named supervisor. */
export async function createEscalation(ctx: Ctx, ticketId: string, input: CreateEscalationInput): Promise<Escalation> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const { escalation } = await escalateTicket(s, ctx, { ticketId, type: "agent", ...input });
    return (await describeEscalations(s, [escalation]))[0]!;
  });
}

/** The escalation queue: supervisors and above see every one; others the ones they raised. */
export async function listEscalations(ctx: Ctx, q: ListEscalationsQuery) {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const own = seesEveryEscalation(ctx.actor) ? undefined : ctx.actor.userId;
    const { page, nextCursor } = await selectEscalations(s, q, ctx.actor.userId, own);
    return { data: await describeEscalations(s, page), nextCursor };
  });
}

/** Every escalation of a ticket, newest first (the ticket page shows them to whoever works it). */
export async function ticketEscalations(ctx: Ctx, ticketId: string): Promise<Escalation[]> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    if (!(await findTicket(s, ticketId))) throw notFound("Ticket");
    return describeEscalations(s, await escalationsOfTicket(s, ticketId));
  });
}

/** The escalation, locked, once the caller may handle its level (404 first: a foreign id is unknown). */
async function handled(s: OrgTx, ctx: Ctx, id: string): Promise<EscalationRow> {
  const e = await findEscalation(s, id, true);
  if (!e) throw notFound("Escalation");
  authorize(canHandleLevel(ctx.actor, e.level), `Level ${e.level} is for a ${roleForLevel(e.level)} or above`);
  if (e.status === "resolved") throw new AppError("conflict", "This escalation is resolved already");
  return e;
}

async function takenByOther(s: OrgTx, e: EscalationRow): Promise<AppError> {
  const name = e.takenByUserId ? (await findUser(s, e.takenByUserId))?.name : undefined;
  return new AppError("conflict", `${name ?? "A colleague"} has taken this escalation`);
}

/** A supervisor takes an escalation: it is theirs now (409 if a colleague took it first). */
export async function takeEscalation(ctx: Ctx, id: string): Promise<Escalation> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    let e = await handled(s, ctx, id);
    if (e.status === "taken" && e.takenByUserId !== ctx.actor.userId) throw await takenByOther(s, e);
    if (e.status === "open") {
      const [taken] = await s.tx
        .update(escalations)
        .set({ status: "taken", takenByUserId: ctx.actor.userId, takenAt: new Date() })
        .where(and(eq(escalations.orgId, s.orgId), eq(escalations.id, id)))
        .returning();
      e = taken!;
      await recordAudit(s, ctx, {
        action: "escalation.taken",
        entityType: "escalation",
        entityId: id,
        changes: { status: ["open", "taken"], takenByUserId: [null, ctx.actor.userId] },
      });
      const ticket = await findTicket(s, e.ticketId);
      await announce(s, "escalation_taken", e, {
        actor: { userId: ctx.actor.userId, name: ctx.actor.name },
        recipients: [e.createdByUserId, ticket?.assigneeId ?? null],
        reason: await findReason(s, e.reason),
        note: null,
      });
      await changed(s, e);
    }
    return (await describeEscalations(s, [e]))[0]!;
  });
}

// Taking and ending are announced too, for whatever shows the queue as it stands (the wallboard).
const changed = (s: OrgTx, e: EscalationRow) =>
  domainEvents.emit<EscalationChanged>(s, ESCALATION_CHANGED, {
    escalationId: e.id,
    ticketId: e.ticketId,
    status: e.status,
  });

interface Finish {
  outcome: NonNullable<EscalationRow["outcome"]>;
  resolutionNote: string | null;
  coachingNote: string | null;
}

/**
 * Ends an escalation: the ticket's level drops to its next open escalation's (or 0), a note for
 * the agent becomes an internal note on the ticket, and the agent and the assignee are told.
 */
async function finish(ctx: Ctx, id: string, f: Finish): Promise<Escalation> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const before = await handled(s, ctx, id);
    if (before.status === "taken" && before.takenByUserId !== ctx.actor.userId) throw await takenByOther(s, before);
    const now = new Date();
    const [row] = await s.tx
      .update(escalations)
      .set({
        status: "resolved",
        // Resolved without being taken first: whoever resolved it took it, then and there.
        takenByUserId: before.takenByUserId ?? ctx.actor.userId,
        takenAt: before.takenAt ?? now,
        resolvedByUserId: ctx.actor.userId,
        resolvedAt: now,
        outcome: f.outcome,
        resolutionNote: f.resolutionNote,
        coachingNote: f.coachingNote,
      })
      .where(and(eq(escalations.orgId, s.orgId), eq(escalations.id, id)))
      .returning();
    const e = row!;
    const remaining = await activeEscalations(s, e.ticketId);
    const ticket = await setEscalationLevel(s, e.ticketId, ticketLevel(remaining.map((r) => r.level)));
    const note = f.coachingNote ?? f.resolutionNote;
    if (note && ticket) {
      await insertMessage(s, {
        ticketId: e.ticketId,
        kind: "note",
        channel: ticket.channel,
        author: ctx.actor.userId ? { type: "user", id: ctx.actor.userId } : { type: "system", id: null },
        body: note,
        meta: { escalation: { id: e.id, step: f.coachingNote ? "de_escalated" : "resolved" } },
      });
    }
    const returned = f.coachingNote !== null;
    await recordAudit(s, ctx, {
      action: returned ? "escalation.de_escalated" : "escalation.resolved",
      entityType: "escalation",
      entityId: id,
      changes: {
        status: [before.status, "resolved"],
        outcome: [null, f.outcome],
        ...(f.resolutionNote ? { resolutionNote: [null, f.resolutionNote] } : {}),
        ...(f.coachingNote ? { coachingNote: [null, f.coachingNote] } : {}),
      },
    });
    await announce(s, returned ? "escalation_returned" : "escalation_resolved", e, {
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      recipients: [e.createdByUserId, ticket?.assigneeId ?? null],
      reason: await findReason(s, e.reason),
      note,
    });
    await changed(s, e);
    return (await describeEscalations(s, [e]))[0]!;
  });
}

/** A supervisor resolves an escalation with an outcome and an optional note for the agent. */
export function resolveEscalation(ctx: Ctx, id: string, input: ResolveEscalationInput): Promise<Escalation> {
  return finish(ctx, id, { outcome: input.outcome, resolutionNote: input.note || null, coachingNote: null });
}

/** A supervisor hands an escalation back to the agent, one level down, with a coaching note. */
export function deEscalate(ctx: Ctx, id: string, input: DeEscalateInput): Promise<Escalation> {
  return finish(ctx, id, { outcome: "returned_to_agent", resolutionNote: null, coachingNote: input.coachingNote });
}
