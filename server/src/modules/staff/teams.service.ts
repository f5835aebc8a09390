import type { CreateTeamInput, pageQuerySchema, UpdateTeamInput } from "@frontline/common";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../platform/context";
import { isUniqueViolation } from "../../platform/db-errors";
import { AppError, notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { newId } from "../../platform/ids";
import { decodeCursor, pageFrom } from "../../platform/paging";
import { inOrg, inOrgReadOnly, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { existingUserIds, selectTeams, setTeamMembers } from "./staff.queries";
import { teams } from "./staff.tables";
import type { TeamRow } from "./users.service";

/** Some people joined or left a team (routing may now hand its waiting tickets to the newcomers). */
export const TEAM_MEMBERS_CHANGED = "team.members_changed";
export interface TeamMembersChanged {
  teamId: string;
  added: string[];
  removed: string[];
}

const byName = [sql`lower(${teams.name})`, sql`${teams.id}`];

const findTeam = async (s: OrgTx, id: string) => (await selectTeams(s, eq(teams.id, id), [], 1))[0];

/** Lists teams by name. */
export async function listTeams(ctx: Ctx, q: z.infer<typeof pageQuerySchema>) {
  const after = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
  const where = after ? sql`(lower(${teams.name}), ${teams.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined;
  const rows = await inOrgReadOnly(ctx.database, ctx.orgId, (s) => selectTeams(s, where, byName, q.limit + 1));
  return pageFrom(rows, q.limit, (r) => [r.name.toLowerCase(), r.id]);
}

/** One team; 404 when unknown or foreign. */
export async function getTeam(ctx: Ctx, id: string): Promise<TeamRow> {
  const row = await inOrgReadOnly(ctx.database, ctx.orgId, (s) => findTeam(s, id));
  if (!row) throw notFound("Team");
  return row;
}

/** Creates a team with its members. */
export async function createTeam(ctx: Ctx, input: CreateTeamInput): Promise<TeamRow> {
  const id = newId();
  try {
    return await inOrg(ctx.database, ctx.orgId, async (s) => {
      await assertUsersExist(s, input.memberIds);
      await s.tx.insert(teams).values({ orgId: s.orgId, id, name: input.name, description: input.description });
      await setTeamMembers(s, id, [...new Set(input.memberIds)]);
      const row = (await findTeam(s, id))!;
      await recordAudit(s, ctx, {
        action: "team.created",
        entityType: "team",
        entityId: id,
        changes: diff({}, snap(row)),
      });
      return row;
    });
  } catch (err) {
    throw nameConflict(err);
  }
}

/** Renames, describes or re-staffs a team. */
export async function updateTeam(ctx: Ctx, id: string, input: UpdateTeamInput): Promise<TeamRow> {
  try {
    return await inOrg(ctx.database, ctx.orgId, async (s) => {
      const before = await findTeam(s, id);
      if (!before) throw notFound("Team");
      const { memberIds, ...fields } = input;
      if (memberIds) await assertUsersExist(s, memberIds);
      await s.tx
        .update(teams)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(teams.orgId, s.orgId), eq(teams.id, id)));
      if (memberIds) await setTeamMembers(s, id, [...new Set(memberIds)]);
      const after = (await findTeam(s, id))!;
      const added = after.memberIds.filter((u) => !before.memberIds.includes(u));
      const removed = before.memberIds.filter((u) => !after.memberIds.includes(u));
      if (added.length || removed.length) {
        await domainEvents.emit<TeamMembersChanged>(s, TEAM_MEMBERS_CHANGED, { teamId: id, added, removed });
      }
      await recordAudit(s, ctx, {
        action: "team.updated",
        entityType: "team",
        entityId: id,
        changes: diff(snap(before), snap(after)),
      });
      return after;
    });
  } catch (err) {
    throw nameConflict(err);
  }
}

async function assertUsersExist(s: OrgTx, ids: string[]) {
  const found = await existingUserIds(s, ids);
  const missing = ids.filter((u) => !found.has(u));
  if (missing.length) {
    throw new AppError("unprocessable", "Unknown user", { memberIds: missing.map((u) => `Unknown user ${u}`) });
  }
}

function snap(r: TeamRow) {
  return { name: r.name, description: r.description, memberIds: r.memberIds };
}

function nameConflict(err: unknown): unknown {
  return isUniqueViolation(err)
    ? new AppError("conflict", "A team with this name already exists", { name: ["Already in use"] })
    : err;
}
