import type { Locale, Me } from "@frontline/common";
import type { Database } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { inOrgReadOne, inOrgReadOnly } from "../../platform/tenancy";
import { currentOrganization, knownOrganization } from "../orgs";
import { findUser, type UserRow } from "../staff";

/**
 * The signed-in user's own view: profile, organisation and the CSRF token for writes. Asked on every
 * page load, so it is one message on the PostgreSQL server: the user's read, its commit behind it, and
 * the organisation from memory; only when this process does not hold the organisation yet is it read
 * in a second transaction.
 */
export async function loadMe(database: Database, orgId: string, userId: string, csrfToken: string | null): Promise<Me> {
  const found = await inOrgReadOne(database, orgId, async (s) => ({
    user: await findUser(s, userId),
    org: await knownOrganization(s),
  }));
  const org = found.org ?? (found.user ? await inOrgReadOnly(database, orgId, currentOrganization) : undefined);
  if (!found.user || !org) throw new AppError("unauthenticated");
  return presentMe(found.user, org, csrfToken);
}

/** User row and their organisation → the `Me` shape. */
export function presentMe(
  u: UserRow,
  org: { name: string; slug: string; supportEmail: string | null },
  csrfToken: string | null,
): Me {
  return {
    id: u.id,
    orgId: u.orgId,
    orgName: org.name,
    orgSupportEmail: org.supportEmail,
    orgSlug: org.slug,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale as Locale,
    timeZone: u.timeZone,
    teamIds: u.teamIds,
    csrfToken,
  };
}
