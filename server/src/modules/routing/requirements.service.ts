import type { SetTicketRequirementsInput } from "@frontline/common";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { findTicket, type TicketRow } from "../tickets";
import { routeForNewNeed } from "./engine";
import { existingSkillIds, lockRouting, type TicketNeed, ticketNeedsOf } from "./routing.queries";
import { ticketRequirements, ticketSkills } from "./routing.tables";

type Who = Pick<Ctx, "actor" | "requestId" | "ip">;

/** What to change: every required skill, or some more beside those required; the language set (null: the ticket's own). */
interface RequirementChange {
  skillIds?: readonly string[];
  addSkillIds?: readonly string[];
  language?: string | null;
}

/** What a ticket requires of whoever takes it; 404 when unknown or foreign. */
export async function getRequirements(ctx: Ctx, ticketId: string): Promise<{ ticket: TicketRow; need: TicketNeed }> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const ticket = await findTicket(s, ticketId);
    if (!ticket) throw notFound("Ticket");
    return { ticket, need: (await ticketNeedsOf(s, [ticket])).get(ticket.id)! };
  });
}

/**
 * Writes a change of a ticket's requirements under routing's lock (skill ids already checked), audits
 * it as `who`, and routes the ticket again when anything changed (engine's routeForNewNeed says whom
 * that may move). Answers the requirements afterwards and whether they changed.
 */
async function changeRequirements(
  s: OrgTx,
  who: Who,
  ticket: TicketRow,
  change: RequirementChange,
): Promise<{ need: TicketNeed; changed: boolean }> {
  await lockRouting(s);
  const before = (await ticketNeedsOf(s, [ticket])).get(ticket.id)!;
  const skillIds = [...new Set(change.skillIds ?? [...before.skillIds, ...(change.addSkillIds ?? [])])].sort();
  const language = change.language === undefined ? before.setLanguage : change.language;
  const changes: Record<string, [unknown, unknown]> = {};
  if (before.skillIds.join() !== skillIds.join()) changes.skillIds = [before.skillIds, skillIds];
  if (before.setLanguage !== language) changes.language = [before.setLanguage, language];
  if (Object.keys(changes).length === 0) return { need: before, changed: false };
  const ticketId = ticket.id;
  if (changes.skillIds) {
    await s.tx.delete(ticketSkills).where(and(eq(ticketSkills.orgId, s.orgId), eq(ticketSkills.ticketId, ticketId)));
    if (skillIds.length > 0) {
      await s.tx.insert(ticketSkills).values(skillIds.map((skillId) => ({ orgId: s.orgId, ticketId, skillId })));
    }
  }
  const now = new Date();
  await s.tx
    .insert(ticketRequirements)
    .values({ orgId: s.orgId, ticketId, language, updatedAt: now })
    .onConflictDoUpdate({
      target: [ticketRequirements.orgId, ticketRequirements.ticketId],
      set: { language, updatedAt: now },
    });
  await recordAudit(s, who, {
    action: "ticket.requirements_changed",
    entityType: "ticket",
    entityId: ticketId,
    changes,
  });
  await routeForNewNeed(s, ticketId);
  return { need: (await ticketNeedsOf(s, [ticket])).get(ticketId)!, changed: true };
}

/**
 * Sets the skills and language a ticket requires (null language: the ticket's own). A ticket waiting
 * in its team's queue is routed again at once, since someone may fit now; one already assigned keeps
 * its assignee.
 */
export async function setRequirements(
  ctx: Ctx,
  ticketId: string,
  input: SetTicketRequirementsInput,
): Promise<{ ticket: TicketRow; need: TicketNeed }> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const ticket = await findTicket(s, ticketId, true);
    if (!ticket) throw notFound("Ticket");
    if (ticket.mergedIntoId) throw new AppError("conflict", "This ticket was merged into another; change that one");
    const known = await existingSkillIds(s, input.skillIds);
    const unknown = Object.fromEntries(
      input.skillIds.flatMap((id, i) => (known.has(id) ? [] : [[`skillIds.${i}`, ["Unknown skill"]]])),
    );
    if (Object.keys(unknown).length > 0) throw new AppError("unprocessable", "Unknown skill", unknown);
    const { need } = await changeRequirements(s, ctx, ticket, input);
    return { ticket: (await findTicket(s, ticketId))!, need };
  });
}

/**
 * Asks more of whoever takes a ticket, inside the caller's transaction (a rule's): adds skills to
 * those it requires and, when `language` is given, sets the language (null: the ticket's own). Skills
 * deleted since the caller named them are passed over. Routes like setRequirements, and also moves a
 * ticket routing gave out earlier in the same transaction to someone who fits. Answers whether the
 * requirements changed.
 */
export async function requireForTicket(
  s: OrgTx,
  who: Who,
  ticketId: string,
  change: { addSkillIds?: readonly string[]; language?: string | null },
): Promise<boolean> {
  const ticket = await findTicket(s, ticketId, true);
  if (!ticket || ticket.mergedIntoId) return false;
  const known = await existingSkillIds(s, change.addSkillIds ?? []);
  const addSkillIds = (change.addSkillIds ?? []).filter((id) => known.has(id));
  const { changed } = await changeRequirements(s, who, ticket, { addSkillIds, language: change.language });
  return changed;
}
