import {
  type CreateCustomerInput,
  checkCustomFields,
  type listCustomersQuery,
  type UpdateCustomerInput,
} from "@frontline/common";
import { and, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { deferredOnce, placeholders } from "../../platform/built-once";
import type { Ctx } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { domainEvents } from "../../platform/events";
import { newId } from "../../platform/ids";
import { decodeCursor, pageFrom } from "../../platform/paging";
import { inOrg, inOrgReadOnly, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { fieldDefinitions } from "../custom-fields";
import {
  type CustomerRow,
  customerIdByIdentity,
  findCustomer,
  lockIdentity,
  normalisePhone,
  rememberCustomer,
  selectCustomers,
  survivorOf,
  writing,
} from "./customers.queries";
import { companies, customerIdentities, customers } from "./customers.tables";

/** Raised when a duplicate customer is merged into another: owners of customer references move them. */
export const CUSTOMER_MERGED = "customer.merged";
export interface CustomerMerged {
  sourceId: string;
  targetId: string;
}

const byName = [sql`lower(${customers.name})`, sql`${customers.id}`];

/** Lists customers by name; `q` matches name, email or phone. Merged duplicates are left out. */
export async function listCustomers(ctx: Ctx, q: z.infer<typeof listCustomersQuery>) {
  const conds: (SQL | undefined)[] = [isNull(customers.mergedIntoId)];
  if (q.companyId) conds.push(eq(customers.companyId, q.companyId));
  if (q.ids) conds.push(inArray(customers.id, q.ids.length ? q.ids : ["00000000-0000-0000-0000-000000000000"]));
  if (q.email) {
    conds.push(sql`EXISTS (SELECT 1 FROM customer_identities ci WHERE ci.org_id = "customers"."org_id"
      AND ci.customer_id = "customers"."id" AND ci.channel = 'email' AND ci.value = ${q.email.toLowerCase()})`);
  }
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const identity = (match: SQL) => sql`EXISTS (SELECT 1 FROM customer_identities ci
      WHERE ci.org_id = "customers"."org_id" AND ci.customer_id = "customers"."id" AND ${match})`;
    // Earlier and merged-in addresses are identities too; phones are kept there as digits,
    // so "0722 123" also finds one typed "0722-123-456".
    const digits = q.q.replace(/[^0-9]/g, "");
    const phoneLike = /^\+?[0-9 ().-]+$/.test(q.q) && digits.length >= 3;
    conds.push(
      or(
        ilike(customers.name, pattern),
        ilike(customers.email, pattern),
        ilike(customers.phone, pattern),
        identity(sql`ci.value ILIKE ${pattern}`),
        phoneLike ? identity(sql`ci.channel = 'phone' AND ci.value LIKE ${`%${digits}%`}`) : undefined,
      ),
    );
  }
  if (q.cursor) {
    const [name, id] = decodeCursor(q.cursor, 2);
    conds.push(sql`(lower(${customers.name}), ${customers.id}) > (${name}, ${id}::uuid)`);
  }
  const rows = await inOrgReadOnly(ctx.database, ctx.orgId, (s) =>
    selectCustomers(s, and(...conds), byName, q.limit + 1),
  );
  return pageFrom(rows, q.limit, (r) => [r.name.toLowerCase(), r.id]);
}

/** One customer; 404 when unknown or foreign. */
export async function getCustomer(ctx: Ctx, id: string): Promise<CustomerRow> {
  const row = await inOrgReadOnly(ctx.database, ctx.orgId, (s) => findCustomer(s, id));
  if (!row) throw notFound("Customer");
  return row;
}

/** Creates a customer; the email and phone become identities, which must be free. */
export async function createCustomer(ctx: Ctx, input: CreateCustomerInput): Promise<CustomerRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const customFields = await checkFields(s, input.customFields, {});
    await assertCompany(s, input.companyId);
    const id = newId();
    await writing(s)
      .insert(customers)
      .values({
        orgId: s.orgId,
        id,
        name: input.name || (input.email?.split("@")[0] ?? ""),
        email: input.email ?? null,
        phone: input.phone ?? null,
        locale: input.locale ?? null,
        timeZone: input.timeZone ?? null,
        companyId: input.companyId ?? null,
        vip: input.vip,
        notes: input.notes,
        customFields,
      });
    if (input.email) await claimIdentity(s, id, "email", input.email);
    if (input.phone) await claimIdentity(s, id, "phone", normalisePhone(input.phone));
    const row = (await findCustomer(s, id))!;
    await recordAudit(s, ctx, {
      action: "customer.created",
      entityType: "customer",
      entityId: id,
      changes: diff({}, snap(row)),
    });
    return row;
  });
}

