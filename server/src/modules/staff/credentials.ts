import type { UpdateMeInput } from "@frontline/common";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import type { Tx } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { hashPassword, verifyPassword } from "../../platform/passwords";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { findUser, selectUsers } from "./staff.queries";
import { users } from "./staff.tables";
import { USER_ACCESS_CHANGED, type UserRow } from "./users.service";

/** Users with this email in any organisation; only inside a login lookup transaction. */
export function loginCandidates(tx: Tx, email: string) {
  return tx
    .select({
      orgId: users.orgId,
      id: users.id,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      active: users.active,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(10);
}

/** The user behind a session or token, only while active. */
export async function activeUser(s: OrgTx, id: string): Promise<UserRow | undefined> {
  const row = await findUser(s, id);
  return row?.active ? row : undefined;
}

/** The active ones of these users, by id (many callers checked at once). */
export async function activeUsersByIds(s: OrgTx, ids: readonly string[]): Promise<Map<string, UserRow>> {
  if (ids.length === 0) return new Map();
  const rows = await selectUsers(s, inArray(users.id, [...ids]), [], ids.length);
  return new Map(rows.filter((r) => r.active).map((r) => [r.id, r]));
}

/** A user's own profile change: name, language, time zone. */
export async function updateOwnProfile(ctx: Ctx, input: UpdateMeInput): Promise<UserRow> {
  const userId = ownUserId(ctx);
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const before = await findUser(s, userId);
    if (!before) throw notFound("User");
    await s.tx
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(users.orgId, s.orgId), eq(users.id, userId)));
    const after = (await findUser(s, userId))!;
    if (after.name !== before.name) await domainEvents.emit(s, USER_ACCESS_CHANGED, { userId });
    const pick = (r: UserRow) => ({ name: r.name, locale: r.locale, timeZone: r.timeZone });
    await recordAudit(s, ctx, {
      action: "user.profile_updated",
      entityType: "user",
      entityId: userId,
      changes: diff(pick(before), pick(after)),
    });
    return after;
  });
}

/** Changes the caller's own password after checking the current one. */
export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<void> {
  const userId = ownUserId(ctx);
  const current = await inOrg(ctx.database, ctx.orgId, async (s) => {
    const [row] = await s.tx
      .select({ hash: users.passwordHash })
      .from(users)
      .where(and(eq(users.orgId, s.orgId), eq(users.id, userId)));
    return row?.hash ?? null;
  });
  if (!(await verifyPassword(current, currentPassword))) {
    throw new AppError("validation_failed", "The current password is wrong", { currentPassword: ["Wrong password"] });
  }
  const passwordHash = await hashPassword(newPassword);
  await inOrg(ctx.database, ctx.orgId, async (s) => {
    await s.tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(users.orgId, s.orgId), eq(users.id, userId)));
    await recordAudit(s, ctx, { action: "user.password_changed", entityType: "user", entityId: userId });
  });
}

function ownUserId(ctx: Ctx): string {
  if (!ctx.actor.userId) throw new AppError("forbidden", "Only a signed-in user has a profile");
  return ctx.actor.userId;
}
