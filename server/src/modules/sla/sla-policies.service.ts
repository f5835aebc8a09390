import type { CreateSlaPolicyInput, UpdateSlaPolicyInput } from "@frontline/common";
import { and, asc, eq, gte, max, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { configChanged } from "../../platform/org-config";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { calendarSpec } from "../calendars";
import { existingTeamIds } from "../staff";
import { slaPolicies } from "./sla.tables";
import type { PolicyRow } from "./sla-targets";

const ordered = (s: OrgTx) =>
  s.tx
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.orgId, s.orgId))
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.id));

/** Refuses a calendar or team the organisation does not have (422 naming the field). */
async function checkReferences(s: OrgTx, input: Partial<CreateSlaPolicyInput>): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (input.calendarId && !(await calendarSpec(s, input.calendarId))) errors.calendarId = ["Unknown calendar"];
  const teams = input.conditions?.teamId ?? [];
  const known = await existingTeamIds(s, teams);
  teams.forEach((id, i) => {
    if (!known.has(id)) errors[`conditions.teamId.${i}`] = ["Unknown team"];
  });
  if (Object.keys(errors).length) throw new AppError("unprocessable", "A policy names what does not exist", errors);
}

/** Moves the policies at `position` and after one down, so a policy put there comes before them. */
async function makeRoomAt(s: OrgTx, position: number): Promise<void> {
  await s.tx
    .update(slaPolicies)
    .set({ position: sql`${slaPolicies.position} + 1` })
    .where(and(eq(slaPolicies.orgId, s.orgId), gte(slaPolicies.position, position)));
}

/** The organisation's SLA policies in the order they are tried. */
export async function listSlaPolicies(ctx: Ctx): Promise<PolicyRow[]> {
  return inOrg(ctx.database, ctx.orgId, ordered);
}

async function findPolicy(s: OrgTx, id: string): Promise<PolicyRow> {
  const [row] = await s.tx
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.orgId, s.orgId), eq(slaPolicies.id, id)));
  if (!row) throw notFound("SLA policy");
  return row;
}

/** One policy; 404 when unknown or foreign. */
export async function getSlaPolicy(ctx: Ctx, id: string): Promise<PolicyRow> {
  return inOrg(ctx.database, ctx.orgId, (s) => findPolicy(s, id));
}

/** Adds a policy (last, unless a position is given); new tickets it covers get its clocks. */
export async function createSlaPolicy(ctx: Ctx, input: CreateSlaPolicyInput): Promise<PolicyRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    configChanged(s);
    await checkReferences(s, input);
    const [last] = await s.tx
      .select({ p: max(slaPolicies.position) })
      .from(slaPolicies)
      .where(eq(slaPolicies.orgId, s.orgId));
    if (input.position !== undefined) await makeRoomAt(s, input.position);
    const [row] = await s.tx
      .insert(slaPolicies)
      .values({
        orgId: s.orgId,
        id: newId(),
        name: input.name,
        calendarId: input.calendarId,
        position: input.position ?? (last?.p ?? -1) + 1,
        active: input.active,
        conditions: input.conditions,
        targets: input.targets,
        pauseOn: input.pauseOn,
        warnBeforeMinutes: input.warnBeforeMinutes,
      })
      .returning();
    await recordAudit(s, ctx, {
      action: "sla_policy.created",
      entityType: "sla_policy",
      entityId: row!.id,
      changes: { name: [null, row!.name] },
    });
    return row!;
  });
}

/** Changes a policy; tickets already counting under it keep their clocks until their properties change. */
export async function updateSlaPolicy(ctx: Ctx, id: string, input: UpdateSlaPolicyInput): Promise<PolicyRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    configChanged(s);
    const before = await findPolicy(s, id);
    await checkReferences(s, input);
    if (input.position !== undefined && input.position !== before.position) await makeRoomAt(s, input.position);
    const [after] = await s.tx
      .update(slaPolicies)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(slaPolicies.orgId, s.orgId), eq(slaPolicies.id, id)))
      .returning();
    const { createdAt: _a, updatedAt: _b, ...was } = before;
    const { createdAt: _c, updatedAt: _d, ...now } = after!;
    await recordAudit(s, ctx, {
      action: "sla_policy.updated",
      entityType: "sla_policy",
      entityId: id,
      changes: diff(was, now),
    });
    return after!;
  });
}

/** Deletes a policy and the clocks it set; what was missed stays in the reports. */
export async function deleteSlaPolicy(ctx: Ctx, id: string): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    configChanged(s);
    const before = await findPolicy(s, id);
    await s.tx.delete(slaPolicies).where(and(eq(slaPolicies.orgId, s.orgId), eq(slaPolicies.id, id)));
    await recordAudit(s, ctx, {
      action: "sla_policy.deleted",
      entityType: "sla_policy",
      entityId: id,
      changes: { name: [before.name, null] },
    });
  });
}

/** Puts every policy in the given order: the first that covers a ticket applies. */
export async function reorderSlaPolicies(ctx: Ctx, ids: string[]): Promise<PolicyRow[]> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    configChanged(s);
    const known = new Set((await ordered(s)).map((p) => p.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new AppError("unprocessable", "List every policy exactly once", { ids: ["Every policy, each once"] });
    }
    for (const [position, id] of ids.entries()) {
      await s.tx
        .update(slaPolicies)
        .set({ position })
        .where(and(eq(slaPolicies.orgId, s.orgId), eq(slaPolicies.id, id)));
    }
    await recordAudit(s, ctx, { action: "sla_policy.reordered", entityType: "sla_policy", entityId: null });
    return ordered(s);
  });
}
