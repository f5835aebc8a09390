import { roleAtLeast } from "@frontline/common";
import type { Actor } from "../../platform/context";

/** Rules change how every ticket is handled: admins write them. */
export const canManageRules = (a: Actor) => a.role === "admin";

/** Supervisors and above see them, to understand why a ticket moved. */
export const canReadRules = (a: Actor) => roleAtLeast(a.role, "supervisor");
