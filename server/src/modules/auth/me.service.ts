import type { Locale, Me } from "@frontline/common";
import type { Database } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { inOrgReadOnly } from "../../platform/tenancy";
import { currentOrganization } from "../orgs";
import { findUser, type UserRow } from "../staff";

/** The signed-in user's own view: profile, organisation and the CSRF token for writes. */
export async function loadMe(database: Database, orgId: string, userId: string, csrfToken: string | null): Promise<Me> {
  const found = await inOrgReadOnly(database, orgId, async (s) => ({
    user: await findUser(s, userId),
    org: await currentOrganization(s),
  }));
  if (!found.user || !found.org) throw new AppError("unauthenticated");
  return presentMe(found.user, found.org, csrfToken);
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
