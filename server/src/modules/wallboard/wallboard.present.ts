import type { Wallboard, WallboardChannel } from "@frontline/common";
import type { TeamChannelCounts } from "../tickets";
import type { FloorSnapshot } from "./wallboard.service";

const secondsSince = (from: Date | null, at: Date): number | null =>
  from === null ? null : Math.max(0, Math.floor((at.getTime() - from.getTime()) / 1000));

/** Counts of some channels' rows added up, with the oldest wait among them. */
function total(rows: TeamChannelCounts[], at: Date): Omit<WallboardChannel, "channel"> {
  const oldest = rows
    .map((r) => r.oldestWaitingSince)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    waiting: rows.reduce((n, r) => n + r.waiting, 0),
    oldestWaitSeconds: secondsSince(oldest ?? null, at),
    atRiskNextHour: rows.reduce((n, r) => n + r.atRisk, 0),
    breached: rows.reduce((n, r) => n + r.breached, 0),
  };
}

/** The floor → API shape; waits are counted in seconds up to the moment it was read. */
export function presentWallboard(f: FloorSnapshot): Wallboard {
  const at = f.generatedAt;
  return {
    generatedAt: at.toISOString(),
    teams: f.teams.map((t) => ({
      id: t.id,
      name: t.name,
      ...total(t.counts, at),
      channels: t.counts
        .filter((r) => r.waiting + r.atRisk + r.breached > 0)
        .map((r) => ({ channel: r.channel, ...total([r], at) })),
      escalationsWaiting: t.escalationsWaiting,
    })),
    agents: f.agents.map((a) => ({
      id: a.user.id,
      name: a.user.name,
      teamIds: a.user.teamIds,
      presence: a.settings.presence,
      presenceSince: a.settings.presenceSince?.toISOString() ?? null,
      openLoad: { ...a.load },
      capacity: { tickets: a.settings.maxTickets, chats: a.settings.maxChats },
      currentTicket: a.currentTicket,
    })),
    escalationsWaiting: { count: f.escalations.count, oldestWaitSeconds: secondsSince(f.escalations.oldestSince, at) },
    teamChoices: f.choices,
  };
}
