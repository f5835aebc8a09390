import type { Presence, RoutingAgent, Skill, TeamRouting, TicketRequirements } from "@frontline/common";
import type { TicketRow } from "../tickets";
import { type AgentState, speaksOf } from "./engine";
import type { AgentSettings, SkillRow, TeamSettings, TicketNeed } from "./routing.queries";

/** Presence row → API shape. */
export function presentPresence(userId: string, a: Pick<AgentSettings, "presence" | "presenceSince">): Presence {
  return { userId, status: a.presence, since: a.presenceSince?.toISOString() ?? null };
}

/** Team settings → API shape (the round-robin turn stays inside). */
export function presentTeamRouting(t: TeamSettings): TeamRouting {
  return {
    teamId: t.teamId,
    strategy: t.strategy,
    skillMatching: t.skillMatching,
    languageMatching: t.languageMatching,
    reassignOnOffline: t.reassignOnOffline,
    updatedAt: t.updatedAt?.toISOString() ?? null,
  };
}

/** Skill row with its number of agents → API shape. */
export function presentSkill(r: SkillRow & { agentCount: number }): Skill {
  return {
    id: r.id,
    name: r.name,
    agentCount: r.agentCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** An agent as routing weighs them → API shape. */
export function presentAgent(a: AgentState): RoutingAgent {
  return {
    userId: a.user.id,
    name: a.user.name,
    role: a.user.role,
    active: a.user.active,
    teamIds: a.user.teamIds,
    presence: presentPresence(a.user.id, a.settings),
    load: { ...a.load },
    capacity: { tickets: a.settings.maxTickets, chats: a.settings.maxChats },
    skills: a.skills,
    languages: a.settings.languages,
    speaks: speaksOf(a.user.locale, a.settings.languages),
    profileLocale: a.user.locale as RoutingAgent["profileLocale"],
    lastAssignedAt: a.settings.lastAssignedAt?.toISOString() ?? null,
  };
}

/** A ticket's needs → API shape. */
export function presentRequirements(ticket: Pick<TicketRow, "id" | "language">, need: TicketNeed): TicketRequirements {
  return {
    ticketId: ticket.id,
    skillIds: need.skillIds,
    language: need.setLanguage,
    ticketLanguage: (ticket.language as TicketRequirements["ticketLanguage"]) ?? null,
    requiredLanguage: need.language,
  };
}
