import type { pageQuerySchema, SkillInput } from "@frontline/common";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../platform/context";
import { isUniqueViolation } from "../../platform/db-errors";
import { AppError, notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { decodeCursor, pageFrom } from "../../platform/paging";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { wakeTeams } from "./engine";
import { lockRouting, routingTeamIds, type SkillRow } from "./routing.queries";
import { skills } from "./routing.tables";

export type SkillWithCount = SkillRow & { agentCount: number };

// Outer columns are named with their table: in a one-table select the ORM prints them bare.
const agentCount = sql<number>`(SELECT count(*)::int FROM routing_agent_skills a
  WHERE a.org_id = "routing_skills"."org_id" AND a.skill_id = "routing_skills"."id")`;

const selectSkills = (s: OrgTx) =>
  s.tx
    .select({
      orgId: skills.orgId,
      id: skills.id,
      name: skills.name,
      createdAt: skills.createdAt,
      updatedAt: skills.updatedAt,
      agentCount,
    })
    .from(skills);

async function findSkill(s: OrgTx, id: string): Promise<SkillWithCount | undefined> {
  const [row] = await selectSkills(s).where(and(eq(skills.orgId, s.orgId), eq(skills.id, id)));
  return row;
}

/** The organisation's skills by name, with how many agents have each. */
export async function listSkills(ctx: Ctx, q: z.infer<typeof pageQuerySchema>) {
  const after = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
  const rows = await inOrg(ctx.database, ctx.orgId, (s) =>
    selectSkills(s)
      .where(
        and(
          eq(skills.orgId, s.orgId),
          after ? sql`(lower(${skills.name}), ${skills.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(sql`lower(${skills.name})`, skills.id)
      .limit(q.limit + 1),
  );
  return pageFrom(rows, q.limit, (r) => [r.name.toLowerCase(), r.id]);
}

/** Adds a skill; a name already taken (in any case) is a 409. */
export async function createSkill(ctx: Ctx, input: SkillInput): Promise<SkillWithCount> {
  const id = newId();
  return named(() =>
    inOrg(ctx.database, ctx.orgId, async (s) => {
      await s.tx.insert(skills).values({ orgId: s.orgId, id, name: input.name });
      await recordAudit(s, ctx, {
        action: "routing.skill_created",
        entityType: "skill",
        entityId: id,
        changes: { name: [null, input.name] },
      });
      return (await findSkill(s, id))!;
    }),
  );
}

/** Renames a skill. */
export async function renameSkill(ctx: Ctx, id: string, input: SkillInput): Promise<SkillWithCount> {
  return named(() =>
    inOrg(ctx.database, ctx.orgId, async (s) => {
      const before = await findSkill(s, id);
      if (!before) throw notFound("Skill");
      if (before.name === input.name) return before;
      await s.tx
        .update(skills)
        .set({ name: input.name, updatedAt: new Date() })
        .where(and(eq(skills.orgId, s.orgId), eq(skills.id, id)));
      await recordAudit(s, ctx, {
        action: "routing.skill_renamed",
        entityType: "skill",
        entityId: id,
        changes: { name: [before.name, input.name] },
      });
      return (await findSkill(s, id))!;
    }),
  );
}

/**
 * Deletes a skill: agents lose it and tickets stop requiring it. Tickets that waited for it may now
 * find someone, so the queue of every team that routes gets another look.
 */
export async function deleteSkill(ctx: Ctx, id: string): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    await lockRouting(s);
    const before = await findSkill(s, id);
    if (!before) throw notFound("Skill");
    await s.tx.delete(skills).where(and(eq(skills.orgId, s.orgId), eq(skills.id, id)));
    await recordAudit(s, ctx, {
      action: "routing.skill_deleted",
      entityType: "skill",
      entityId: id,
      changes: { name: [before.name, null] },
    });
    await wakeTeams(s, await routingTeamIds(s));
  });
}

async function named<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError("conflict", "A skill with this name already exists", { name: ["Already in use"] });
    }
    throw err;
  }
}
