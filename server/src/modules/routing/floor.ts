import { OPEN_LOAD_STATUSES } from "@frontline/common";
import type { OrgTx } from "../../platform/tenancy";
import { activeStaffPage, type UserRow } from "../staff";
import { assigneeLoads } from "../tickets";
import { type AgentSettings, agentSettingsOf } from "./routing.queries";

/** A person on the floor as routing sees them: presence, open load and capacity. */
export interface FloorAgent {
  user: Pick<UserRow, "id" | "name" | "teamIds">;
  settings: AgentSettings;
  load: { tickets: number; chats: number };
}

/** The active ones among some staff, by name, with their presence, open load and capacity. */
export async function floorAgents(s: OrgTx, userIds: readonly string[]): Promise<FloorAgent[]> {
  if (userIds.length === 0) return [];
  const users = await activeStaffPage(s, { userIds: [...new Set(userIds)], limit: 5000 });
  const ids = users.map((u) => u.id);
  const settings = await agentSettingsOf(s, ids);
  const loads = await assigneeLoads(s, ids, OPEN_LOAD_STATUSES);
  return users.map((user) => ({
    user,
    settings: settings.get(user.id)!,
    load: loads.get(user.id) ?? { tickets: 0, chats: 0 },
  }));
}
