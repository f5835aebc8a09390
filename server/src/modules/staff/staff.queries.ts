import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { builtOnce } from "../../platform/built-once";
import type { Tx } from "../../platform/db";
import type { OrgTx } from "../../platform/tenancy";
import { teamMembers, teams, users } from "./staff.tables";

// Outer columns are named with their table: in a one-table select the ORM prints them bare, which
// inside the subquery would mean team_members' own columns.
const userTeamIds = sql<string[]>`coalesce((SELECT array_agg(tm.team_id ORDER BY tm.team_id) FROM team_members tm
  WHERE tm.org_id = "users"."org_id" AND tm.user_id = "users"."id"), '{}')`;

const teamMemberIds = sql<string[]>`coalesce((SELECT array_agg(tm.user_id ORDER BY tm.user_id) FROM team_members tm
  WHERE tm.org_id = "teams"."org_id" AND tm.team_id = "teams"."id"), '{}')`;

const userColumns = {
  orgId: users.orgId,
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  timeZone: users.timeZone,
  active: users.active,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  teamIds: userTeamIds,
};

/** Users of the organisation matching `where`, with their team ids, in the given order. */
export function selectUsers(s: OrgTx, where: SQL | undefined, orderBy: SQL[], limit: number) {
  return s.tx
    .select(userColumns)
    .from(users)
    .where(and(eq(users.orgId, s.orgId), where))
    .orderBy(...orderBy)
    .limit(limit);
}

/** One user with team ids, or undefined. */
export async function findUser(s: OrgTx, id: string) {
  const [row] = await userById(s.tx, { org: s.orgId, id });
  return row;
}

// Asked on every page load (`GET /me`): assembled once per connection.
const userById = builtOnce((tx: Tx) =>
  tx
    .select(userColumns)
    .from(users)
    .where(and(eq(users.orgId, sql.placeholder("org")), eq(users.id, sql.placeholder("id"))))
    .limit(1),
);

/** Teams of the organisation matching `where`, with member ids. */
export function selectTeams(s: OrgTx, where: SQL | undefined, orderBy: SQL[], limit: number) {
  return s.tx
    .select({
      id: teams.id,
      name: teams.name,
      description: teams.description,
      createdAt: teams.createdAt,
      updatedAt: teams.updatedAt,
      memberIds: teamMemberIds,
    })
    .from(teams)
    .where(and(eq(teams.orgId, s.orgId), where))
    .orderBy(...orderBy)
    .limit(limit);
}

/** The organisation's teams (all, or those among `ids`) with their member ids, by name. */
export async function teamsWithMembers(s: OrgTx, ids?: readonly string[]) {
  if (ids?.length === 0) return [];
  return selectTeams(
    s,
    ids ? inArray(teams.id, [...ids]) : undefined,
    [sql`lower(${teams.name})`, sql`${teams.id}`],
    1000,
  );
}

/** The subset of `ids` that are teams of this organisation. */
export async function existingTeamIds(s: OrgTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await s.tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, s.orgId), inArray(teams.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** The names of those of `ids` that are teams of this organisation, by name. */
export async function teamNames(s: OrgTx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await s.tx
    .select({ name: teams.name })
    .from(teams)
    .where(and(eq(teams.orgId, s.orgId), inArray(teams.id, [...ids])))
    .orderBy(sql`lower(${teams.name})`);
  return rows.map((r) => r.name);
}

/** The subset of `ids` that are users of this organisation. */
export async function existingUserIds(s: OrgTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await s.tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, s.orgId), inArray(users.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Active staff (all of them, one team's members, or those among `userIds`) with their teams and
 * language, by name, in keyset pages after `after` ([lower(name), id]): who routing can give work to.
 */
export function activeStaffPage(
  s: OrgTx,
  opts: { teamId?: string; userIds?: readonly string[]; after?: readonly string[]; limit: number },
) {
  const inTeam = opts.teamId
    ? sql`EXISTS (SELECT 1 FROM team_members tm WHERE tm.org_id = "users"."org_id"
        AND tm.user_id = "users"."id" AND tm.team_id = ${opts.teamId})`
    : undefined;
  const after = opts.after
    ? sql`(lower(${users.name}), ${users.id}) > (${opts.after[0]}, ${opts.after[1]}::uuid)`
    : undefined;
  return selectUsers(
    s,
    and(eq(users.active, true), inTeam, opts.userIds ? inArray(users.id, [...opts.userIds]) : undefined, after),
    [sql`lower(${users.name})`, sql`${users.id}`],
    opts.limit,
  );
}

/** A colleague as a mention names them. */
export interface StaffContact {
  id: string;
  name: string;
  email: string;
  role: string;
  locale: string;
}

/** Active staff of the organisation (or those of them among `ids`), for mentions and notices. */
export async function activeStaff(s: OrgTx, ids?: readonly string[]): Promise<StaffContact[]> {
  if (ids?.length === 0) return [];
  return s.tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, locale: users.locale })
    .from(users)
    .where(and(eq(users.orgId, s.orgId), eq(users.active, true), ids ? inArray(users.id, [...ids]) : undefined))
    .orderBy(users.id);
}

/** Ids of a team's active members, in id order. */
export async function activeTeamMemberIds(s: OrgTx, teamId: string): Promise<string[]> {
  const rows = await s.tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(
      teamMembers,
      and(eq(teamMembers.orgId, users.orgId), eq(teamMembers.userId, users.id), eq(teamMembers.teamId, teamId)),
    )
    .where(and(eq(users.orgId, s.orgId), eq(users.active, true)))
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

/** The names of colleagues by id, active or not (who did what stays readable after they leave). */
export async function staffNames(s: OrgTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await s.tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.orgId, s.orgId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The names of teams by id. */
export async function teamNamesById(s: OrgTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await s.tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.orgId, s.orgId), inArray(teams.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Replaces a user's team memberships. */
export async function setUserTeams(s: OrgTx, userId: string, teamIds: string[]) {
  await s.tx.delete(teamMembers).where(and(eq(teamMembers.orgId, s.orgId), eq(teamMembers.userId, userId)));
  if (teamIds.length) {
    await s.tx.insert(teamMembers).values(teamIds.map((teamId) => ({ orgId: s.orgId, teamId, userId })));
  }
}

/** Replaces a team's members. */
export async function setTeamMembers(s: OrgTx, teamId: string, userIds: string[]) {
  await s.tx.delete(teamMembers).where(and(eq(teamMembers.orgId, s.orgId), eq(teamMembers.teamId, teamId)));
  if (userIds.length) {
    await s.tx.insert(teamMembers).values(userIds.map((userId) => ({ orgId: s.orgId, teamId, userId })));
  }
}

/**
 * How many active admins the organisation has, leaving out one user. The admins' rows stay locked
 * (in id order, so callers cannot deadlock) until the transaction ends: of two simultaneous demotions,
 * the second waits for the first and then counts what it left.
 */
export async function countOtherActiveAdmins(s: OrgTx, exceptUserId: string): Promise<number> {
  const rows = await s.tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, s.orgId), eq(users.role, "admin"), eq(users.active, true)))
    .orderBy(users.id)
    .for("update");
  return rows.filter((r) => r.id !== exceptUserId).length;
}
