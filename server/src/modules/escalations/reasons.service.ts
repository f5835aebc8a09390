import {
  type CreateReasonInput,
  type EscalationPhrases,
  LOCALES,
  type Locale,
  type UpdatePhrasesInput,
  type UpdateReasonInput,
} from "@frontline/common";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { cachedConfig, configChanged } from "../../platform/org-config";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { DEFAULT_PHRASES, DEFAULT_REASONS } from "./defaults";
import { escalationPhrases, escalationReasons } from "./escalations.tables";

/** A reason as the organisation has it: its own row, or a built-in default it never changed. */
export interface ReasonRow {
  code: string;
  labels: Record<string, string>;
  active: boolean;
  position: number;
  builtIn: boolean;
}

const STEP = 10;

const defaults = (): ReasonRow[] =>
  DEFAULT_REASONS.map((r, i) => ({
    code: r.code,
    labels: { ...r.labels },
    active: true,
    position: i * STEP,
    builtIn: true,
  }));

/** The organisation's reasons in their order (the defaults until an admin changes the list). */
export async function reasonsOf(s: OrgTx): Promise<ReasonRow[]> {
  const rows = await s.tx
    .select({
      code: escalationReasons.code,
      labels: escalationReasons.labels,
      active: escalationReasons.active,
      position: escalationReasons.position,
      builtIn: escalationReasons.builtIn,
    })
    .from(escalationReasons)
    .where(eq(escalationReasons.orgId, s.orgId))
    .orderBy(asc(escalationReasons.position), asc(escalationReasons.code));
  return rows.length > 0 ? rows : defaults();
}

/** One reason of the organisation by code, or undefined. */
export async function findReason(s: OrgTx, code: string): Promise<ReasonRow | undefined> {
  return (await reasonsOf(s)).find((r) => r.code === code);
}

/**
 * Writes the defaults as rows before the first change, so a changed list is whole. Two admins
 * changing it at once both try; the unique code keeps one copy.
 */
async function materialise(s: OrgTx): Promise<void> {
  const [row] = await s.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(escalationReasons)
    .where(eq(escalationReasons.orgId, s.orgId));
  if ((row?.n ?? 0) > 0) return;
  await s.tx
    .insert(escalationReasons)
    .values(defaults().map((r) => ({ ...r, orgId: s.orgId, id: newId() })))
    .onConflictDoNothing();
}

/** The organisation's reasons. */
export async function listReasons(ctx: Ctx): Promise<ReasonRow[]> {
  return inOrg(ctx.database, ctx.orgId, reasonsOf);
}

/** Adds a reason; its code must be new in the organisation (409 on `code`). */
export async function createReason(ctx: Ctx, input: CreateReasonInput): Promise<ReasonRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    await materialise(s);
    const current = await reasonsOf(s);
    if (current.some((r) => r.code === input.code)) {
      throw new AppError("conflict", `The reason "${input.code}" exists`, { code: ["Already in use"] });
    }
    const position = input.position ?? Math.max(0, ...current.map((r) => r.position + STEP));
    const reason: ReasonRow = {
      code: input.code,
      labels: input.labels,
      active: input.active,
      position,
      builtIn: false,
    };
    await s.tx.insert(escalationReasons).values({ ...reason, orgId: s.orgId, id: newId() });
    await recordAudit(s, ctx, {
      action: "escalation_reason.created",
      entityType: "escalation_reason",
      entityId: reason.code,
      changes: { labels: [null, reason.labels], active: [null, reason.active], position: [null, position] },
    });
    return reason;
  });
}

/** Relabels, retires or moves a reason; reasons are never deleted, since escalations name them. */
export async function updateReason(ctx: Ctx, code: string, input: UpdateReasonInput): Promise<ReasonRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    await materialise(s);
    const before = (await reasonsOf(s)).find((r) => r.code === code);
    if (!before) throw notFound("Reason");
    const [after] = await s.tx
      .update(escalationReasons)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(escalationReasons.orgId, s.orgId), eq(escalationReasons.code, code)))
      .returning();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of ["labels", "active", "position"] as const) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after![key])) changes[key] = [before[key], after![key]];
    }
    await recordAudit(s, ctx, {
      action: "escalation_reason.updated",
      entityType: "escalation_reason",
      entityId: code,
      changes,
    });
    return { code, labels: after!.labels, active: after!.active, position: after!.position, builtIn: after!.builtIn };
  });
}

/** Each language's phrases: the organisation's own where it changed them, else the defaults. */
export async function phrasesOf(s: OrgTx): Promise<EscalationPhrases> {
  const rows = await cachedConfig(s, "escalations:phrases", () =>
    s.tx
      .select({ locale: escalationPhrases.locale, phrases: escalationPhrases.phrases })
      .from(escalationPhrases)
      .where(eq(escalationPhrases.orgId, s.orgId)),
  );
  const own = new Map(rows.map((r) => [r.locale, r.phrases]));
  return Object.fromEntries(
    LOCALES.map((locale) => {
      const mine = own.get(locale);
      return [locale, { phrases: [...(mine ?? DEFAULT_PHRASES[locale])], custom: mine !== undefined }];
    }),
  ) as EscalationPhrases;
}

/** The phrases of every language. */
export async function listPhrases(ctx: Ctx): Promise<EscalationPhrases> {
  return inOrg(ctx.database, ctx.orgId, phrasesOf);
}

/** Replaces the phrases of the given languages (`null`: back to the defaults), all in one step. */
export async function updatePhrases(ctx: Ctx, input: UpdatePhrasesInput): Promise<EscalationPhrases> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const before = await phrasesOf(s);
    configChanged(s);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const locale of Object.keys(input) as Locale[]) {
      const next = input[locale];
      if (next === undefined) continue;
      const where = and(eq(escalationPhrases.orgId, s.orgId), eq(escalationPhrases.locale, locale));
      if (next === null) await s.tx.delete(escalationPhrases).where(where);
      else {
        const phrases = [...new Set(next)];
        await s.tx
          .insert(escalationPhrases)
          .values({ orgId: s.orgId, id: newId(), locale, phrases })
          .onConflictDoUpdate({
            target: [escalationPhrases.orgId, escalationPhrases.locale],
            set: { phrases, updatedAt: new Date() },
          });
      }
      changes[locale] = [before[locale]?.phrases ?? null, next === null ? "defaults" : [...new Set(next)]];
    }
    await recordAudit(s, ctx, { action: "escalation_phrases.updated", entityType: "escalation_phrases", changes });
    return phrasesOf(s);
  });
}
