import type { PresenceStatus } from "@frontline/common";
import type { Ctx } from "../../platform/context";
import { domainEvents } from "../../platform/events";
import { enqueueJobOnce } from "../../platform/jobs";
import type { OrgTx } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { RELEASE_AGENT, releaseAgent, wakeTeamsOf } from "./engine";
import { type AgentSettings, agentSettingsOf, lockRouting } from "./routing.queries";
import { agents } from "./routing.tables";

/**
 * Announced in the transaction that changed someone's presence: their own switch, a supervisor,
 * signing out of the last session or being deactivated. Never for no change.
 */
export const AGENT_PRESENCE_CHANGED = "agent.presence_changed";
export interface AgentPresenceChanged {
  userId: string;
  before: PresenceStatus;
  after: PresenceStatus;
}

/** How long a release waits before trying again the tickets that were being changed. */
export const RELEASE_RETRY_MS = 5_000;

/**
 * Sets an agent's presence inside the caller's transaction, under the routing lock so no decision
 * in flight still sees the old one. Coming online asks their teams' queues for work; going offline
 * hands their open tickets back in teams that ask for it. No change, no write.
 */
export async function setPresenceIn(
  s: OrgTx,
  ctx: Pick<Ctx, "actor" | "requestId" | "ip">,
  userId: string,
  status: PresenceStatus,
): Promise<AgentSettings> {
  await lockRouting(s);
  const current = (await agentSettingsOf(s, [userId])).get(userId)!;
  if (current.presence === status) return current;
  const now = new Date();
  const [row] = await s.tx
    .insert(agents)
    .values({ orgId: s.orgId, userId, presence: status, presenceSince: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [agents.orgId, agents.userId],
      set: { presence: status, presenceSince: now, updatedAt: now },
    })
    .returning();
  await recordAudit(s, ctx, {
    action: "routing.presence_changed",
    entityType: "user",
    entityId: userId,
    changes: { presence: [current.presence, status] },
  });
  if (status === "online") await wakeTeamsOf(s, userId);
  if (status === "offline" && (await releaseAgent(s, userId)) > 0) {
    await enqueueJobOnce(s, RELEASE_AGENT, { userId }, { runAt: new Date(now.getTime() + RELEASE_RETRY_MS) });
  }
  await domainEvents.emit<AgentPresenceChanged>(s, AGENT_PRESENCE_CHANGED, {
    userId,
    before: current.presence,
    after: status,
  });
  return row!;
}

/**
 * The release job: hands back what an offline agent still holds in teams that reassign. Nothing if
 * they came back meanwhile; again a little later for tickets still being changed elsewhere.
 */
export async function releaseLater(s: OrgTx, userId: string): Promise<void> {
  await lockRouting(s);
  const current = (await agentSettingsOf(s, [userId])).get(userId)!;
  if (current.presence !== "offline") return;
  if ((await releaseAgent(s, userId)) > 0) {
    await enqueueJobOnce(s, RELEASE_AGENT, { userId }, { runAt: new Date(Date.now() + RELEASE_RETRY_MS) });
  }
}
