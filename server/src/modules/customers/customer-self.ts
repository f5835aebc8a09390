import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import type { OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { type CustomerRow, customerIdByIdentity, findCustomer, survivorOf, writing } from "./customers.queries";
import { customers } from "./customers.tables";

// What customers do for themselves (the portal): be recognised by their address, and keep their
// own name and language. Staff-side changes go through customers.service.ts.

/** The customer an email address belongs to, following merges; nobody is created. */
export async function customerByEmail(s: OrgTx, email: string): Promise<CustomerRow | undefined> {
  const id = await customerIdByIdentity(s, "email", email.trim().toLowerCase());
  return id ? survivorOf(s, id) : undefined;
}

/** The live record behind a customer id: a merged duplicate leads to the one it became. */
export async function liveCustomer(s: OrgTx, id: string): Promise<CustomerRow | undefined> {
  return survivorOf(s, id);
}

/** A customer changing their own name or language; recorded like any change to a customer. */
export async function updateCustomerSelf(
  s: OrgTx,
  ctx: Pick<Ctx, "actor" | "requestId" | "ip">,
  id: string,
  input: { name?: string | undefined; locale?: string | undefined },
): Promise<CustomerRow> {
  const before = (await findCustomer(s, id))!;
  const set = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  };
  if (Object.keys(set).length === 0) return before;
  await writing(s)
    .update(customers)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(customers.orgId, s.orgId), eq(customers.id, id)));
  await recordAudit(s, ctx, {
    action: "customer.updated",
    entityType: "customer",
    entityId: id,
    changes: diff(
      { name: before.name, locale: before.locale },
      { name: set.name ?? before.name, locale: set.locale ?? before.locale },
    ),
  });
  return (await findCustomer(s, id))!;
}
