import { type CreateUserInput, one, pageOf, type UpdateUserInput, type User, userSchema } from "@frontline/common";
import { apiGet, apiGetAll, apiPatch, apiPost, type Query } from "./client";

const userResponse = one(userSchema);
const userPage = pageOf(userSchema);

/** Filters the staff list understands: role, team, active flag and a free-text search. */
export interface UserFilters extends Query {
  role?: string | undefined;
  teamId?: string | undefined;
  active?: "true" | "false" | undefined;
  q?: string | undefined;
}

/** One page of staff. */
export function listUsers(filters: UserFilters, cursor: string | null, signal?: AbortSignal) {
  return apiGet("/users", userPage, { ...filters, limit: 50, cursor }, signal);
}

/** Every user, for pickers such as team membership. */
export function listAllUsers(): Promise<User[]> {
  return apiGetAll("/users", userPage);
}

/** Creates a staff account (admin only). */
export async function createUser(input: CreateUserInput): Promise<User> {
  return (await apiPost("/users", input, userResponse)).data;
}

/** Updates a staff account; `active: false` deactivates it (admin only). */
export async function updateUser(id: string, input: UpdateUserInput): Promise<User> {
  return (await apiPatch(`/users/${encodeURIComponent(id)}`, input, userResponse)).data;
}
