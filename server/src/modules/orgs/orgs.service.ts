import { eq, sql } from "drizzle-orm";
import type { Deps } from "../../platform/context";
import { systemCtx } from "../../platform/context";
import type { Database } from "../../platform/db";
import { newId } from "../../platform/ids";
import { inLookup, inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { organizations } from "./orgs.tables";

export interface NewOrganization {
  name: string;
  supportEmail?: string | null;
  defaultLocale?: string;
  timeZone?: string;
}

/** Creates an organisation (the CLI and the demo seed do this; there is no public sign-up). */
export async function createOrganization(deps: Deps, input: NewOrganization, actorName = "cli"): Promise<string> {
  const orgId = newId();
  const ctx = systemCtx(deps, orgId, { type: "cli", name: actorName });
  await inOrg(deps.database, orgId, async (s) => {
    await s.tx.insert(organizations).values({
      orgId,
      name: input.name,
      supportEmail: input.supportEmail ?? null,
      defaultLocale: input.defaultLocale ?? "en",
      timeZone: input.timeZone ?? "UTC",
    });
    await recordAudit(s, ctx, {
      action: "organization.created",
      entityType: "organization",
      entityId: orgId,
      changes: { name: [null, input.name] },
    });
  });
  return orgId;
}

/** The organisation of the current transaction. */
export async function currentOrganization(s: OrgTx) {
  const [row] = await s.tx.select().from(organizations).where(eq(organizations.orgId, s.orgId));
  return row;
}

/** Organisations matching an id or an exact name (case-insensitive); for operators' commands. */
export async function findOrganizations(database: Database, ref: string): Promise<{ orgId: string; name: string }[]> {
  const columns = { orgId: organizations.orgId, name: organizations.name };
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) {
    return inOrg(database, ref, (s) => s.tx.select(columns).from(organizations).where(eq(organizations.orgId, ref)));
  }
  return inLookup(database, { organizationName: ref }, (tx) =>
    tx
      .select(columns)
      .from(organizations)
      .where(eq(sql`lower(${organizations.name})`, ref.toLowerCase())),
  );
}

/** The organisation whose support address this is, if any (routing of mail that arrives over SMTP). */
export async function organizationBySupportAddress(database: Database, address: string): Promise<string | undefined> {
  const [row] = await inLookup(database, { supportAddress: address }, (tx) =>
    tx
      .select({ orgId: organizations.orgId })
      .from(organizations)
      .where(eq(sql`lower(${organizations.supportEmail})`, address.toLowerCase())),
  );
  return row?.orgId;
}
