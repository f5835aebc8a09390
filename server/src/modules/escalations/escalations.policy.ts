import { roleAtLeast } from "@frontline/common";
import type { Actor } from "../../platform/context";
import { roleForLevel } from "./escalation-rules";

/** Anyone on staff may escalate a ticket they work (every staff member works every ticket today). */
export const canEscalate = (_actor: Actor): boolean => true;

/** Taking, resolving and handing back escalations, and the report: supervisors and above, as a person. */
export const canWorkEscalations = (actor: Actor): boolean =>
  actor.userId !== null && roleAtLeast(actor.role, "supervisor");

/** A level-2 escalation is for a manager or above, level 3 for an admin (escalation-rules.ts). */
export const canHandleLevel = (actor: Actor, level: number): boolean => roleAtLeast(actor.role, roleForLevel(level));

/** Supervisors and above see the whole queue; an agent sees the escalations they raised. */
export const seesEveryEscalation = (actor: Actor): boolean => roleAtLeast(actor.role, "supervisor");

/** Everyone reads the reasons (the escalate dialog lists them); admins change them and the phrases. */
export const canManageEscalationSettings = (actor: Actor): boolean => actor.role === "admin";
