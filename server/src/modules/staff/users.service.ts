import type { CreateUserInput, listUsersQuery, UpdateUserInput } from "@frontline/common";
import { and, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../platform/context";
import { isUniqueViolation } from "../../platform/db-errors";
import { AppError, notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { newId } from "../../platform/ids";
import { decodeCursor, pageFrom } from "../../platform/paging";
import { hashPassword } from "../../platform/passwords";
import { inOrg, inOrgReadOnly, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import {
  countOtherActiveAdmins,
  existingTeamIds,
  findUser,
  type selectTeams,
  selectUsers,
  setUserTeams,
} from "./staff.queries";
import { teamMembers, users } from "./staff.tables";

export type UserRow = Awaited<ReturnType<typeof selectUsers>>[number];
export type TeamRow = Awaited<ReturnType<typeof selectTeams>>[number];

/** Raised to other modules when a user can no longer sign in. */
export const USER_DEACTIVATED = "user.deactivated";
/** Announced inside the transaction that changes who a user's sessions act as: their name, role or status. */
export const USER_ACCESS_CHANGED = "user.access_changed";

const byName = [sql`lower(${users.name})`, sql`${users.id}`];

/** Lists staff, ordered by name, filtered by role, team, status or a name/email fragment. */
export async function listUsers(ctx: Ctx, q: z.infer<typeof listUsersQuery>) {
  const conds: (SQL | undefined)[] = [];
  if (q.role) conds.push(eq(users.role, q.role));
  if (q.active) conds.push(eq(users.active, q.active === "true"));
  if (q.teamId) {
    conds.push(sql`EXISTS (SELECT 1 FROM ${teamMembers} tm WHERE tm.org_id = "users"."org_id"
      AND tm.user_id = "users"."id" AND tm.team_id = ${q.teamId})`);
  }
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (q.cursor) {
    const [name, id] = decodeCursor(q.cursor, 2);
    conds.push(sql`(lower(${users.name}), ${users.id}) > (${name}, ${id}::uuid)`);
  }
  const rows = await inOrgReadOnly(ctx.database, ctx.orgId, (s) => selectUsers(s, and(...conds), byName, q.limit + 1));
  return pageFrom(rows, q.limit, (r) => [r.name.toLowerCase(), r.id]);
}

/** One user of the caller's organisation; 404 when unknown or foreign. */
export async function getUser(ctx: Ctx, id: string): Promise<UserRow> {
  const row = await inOrgReadOnly(ctx.database, ctx.orgId, (s) => findUser(s, id));
  if (!row) throw notFound("User");
  return row;
}

/** Creates a staff user with a password and team memberships. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  try {
    return await inOrg(ctx.database, ctx.orgId, async (s) => {
      await assertTeamsExist(s, input.teamIds);
      await s.tx.insert(users).values({
        orgId: s.orgId,
        id,
        email: input.email,
        name: input.name,
        role: input.role,
        locale: input.locale,
        timeZone: input.timeZone,
        passwordHash,
      });
      await setUserTeams(s, id, unique(input.teamIds));
      const row = (await findUser(s, id))!;
      await recordAudit(s, ctx, {
        action: "user.created",
        entityType: "user",
        entityId: id,
        changes: diff({}, snapshot(row)),
      });
      return row;
    });
  } catch (err) {
    throw emailConflict(err);
  }
}

/** Changes a user; deactivating one ends their sessions and tokens at once. */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserRow> {
  try {
    return await inOrg(ctx.database, ctx.orgId, async (s) => {
      const before = await findUser(s, id);
      if (!before) throw notFound("User");
      const losesAdmin =
        before.role === "admin" && before.active && ((input.role && input.role !== "admin") || input.active === false);
      if (losesAdmin && (await countOtherActiveAdmins(s, id)) === 0) {
        throw new AppError("conflict", "The organisation must keep at least one active admin", {
          [input.active === false ? "active" : "role"]: ["This is the last active admin"],
        });
      }
      if (input.teamIds) await assertTeamsExist(s, input.teamIds);
      const { teamIds, active, ...fields } = input;
      await s.tx
        .update(users)
        .set({
          ...fields,
          ...(active === undefined ? {} : { active, deactivatedAt: active ? null : new Date() }),
          updatedAt: new Date(),
        })
        .where(and(eq(users.orgId, s.orgId), eq(users.id, id)));
      if (teamIds) await setUserTeams(s, id, unique(teamIds));
      const after = (await findUser(s, id))!;
      if (before.active && !after.active) await domainEvents.emit(s, USER_DEACTIVATED, { userId: id });
      if (before.role !== after.role || before.name !== after.name || before.active !== after.active)
        await domainEvents.emit(s, USER_ACCESS_CHANGED, { userId: id });
      const changes = diff(snapshot(before), snapshot(after));
      await recordAudit(s, ctx, { action: "user.updated", entityType: "user", entityId: id, changes });
      return after;
    });
  } catch (err) {
    throw emailConflict(err);
  }
}

/** Sets a user's password (admin reset or CLI); the hash never reaches the audit log. */
export async function setUserPassword(ctx: Ctx, id: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    const done = await s.tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(users.orgId, s.orgId), eq(users.id, id)))
      .returning({ id: users.id });
    if (done.length === 0) throw notFound("User");
    await recordAudit(s, ctx, { action: "user.password_set", entityType: "user", entityId: id });
  });
}

/** Finds a user by email in one organisation (CLI). */
export async function findUserByEmail(ctx: Ctx, email: string): Promise<UserRow | undefined> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const [row] = await selectUsers(s, eq(sql`lower(${users.email})`, email.toLowerCase()), [], 1);
    return row;
  });
}

async function assertTeamsExist(s: OrgTx, teamIds: string[]) {
  const found = await existingTeamIds(s, teamIds);
  const missing = teamIds.filter((t) => !found.has(t));
  if (missing.length) {
    throw new AppError("unprocessable", "Unknown team", { teamIds: missing.map((t) => `Unknown team ${t}`) });
  }
}

function snapshot(r: UserRow) {
  const { orgId: _o, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

function emailConflict(err: unknown): unknown {
  if (isUniqueViolation(err)) {
    return new AppError("conflict", "A user with this email already exists", { email: ["Already in use"] });
  }
  return err;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
