import {
  type CreateRuleInput,
  NOTIFY_GROUPS,
  type RuleAction,
  roleAtLeast,
  type UpdateRuleInput,
} from "@frontline/common";
import { and, asc, count, eq, max, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { configChanged } from "../../platform/org-config";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { findReason } from "../escalations";
import { existingSkillIds } from "../routing";
import { existingTeamIds, findUser } from "../staff";
import type { RuleRow } from "./rule-engine";
import { ruleFirings, rules } from "./rules.tables";
import { scheduleAutomations } from "./rules-automations";

export interface RuleWithStats extends RuleRow {
  lastFiredAt: Date | null;
  firings30d: number;
}

const isGroup = (to: string): boolean => (NOTIFY_GROUPS as readonly string[]).includes(to);

/**
 * Refuses actions that name what the organisation does not have: a team, a colleague, a skill, an
 * escalation reason it does not use (or retired), a handler below supervisor (422, by position).
 */
async function checkReferences(s: OrgTx, actions: RuleAction[]): Promise<void> {
  const errors: Record<string, string[]> = {};
  for (const [i, a] of actions.entries()) {
    if (a.type === "set_team" && a.value && !(await existingTeamIds(s, [a.value])).has(a.value)) {
      errors[`actions.${i}.value`] = ["Unknown team"];
    }
    if (a.type === "set_assignee" && a.value && !(await findUser(s, a.value))?.active) {
      errors[`actions.${i}.value`] = ["Unknown or inactive user"];
    }
    if (a.type === "escalate") {
      if (!(await findReason(s, a.reason))?.active) errors[`actions.${i}.reason`] = ["Unknown or retired reason"];
      const to = a.toUserId ? await findUser(s, a.toUserId) : undefined;
      if (a.toUserId && !(to?.active && roleAtLeast(to.role, "supervisor"))) {
        errors[`actions.${i}.toUserId`] = ["Not an active supervisor, manager or admin of this organisation"];
      }
    }
    if (a.type === "require_skills") {
      const known = await existingSkillIds(s, a.value);
      for (const [j, id] of a.value.entries())
        if (!known.has(id)) errors[`actions.${i}.value.${j}`] = ["Unknown skill"];
    }
    if (a.type === "notify" && !isGroup(a.to) && !(await findUser(s, a.to))?.active) {
      errors[`actions.${i}.to`] = ["Unknown or inactive user"];
    }
  }
  if (Object.keys(errors).length) throw new AppError("unprocessable", "A rule names what does not exist", errors);
}

async function withStats(s: OrgTx, rows: RuleRow[]): Promise<RuleWithStats[]> {
  const stats = await s.tx
    .select({ ruleId: ruleFirings.ruleId, last: max(ruleFirings.firedAt), n: count() })
    .from(ruleFirings)
    .where(and(eq(ruleFirings.orgId, s.orgId), sql`${ruleFirings.firedAt} > now() - interval '30 days'`))
    .groupBy(ruleFirings.ruleId);
  const byRule = new Map(stats.map((r) => [r.ruleId, r]));
  return rows.map((r) => ({
    ...r,
    lastFiredAt: byRule.get(r.id)?.last ?? null,
    firings30d: Number(byRule.get(r.id)?.n ?? 0),
  }));
}

async function findRule(s: OrgTx, id: string): Promise<RuleRow | undefined> {
  const [row] = await s.tx
    .select()
    .from(rules)
    .where(and(eq(rules.orgId, s.orgId), eq(rules.id, id)));
  return row;
}

/** The organisation's triggers and automations in their order, with how often each acted lately. */
export async function listRules(ctx: Ctx): Promise<RuleWithStats[]> {
  return inOrg(ctx.database, ctx.orgId, async (s) =>
    withStats(
      s,
      await s.tx
        .select()
        .from(rules)
        .where(eq(rules.orgId, s.orgId))
        .orderBy(asc(rules.kind), asc(rules.position), asc(rules.id)),
    ),
  );
}

/** One rule; 404 when unknown or foreign. */
export async function getRule(ctx: Ctx, id: string): Promise<RuleWithStats> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const row = await findRule(s, id);
    if (!row) throw notFound("Rule");
    return (await withStats(s, [row]))[0]!;
  });
}

