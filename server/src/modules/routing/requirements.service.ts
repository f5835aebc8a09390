import type { SetTicketRequirementsInput } from "@frontline/common";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { inOrg } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { findTicket, type TicketRow } from "../tickets";
import { routeTicket } from "./engine";
import { existingSkillIds, lockRouting, type TicketNeed, ticketNeedsOf } from "./routing.queries";
import { ticketRequirements, ticketSkills } from "./routing.tables";

/** What a ticket requires of whoever takes it; 404 when unknown or foreign. */
export async function getRequirements(ctx: Ctx, ticketId: string): Promise<{ ticket: TicketRow; need: TicketNeed }> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const ticket = await findTicket(s, ticketId);
    if (!ticket) throw notFound("Ticket");
    return { ticket, need: (await ticketNeedsOf(s, [ticket])).get(ticket.id)! };
  });
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
    await lockRouting(s);
    const before = (await ticketNeedsOf(s, [ticket])).get(ticket.id)!;
    await s.tx.delete(ticketSkills).where(and(eq(ticketSkills.orgId, s.orgId), eq(ticketSkills.ticketId, ticketId)));
    if (input.skillIds.length > 0) {
      await s.tx.insert(ticketSkills).values(input.skillIds.map((skillId) => ({ orgId: s.orgId, ticketId, skillId })));
    }
    const now = new Date();
    await s.tx
      .insert(ticketRequirements)
      .values({ orgId: s.orgId, ticketId, language: input.language, updatedAt: now })
      .onConflictDoUpdate({
        target: [ticketRequirements.orgId, ticketRequirements.ticketId],
        set: { language: input.language, updatedAt: now },
      });
    const after = (await ticketNeedsOf(s, [ticket])).get(ticket.id)!;
    const changes: Record<string, [unknown, unknown]> = {};
    if (before.skillIds.join() !== after.skillIds.join()) changes.skillIds = [before.skillIds, after.skillIds];
    if (before.setLanguage !== after.setLanguage) changes.language = [before.setLanguage, after.setLanguage];
    if (Object.keys(changes).length > 0) {
      await recordAudit(s, ctx, {
        action: "ticket.requirements_changed",
        entityType: "ticket",
        entityId: ticketId,
        changes,
      });
      await routeTicket(s, ticket);
    }
    const latest = (await findTicket(s, ticketId))!;
    return { ticket: latest, need: after };
  });
}