/** Changes a customer; a new email or phone is added as an identity (old ones keep recognising them). */
export async function updateCustomer(ctx: Ctx, id: string, input: UpdateCustomerInput): Promise<CustomerRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    const before = await findCustomer(s, id);
    if (!before) throw notFound("Customer");
    if (before.mergedIntoId) throw new AppError("conflict", "This customer was merged into another; change that one");
    const { customFields: submitted, ...fields } = input;
    const customFields = submitted
      ? { ...before.customFields, ...(await checkFields(s, submitted, before.customFields)) }
      : undefined;
    await assertCompany(s, input.companyId);
    await writing(s)
      .update(customers)
      .set({ ...fields, ...(customFields ? { customFields } : {}), updatedAt: new Date() })
      .where(and(eq(customers.orgId, s.orgId), eq(customers.id, id)));
    if (input.email) await claimIdentity(s, id, "email", input.email);
    if (input.phone) await claimIdentity(s, id, "phone", normalisePhone(input.phone));
    const after = (await findCustomer(s, id))!;
    await recordAudit(s, ctx, {
      action: "customer.updated",
      entityType: "customer",
      entityId: id,
      changes: diff(snap(before), snap(after)),
    });
    return after;
  });
}

/**
 * The customer writing from `email`, created on first contact. Runs inside the caller's transaction
 * (inbound mail, a new ticket) so the customer and what they sent commit together.
 */
export async function findOrCreateCustomerByEmail(s: OrgTx, email: string, name?: string): Promise<CustomerRow> {
  const address = email.trim().toLowerCase();
  await lockIdentity(s, "email", address);
  const existing = await customerIdByIdentity(s, "email", address);
  if (existing) return (await survivorOf(s, existing))!;
  const id = newId();
  const now = new Date();
  const row: typeof customers.$inferSelect = {
    orgId: s.orgId,
    id,
    name: name?.trim() || address.split("@")[0]!,
    email: address,
    phone: null,
    locale: null,
    timeZone: null,
    companyId: null,
    vip: false,
    notes: "",
    customFields: {},
    mergedIntoId: null,
    createdAt: now,
    updatedAt: now,
  };
  // Every column is given, so the row is known without asking for it back, and the advisory lock
  // above makes the address this caller's alone: nothing reads either insert's answer (decision 031).
  await insertCustomerRow(writing(s), row);
  const identity = { id: newId(), channel: "email" as const, value: address };
  await insertIdentityRow(s.tx, { orgId: s.orgId, customerId: id, ...identity });
  // The row as written, with its one identity: reading it back would ask the database what it just said.
  const { orgId: _org, ...fields } = row;
  const created = { ...fields, identities: [identity] };
  rememberCustomer(s, created);
  return created;
}

const insertCustomerRow = deferredOnce<typeof customers.$inferSelect>((tx) =>
  tx
    .insert(customers)
    .values(
      placeholders(
        "orgId",
        "id",
        "name",
        "email",
        "phone",
        "locale",
        "timeZone",
        "companyId",
        "vip",
        "notes",
        "customFields",
        "mergedIntoId",
        "createdAt",
        "updatedAt",
      ),
    ),
);
const insertIdentityRow = deferredOnce<
  Pick<typeof customerIdentities.$inferSelect, "orgId" | "id" | "customerId" | "channel" | "value">
>((tx) => tx.insert(customerIdentities).values(placeholders("orgId", "id", "customerId", "channel", "value")));

/** The customer calling from `phone` (digits compared), created on first contact, inside the caller's transaction. */
export async function findOrCreateCustomerByPhone(
  s: OrgTx,
  phone: string,
  extra: { name?: string | undefined; email?: string | undefined } = {},
): Promise<CustomerRow> {
  const digits = normalisePhone(phone);
  await lockIdentity(s, "phone", digits);
  const existing = await customerIdByIdentity(s, "phone", digits);
  if (existing) return (await survivorOf(s, existing))!;
  if (extra.email) {
    const byEmail = await findOrCreateCustomerByEmail(s, extra.email, extra.name);
    await claimIdentity(s, byEmail.id, "phone", digits);
    if (!byEmail.phone) {
      await writing(s)
        .update(customers)
        .set({ phone, updatedAt: new Date() })
        .where(and(eq(customers.orgId, s.orgId), eq(customers.id, byEmail.id)));
    }
    return (await findCustomer(s, byEmail.id))!;
  }
  const id = newId();
  await writing(s)
    .insert(customers)
    .values({ orgId: s.orgId, id, name: extra.name?.trim() || phone, phone });
  await writing(s)
    .insert(customerIdentities)
    .values({ orgId: s.orgId, id: newId(), customerId: id, channel: "phone", value: digits });
  return (await findCustomer(s, id))!;
}

