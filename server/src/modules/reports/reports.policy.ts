import { type Role, roleAtLeast } from "@frontline/common";
import type { Actor } from "../../platform/context";

/** Scheduled reports mail the organisation's numbers out: managers and admins set them up. */
export const canManageReportSchedules = (a: Actor) => roleAtLeast(a.role, "manager");

/** A schedule runs as its creator; once they are gone or below manager, it may not run for them. */
export const mayReportAs = (user: { active: boolean; role: string } | undefined): boolean =>
  !!user?.active && roleAtLeast(user.role as Role, "manager");
