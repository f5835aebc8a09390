import { type CreateViewInput, roleAtLeast, type UpdateViewInput, type ViewFilters } from "@frontline/common";
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { inOrg, inOrgReadOnly, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { existingTeamIds, findUser } from "../staff";
import { countTickets } from "./tickets.service";
import { views } from "./views.tables";

export type ViewRow = typeof views.$inferSelect;

/** Team views are set up by supervisors and above; personal views by anyone, for themselves. */
const canShare = (ctx: Ctx) => roleAtLeast(ctx.actor.role, "supervisor");

async function myTeamIds(s: OrgTx, ctx: Ctx): Promise<string[]> {
  return ctx.actor.userId ? ((await findUser(s, ctx.actor.userId))?.teamIds ?? []) : [];
}

/** The caller's own views and those shared with their teams, in display order. */
export async function listViews(ctx: Ctx): Promise<ViewRow[]> {
  return inOrgReadOnly(ctx.database, ctx.orgId, async (s) => {
    const teamIds = await myTeamIds(s, ctx);
    return s.tx
      .select()
      .from(views)
      .where(
        and(
          eq(views.orgId, s.orgId),
          or(
            ctx.actor.userId ? and(eq(views.ownerId, ctx.actor.userId), isNull(views.teamId)) : undefined,
            teamIds.length ? inArray(views.teamId, teamIds) : undefined,
          ) ?? isNull(views.id),
        ),
      )
      .orderBy(asc(views.position), asc(views.name), asc(views.id));
  });
}

/** Saves a view; with a team it is shared with that team's members. */
export async function createView(ctx: Ctx, input: CreateViewInput): Promise<ViewRow> {
  if (input.teamId && !canShare(ctx))
    throw new AppError("forbidden", "Only supervisors and above share views with a team");
  if (!input.teamId && !ctx.actor.userId) throw new AppError("forbidden", "A personal view needs a user");
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    if (input.teamId && !(await existingTeamIds(s, [input.teamId])).has(input.teamId)) {
      throw new AppError("unprocessable", "Unknown team", { teamId: ["Unknown team"] });
    }
    const [row] = await s.tx
      .insert(views)
      .values({
        orgId: s.orgId,
        id: newId(),
        name: input.name,
        ownerId: ctx.actor.userId,
        teamId: input.teamId ?? null,
        filters: input.filters,
        sort: input.sort,
        position: input.position,
      })
      .returning();
    await recordAudit(s, ctx, {
      action: "view.created",
      entityType: "view",
      entityId: row!.id,
      changes: { name: [null, input.name] },
    });
    return row!;
  });
}

/** A view the caller may change: their own personal view, or a team view for supervisors and above. */
async function editable(s: OrgTx, ctx: Ctx, id: string): Promise<ViewRow> {
  const [row] = await s.tx
    .select()
    .from(views)
    .where(and(eq(views.orgId, s.orgId), eq(views.id, id)));
  const visible =
    row &&
    (row.teamId ? (await myTeamIds(s, ctx)).includes(row.teamId) || canShare(ctx) : row.ownerId === ctx.actor.userId);
  if (!row || !visible) throw notFound("View");
  if (row.teamId && !canShare(ctx)) throw new AppError("forbidden", "Only supervisors and above change team views");
  return row;
}

/** Who a view is shared with after a change of `teamId`: checked like a new view's. */
async function sharingChange(s: OrgTx, ctx: Ctx, current: ViewRow, teamId: string | null | undefined) {
  if (teamId === undefined || teamId === current.teamId) return {};
  if (teamId === null) {
    if (!ctx.actor.userId) throw new AppError("forbidden", "A personal view needs a user");
    // Whoever takes a view back from the team keeps it; otherwise it would vanish from their list.
    return { teamId: null, ownerId: ctx.actor.userId };
  }
  if (!canShare(ctx)) throw new AppError("forbidden", "Only supervisors and above share views with a team");
  if (!(await existingTeamIds(s, [teamId])).has(teamId)) {
    throw new AppError("unprocessable", "Unknown team", { teamId: ["Unknown team"] });
  }
  return { teamId };
}

/** Renames, re-filters, reorders or re-shares a view. */
export async function updateView(ctx: Ctx, id: string, input: UpdateViewInput): Promise<ViewRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const current = await editable(s, ctx, id);
    const { teamId, ...rest } = input;
    const sharing = await sharingChange(s, ctx, current, teamId);
    const [row] = await s.tx
      .update(views)
      .set({ ...rest, ...sharing, updatedAt: new Date() })
      .where(and(eq(views.orgId, s.orgId), eq(views.id, id)))
      .returning();
    await recordAudit(s, ctx, {
      action: "view.updated",
      entityType: "view",
      entityId: id,
      ...("teamId" in sharing ? { changes: { teamId: [current.teamId, sharing.teamId] } } : {}),
    });
    return row!;
  });
}

/** Deletes a view. */
export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    await editable(s, ctx, id);
    await s.tx.delete(views).where(and(eq(views.orgId, s.orgId), eq(views.id, id)));
    await recordAudit(s, ctx, { action: "view.deleted", entityType: "view", entityId: id });
  });
}

/** A view's filters as list filters for the person looking ("me" becomes them). */
export function filtersFor(ctx: Ctx, f: ViewFilters) {
  const { assigneeId, ...rest } = f;
  const me = ctx.actor.userId ?? "none";
  return { ...rest, ...(assigneeId ? { assigneeId: assigneeId === "me" ? me : assigneeId } : {}) };
}

/** How many tickets each of the caller's views holds. */
export async function countViews(ctx: Ctx): Promise<{ id: string; count: number }[]> {
  const mine = await listViews(ctx);
  const out: { id: string; count: number }[] = [];
  for (const v of mine)
    out.push({ id: v.id, count: await countTickets(ctx, filtersFor(ctx, v.filters as ViewFilters)) });
  return out;
}
