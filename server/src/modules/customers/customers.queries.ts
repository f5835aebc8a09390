import { and, eq, type SQL, sql } from "drizzle-orm";
import { builtOnce, lockUntilCommit } from "../../platform/built-once";
import type { Tx } from "../../platform/db";
import type { OrgTx } from "../../platform/tenancy";
import { customerIdentities, customers } from "./customers.tables";

export interface IdentityRow {
  id: string;
  channel: "email" | "phone" | "web" | "chat" | "social";
  value: string;
}

// Qualified by hand: in a one-table select Drizzle prints `${customers.id}` as a bare "id", which inside
// this subquery would name ci.id and match nothing.
const identitiesOf = sql<IdentityRow[]>`coalesce((SELECT json_agg(json_build_object('id', ci.id, 'channel', ci.channel,
  'value', ci.value) ORDER BY ci.created_at, ci.id) FROM customer_identities ci
  WHERE ci.org_id = "customers"."org_id" AND ci.customer_id = "customers"."id"), '[]'::json)`;

/** Customers matching `where`, each with its identities. */
export function selectCustomers(s: OrgTx, where: SQL | undefined, orderBy: SQL[], limit: number) {
  return s.tx
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      phone: customers.phone,
      locale: customers.locale,
      timeZone: customers.timeZone,
      companyId: customers.companyId,
      vip: customers.vip,
      notes: customers.notes,
      customFields: customers.customFields,
      mergedIntoId: customers.mergedIntoId,
      createdAt: customers.createdAt,
      updatedAt: customers.updatedAt,
      identities: identitiesOf,
    })
    .from(customers)
    .where(and(eq(customers.orgId, s.orgId), where))
    .orderBy(...orderBy)
    .limit(limit);
}

export type CustomerRow = Awaited<ReturnType<typeof selectCustomers>>[number];

/** One customer, or undefined. */
export async function findCustomer(s: OrgTx, id: string): Promise<CustomerRow | undefined> {
  const hit = readIn.get(s.tx)?.get(id);
  if (hit) return copyOf(hit);
  const [row] = await selectCustomers(s, eq(customers.id, id), [], 1);
  if (row) rememberCustomer(s, row);
  return row;
}

// The customers this transaction has read or written whole, by id: opening a ticket asks for its
// requester from several modules (SLA, rules, metrics, the confirmation mail). Every write to this
// module's tables goes through `writing`, which forgets them all, so no read after a write answers
// from before it. Keyed by the transaction object, a memory lives exactly as long as its transaction.
const readIn = new WeakMap<object, Map<string, CustomerRow>>();

const copyOf = (row: CustomerRow): CustomerRow => ({ ...row, identities: row.identities.map((i) => ({ ...i })) });

/** Keeps a customer's row as this transaction now sees it. */
export function rememberCustomer(s: OrgTx, row: CustomerRow): void {
  let known = readIn.get(s.tx);
  if (!known) {
    known = new Map();
    readIn.set(s.tx, known);
  }
  known.set(row.id, copyOf(row));
}

/** The transaction, for a write to customers or their identities: what it remembered of them is forgotten first. */
export function writing(s: OrgTx): Tx {
  readIn.get(s.tx)?.clear();
  return s.tx;
}

/** The customer an identity belongs to, if any. */
export async function customerIdByIdentity(s: OrgTx, channel: IdentityRow["channel"], value: string) {
  const [row] = await identityOwner(s.tx, { org: s.orgId, channel, value });
  return row?.customerId;
}

const identityOwner = builtOnce((tx) =>
  tx
    .select({ customerId: customerIdentities.customerId })
    .from(customerIdentities)
    .where(
      and(
        eq(customerIdentities.orgId, sql.placeholder("org")),
        eq(customerIdentities.channel, sql.placeholder("channel")),
        eq(customerIdentities.value, sql.placeholder("value")),
      ),
    ),
);

/** Serialises find-or-create of one identity: two mails from a new address at once make one customer. */
export async function lockIdentity(s: OrgTx, channel: string, value: string): Promise<void> {
  // It travels with the lookup that follows (decision 031); that statement still reads after the lock,
  // with a snapshot of its own.
  await lockUntilCommit(s.tx, `${s.orgId}:${channel}:${value}`);
}

/** Normalises a phone number to its digits with an optional leading +, for matching. */
export const normalisePhone = (phone: string): string => phone.replace(/(?!^\+)[^0-9]/g, "");

/** Customers whose name, email, phone or any identity contains the text; for the search box. */
export async function searchCustomers(s: OrgTx, text: string, limit: number) {
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return selectCustomers(
    s,
    sql`"customers"."merged_into_id" IS NULL AND ("customers"."name" ILIKE ${pattern} OR "customers"."email" ILIKE ${pattern}
      OR "customers"."phone" ILIKE ${pattern} OR EXISTS (SELECT 1 FROM customer_identities ci
        WHERE ci.org_id = "customers"."org_id" AND ci.customer_id = "customers"."id" AND ci.value ILIKE ${pattern}))`,
    [sql`lower(${customers.name})`, sql`${customers.id}`],
    limit,
  );
}

/** The customer a record was merged into, through any chain of merges, read once per step. */
export async function survivorOf(s: OrgTx, id: string): Promise<CustomerRow | undefined> {
  let row = await findCustomer(s, id);
  for (let i = 0; i < 10 && row?.mergedIntoId; i++) {
    const next = await findCustomer(s, row.mergedIntoId);
    if (!next) break;
    row = next;
  }
  return row;
}
