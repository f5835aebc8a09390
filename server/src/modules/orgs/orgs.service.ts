import { eq, sql } from "drizzle-orm";
import type { Deps } from "../../platform/context";
import { systemCtx } from "../../platform/context";
import type { Database } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { cachedConfig, configChanged, knownConfig } from "../../platform/org-config";
import { inLookup, inOrg, type OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { organizations } from "./orgs.tables";
import { isValidSlug, slugify } from "./slug";

type OrganizationRow = typeof organizations.$inferSelect;

export interface NewOrganization {
  name: string;
  /** The portal's address (/portal/<slug>); derived from the name when not given. */
  slug?: string;
  supportEmail?: string | null;
  defaultLocale?: string;
  timeZone?: string;
}

/** Creates an organisation (the CLI and the demo seed do this; there is no public sign-up). */
export async function createOrganization(deps: Deps, input: NewOrganization, actorName = "cli"): Promise<string> {
  const orgId = newId();
  const ctx = systemCtx(deps, orgId, { type: "cli", name: actorName });
  const slug = await chooseSlug(deps.database, input.slug, input.name, orgId);
  await inOrg(deps.database, orgId, async (s) => {
    await s.tx.insert(organizations).values({
      orgId,
      name: input.name,
      slug,
      supportEmail: input.supportEmail ?? null,
      defaultLocale: input.defaultLocale ?? "en",
      timeZone: input.timeZone ?? "UTC",
    });
    await recordAudit(s, ctx, {
      action: "organization.created",
      entityType: "organization",
      entityId: orgId,
      changes: { name: [null, input.name], slug: [null, slug] },
    });
  });
  return orgId;
}

/** Where the organisation's own row is kept among its cached configuration. */
const CURRENT = "orgs:current";

/**
 * The organisation of the current transaction. Read on every rule run and every mail, so it is kept
 * beside the configuration: a change to the row moves the configuration version on (migration 0036).
 * The row is frozen, shared by every caller.
 */
export async function currentOrganization(s: OrgTx): Promise<Readonly<OrganizationRow> | undefined> {
  return cachedConfig(s, CURRENT, async () => {
    const [row] = await s.tx.select().from(organizations).where(eq(organizations.orgId, s.orgId));
    return row;
  });
}

/** The organisation's row if this process holds it at the transaction's version; never reads. */
export function knownOrganization(s: OrgTx): Promise<Readonly<OrganizationRow> | undefined> {
  return knownConfig(s, CURRENT);
}

/** Organisations matching an id or an exact name (case-insensitive); for operators' commands. */
export async function findOrganizations(
  database: Database,
  ref: string,
): Promise<{ orgId: string; name: string; slug: string }[]> {
  const columns = { orgId: organizations.orgId, name: organizations.name, slug: organizations.slug };
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

/** The organisation a portal address names, if any: what a customer may know of it before signing in. */
export async function organizationBySlug(database: Database, slug: string) {
  if (!isValidSlug(slug)) return undefined;
  const [row] = await inLookup(database, { organizationSlug: slug }, (tx) =>
    tx
      .select({
        orgId: organizations.orgId,
        name: organizations.name,
        slug: organizations.slug,
        defaultLocale: organizations.defaultLocale,
      })
      .from(organizations)
      .where(eq(organizations.slug, slug)),
  );
  return row;
}

/**
 * A wanted slug must be free (409 otherwise); a derived one takes the first free of name, name-2, …
 * The unique index settles a race between two creations.
 */
async function chooseSlug(database: Database, wanted: string | undefined, name: string, orgId: string) {
  if (wanted !== undefined) {
    if (!isValidSlug(wanted)) {
      throw new AppError("validation_failed", "Invalid slug", {
        slug: ["Use 2-48 lower-case letters, digits and single dashes"],
      });
    }
    if (await organizationBySlug(database, wanted)) {
      throw new AppError("conflict", `The slug "${wanted}" is taken`, { slug: ["Taken"] });
    }
    return wanted;
  }
  const base = slugify(name);
  const stem = base.length >= 2 ? base : `org-${orgId.replaceAll("-", "").slice(-8)}`;
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? stem : `${stem}-${n}`;
    if (!(await organizationBySlug(database, candidate))) return candidate;
  }
  return `${stem}-${orgId.replaceAll("-", "").slice(-8)}`;
}

/** The organisation's own per-minute request limit, or null when it has the server's default. */
export async function organizationRateLimit(database: Database, orgId: string): Promise<number | null> {
  const [row] = await inOrg(database, orgId, (s) =>
    s.tx
      .select({ perMinute: organizations.rateLimitPerMinute })
      .from(organizations)
      .where(eq(organizations.orgId, s.orgId)),
  );
  return row?.perMinute ?? null;
}

/** Sets (or, with null, removes) an organisation's own request limit; an operator's decision, audited. */
export async function setOrganizationRateLimit(deps: Deps, orgId: string, perMinute: number | null): Promise<void> {
  const ctx = systemCtx(deps, orgId, { type: "cli", name: "cli" });
  await inOrg(deps.database, orgId, async (s) => {
    const [before] = await s.tx
      .select({ perMinute: organizations.rateLimitPerMinute })
      .from(organizations)
      .where(eq(organizations.orgId, s.orgId));
    if (!before) throw new AppError("not_found", "No such organisation");
    await s.tx.update(organizations).set({ rateLimitPerMinute: perMinute }).where(eq(organizations.orgId, s.orgId));
    configChanged(s);
    await recordAudit(s, ctx, {
      action: "organization.rate_limit_changed",
      entityType: "organization",
      entityId: orgId,
      changes: { rateLimitPerMinute: [before.perMinute, perMinute] },
    });
  });
}
