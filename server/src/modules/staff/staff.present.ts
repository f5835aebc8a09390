import type { Locale, Team, User } from "@frontline/common";
import type { TeamRow, UserRow } from "./users.service";

/** User row (with its team ids) → API shape; never includes the password hash. */
export function presentUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    locale: r.locale as Locale,
    timeZone: r.timeZone,
    active: r.active,
    teamIds: r.teamIds,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Team row (with its member ids) → API shape. */
export function presentTeam(r: TeamRow): Team {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    memberIds: r.memberIds,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