/** Merges a duplicate into `targetId`: identities and references move, empty fields are filled, the duplicate stays as a pointer. */
export async function mergeCustomers(ctx: Ctx, targetId: string, sourceId: string): Promise<CustomerRow> {
  if (targetId === sourceId) {
    throw new AppError("validation_failed", "A customer cannot be merged into itself", {
      sourceId: ["Same as the target"],
    });
  }
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    // Two merges of the same pair at once (A into B, B into A) must not both pass the check below.
    await lockCustomers(s, [targetId, sourceId]);
    const [target, source] = [await findCustomer(s, targetId), await findCustomer(s, sourceId)];
    if (!target) throw notFound("Customer");
    if (!source) throw new AppError("unprocessable", "Unknown customer", { sourceId: ["Unknown customer"] });
    if (target.mergedIntoId || source.mergedIntoId)
      throw new AppError("conflict", "One of these customers was already merged");
    await writing(s)
      .update(customerIdentities)
      .set({ customerId: targetId, updatedAt: new Date() })
      .where(and(eq(customerIdentities.orgId, s.orgId), eq(customerIdentities.customerId, sourceId)));
    const filled = {
      name: target.name || source.name,
      email: target.email ?? source.email,
      phone: target.phone ?? source.phone,
      locale: target.locale ?? source.locale,
      timeZone: target.timeZone ?? source.timeZone,
      companyId: target.companyId ?? source.companyId,
      vip: target.vip || source.vip,
      notes: [target.notes, source.notes].filter(Boolean).join("\n\n"),
      customFields: { ...source.customFields, ...target.customFields },
    };
    await writing(s)
      .update(customers)
      .set({ ...filled, updatedAt: new Date() })
      .where(and(eq(customers.orgId, s.orgId), eq(customers.id, targetId)));
    await writing(s)
      .update(customers)
      .set({ mergedIntoId: targetId, updatedAt: new Date() })
      .where(and(eq(customers.orgId, s.orgId), eq(customers.id, sourceId)));
    await domainEvents.emit<CustomerMerged>(s, CUSTOMER_MERGED, { sourceId, targetId });
    await recordAudit(s, ctx, {
      action: "customer.merged",
      entityType: "customer",
      entityId: targetId,
      changes: { mergedFrom: [null, sourceId] },
    });
    return (await findCustomer(s, targetId))!;
  });
}

/** Locks customer rows for the rest of the transaction, in id order so two callers cannot deadlock. */
async function lockCustomers(s: OrgTx, ids: string[]): Promise<void> {
  await s.tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.orgId, s.orgId), inArray(customers.id, ids)))
    .orderBy(customers.id)
    .for("update");
}

async function claimIdentity(s: OrgTx, customerId: string, channel: "email" | "phone", value: string) {
  await lockIdentity(s, channel, value);
  const owner = await customerIdByIdentity(s, channel, value);
  if (owner === customerId) return;
  if (owner) {
    throw new AppError("conflict", `Another customer already has this ${channel}`, {
      [channel]: ["Belongs to another customer"],
    });
  }
  await writing(s).insert(customerIdentities).values({ orgId: s.orgId, id: newId(), customerId, channel, value });
}

async function checkFields(s: OrgTx, submitted: Record<string, unknown>, current: Record<string, unknown>) {
  const { values, errors } = checkCustomFields(await fieldDefinitions(s, "customer"), submitted, current);
  if (Object.keys(errors).length) throw new AppError("validation_failed", "Invalid custom field values", errors);
  return values;
}

async function assertCompany(s: OrgTx, companyId: string | null | undefined) {
  if (!companyId) return;
  const [row] = await s.tx
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.orgId, s.orgId), eq(companies.id, companyId)));
  if (!row) throw new AppError("unprocessable", "Unknown company", { companyId: ["Unknown company"] });
}

function snap(r: CustomerRow) {
  const { createdAt: _c, updatedAt: _u, identities: _i, ...rest } = r;
  return rest;
}