/** Adds a rule at the end of its kind's order; an active automation gets its checks scheduled. */
export async function createRule(ctx: Ctx, input: CreateRuleInput): Promise<RuleWithStats> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    configChanged(s);
    await checkReferences(s, input.actions);
    const [last] = await s.tx
      .select({ p: max(rules.position) })
      .from(rules)
      .where(and(eq(rules.orgId, s.orgId), eq(rules.kind, input.kind)));
    const [row] = await s.tx
      .insert(rules)
      .values({
        orgId: s.orgId,
        id: newId(),
        name: input.name,
        kind: input.kind,
        active: input.active,
        position: (last?.p ?? -1) + 1,
        events: input.kind === "trigger" ? [...new Set(input.events)] : [],
        conditions: input.conditions,
        actions: input.actions,
      })
      .returning();
    if (row!.kind === "automation" && row!.active) await scheduleAutomations(s);
    await recordAudit(s, ctx, {
      action: "rule.created",
      entityType: "rule",
      entityId: row!.id,
      changes: { name: [null, row!.name] },
    });
    return { ...row!, lastFiredAt: null, firings30d: 0 };
  });
}

/** Changes a rule; `events` belong to triggers only. */
export async function updateRule(ctx: Ctx, id: string, input: UpdateRuleInput): Promise<RuleWithStats> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    configChanged(s);
    const before = await findRule(s, id);
    if (!before) throw notFound("Rule");
    if (input.events && before.kind !== "trigger") {
      throw new AppError("validation_failed", "Automations run on a schedule, not on events", {
        events: ["Triggers only"],
      });
    }
    if (input.actions) await checkReferences(s, input.actions);
    const [after] = await s.tx
      .update(rules)
      .set({ ...input, ...(input.events ? { events: [...new Set(input.events)] } : {}), updatedAt: new Date() })
      .where(and(eq(rules.orgId, s.orgId), eq(rules.id, id)))
      .returning();
    if (after!.kind === "automation" && after!.active) await scheduleAutomations(s);
    const { createdAt: _c, updatedAt: _u, ...a } = before;
    const { createdAt: _c2, updatedAt: _u2, ...b } = after!;
    await recordAudit(s, ctx, { action: "rule.updated", entityType: "rule", entityId: id, changes: diff(a, b) });
    return (await withStats(s, [after!]))[0]!;
  });
}

/** Deletes a rule and its log; tickets keep what it did. */
export async function deleteRule(ctx: Ctx, id: string): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    configChanged(s);
    const gone = await s.tx
      .delete(rules)
      .where(and(eq(rules.orgId, s.orgId), eq(rules.id, id)))
      .returning({ name: rules.name });
    if (gone.length === 0) throw notFound("Rule");
    await recordAudit(s, ctx, {
      action: "rule.deleted",
      entityType: "rule",
      entityId: id,
      changes: { name: [gone[0]!.name, null] },
    });
  });
}

/** Puts one kind's rules in the given order; the ids must be exactly that kind's rules. */
export async function reorderRules(ctx: Ctx, kind: RuleRow["kind"], ids: string[]): Promise<RuleWithStats[]> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    configChanged(s);
    const current = await s.tx
      .select({ id: rules.id })
      .from(rules)
      .where(and(eq(rules.orgId, s.orgId), eq(rules.kind, kind)));
    const known = new Set(current.map((r) => r.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new AppError("unprocessable", `List every ${kind} exactly once`, { ids: [`Every ${kind}, each once`] });
    }
    for (const [position, id] of ids.entries()) {
      await s.tx
        .update(rules)
        .set({ position })
        .where(and(eq(rules.orgId, s.orgId), eq(rules.id, id)));
    }
    await recordAudit(s, ctx, { action: "rule.reordered", entityType: "rule", entityId: kind });
    return withStats(
      s,
      await s.tx
        .select()
        .from(rules)
        .where(and(eq(rules.orgId, s.orgId), eq(rules.kind, kind)))
        .orderBy(asc(rules.position)),
    );
  });
}
