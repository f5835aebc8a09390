import type { Role } from "@frontline/common";
import type { CustomerRow } from "../modules/customers";
import { type Ctx, type Deps, systemCtx } from "../platform/context";

/** The demo's two teams, by the names the scripts use. */
export type DemoTeam = "billing" | "technical";

/** Who is in the demo workspace, for the scripts to act as and to name. */
export interface DemoCast {
  deps: Deps;
  orgId: string;
  /** Staff by email. */
  staff: Map<string, { id: string; name: string; role: Role }>;
  teams: Record<DemoTeam, string>;
  /** Customers by email. */
  customers: Map<string, CustomerRow>;
}

/** The seed acting as itself (what it sets up as an administrator would). */
export const seedCtx = (cast: DemoCast): Ctx =>
  systemCtx(cast.deps, cast.orgId, { type: "system", userId: null, name: "demo seed", role: "admin" });

/** A staff member acting, as if signed in: the audit log and the conversation name them. */
export function asStaff(cast: DemoCast, email: string): Ctx {
  const person = cast.staff.get(email);
  if (!person) throw new Error(`No demo staff member ${email}`);
  return systemCtx(cast.deps, cast.orgId, {
    type: "user",
    userId: person.id,
    name: person.name,
    role: person.role,
  });
}

/** A demo staff member's id. */
export function staffId(cast: DemoCast, email: string): string {
  const person = cast.staff.get(email);
  if (!person) throw new Error(`No demo staff member ${email}`);
  return person.id;
}

/** A demo customer. */
export function customerOf(cast: DemoCast, email: string): CustomerRow {
  const customer = cast.customers.get(email);
  if (!customer) throw new Error(`No demo customer ${email}`);
  return customer;
}
