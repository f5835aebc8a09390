import type { Actor } from "../../platform/context";

/** SLA policies are promises the organisation makes: admins set them; everyone signed in reads them. */
export const canManageSlaPolicies = (a: Actor) => a.role === "admin";
