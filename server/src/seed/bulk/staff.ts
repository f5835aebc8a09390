import type { Role } from "@frontline/common";
import { createOrganization } from "../../modules/orgs";
import { createSlaPolicy } from "../../modules/sla";
import { createUser } from "../../modules/staff";
import { type Deps, systemCtx } from "../../platform/context";
import { LANGUAGES, type Language, type Topic } from "./bank";
import { type BulkSession, opt, TableRows, text, ts, words } from "./copy";
import { agentShifts, intervalRows } from "./intervals";
import type { OrgPlan } from "./plan";
import type { Rng } from "./random";
import { DAY } from "./season";
import { BANKS } from "./text";

const AREAS = ["Billing", "Delivery", "Accounts", "Technical", "Returns", "Warranty"] as const;
/** The area whose teams take each topic. */
const AREA_OF: Record<Topic, number> = {
  billing: 0,
  cancel: 0,
  delivery: 1,
  login: 2,
  technical: 3,
  refund: 4,
  damaged: 4,
  warranty: 5,
  recall: 5,
};
const SKILLS = ["Billing", "Delivery", "Accounts", "Technical", "Returns", "Warranty", "VIP care", "Chat"];

export interface Person {
  id: string;
  email: string;
  first: string;
  language: Language;
}

/** An organisation once its staff exist: what its tickets are handed to. */
export interface OrgStaff {
  orgId: string;
  admin: string;
  manager: Person;
  supervisors: Person[];
  agents: Person[];
  /** Teams by area, each with its members (agents) and its supervisor. */
  teams: { id: string; area: number; agents: Person[]; supervisor: Person }[][];
  /** SLA policies: the one for urgent and high priority, and the standard one. */
  policies: { urgent: string; standard: string };
}

export const teamsFor = (staff: OrgStaff, topic: Topic) => staff.teams[AREA_OF[topic] % staff.teams.length]!;

/** The organisation and its admin and SLA policies through the services, so they are as if made by hand. */
export async function createOrgThroughServices(deps: Deps, plan: OrgPlan, password: string) {
  const orgId = await createOrganization(
    deps,
    { name: plan.name, slug: plan.slug, supportEmail: `support@${plan.domain}`, timeZone: plan.timeZone },
    "bulk seed",
  );
  const ctx = systemCtx(deps, orgId, { type: "system", name: "bulk seed" });
  const admin = `admin@${plan.domain}`;
  await createUser(ctx, {
    email: admin,
    name: "Admin",
    role: "admin",
    password,
    locale: plan.languageOrder[0]!,
    timeZone: plan.timeZone,
    teamIds: [],
  });
  const urgent = await createSlaPolicy(ctx, {
    name: "Urgent and high",
    calendarId: null,
    active: true,
    conditions: { priority: ["urgent", "high"] },
    targets: { firstReply: { minutes: 60, businessTime: false }, resolution: { minutes: 480, businessTime: false } },
    pauseOn: ["pending", "on_hold"],
    warnBeforeMinutes: 30,
  });
  const standard = await createSlaPolicy(ctx, {
    name: "Standard",
    calendarId: null,
    active: true,
    conditions: {},
    targets: { firstReply: { minutes: 480, businessTime: false }, resolution: { minutes: 2880, businessTime: false } },
    pauseOn: ["pending", "on_hold"],
    warnBeforeMinutes: 60,
  });
  return { orgId, admin, policies: { urgent: urgent.id, standard: standard.id } };
}

/**
 * The rest of the staff, copied with one password hash made by the staff module for the admin:
 * a manager, a supervisor per team, the agents with their languages and skills, and their teams.
 */
export async function copyStaff(
  s: BulkSession,
  rng: Rng,
  plan: OrgPlan,
  org: { orgId: string; admin: string; policies: OrgStaff["policies"] },
  passwordHash: string,
  startMs: number,
  nowMs: number,
): Promise<OrgStaff> {
  const users = new TableRows("users", [
    "org_id",
    "id",
    "email",
    "name",
    "role",
    "locale",
    "time_zone",
    "password_hash",
    "active",
    "created_at",
    "updated_at",
  ]);
  const routing = new TableRows("routing_agents", [
    "org_id",
    "user_id",
    "presence",
    "presence_since",
    "languages",
    "max_tickets",
    "max_chats",
    "updated_at",
  ]);
  const teamRows = new TableRows("teams", ["org_id", "id", "name", "description", "created_at", "updated_at"]);
  const members = new TableRows("team_members", ["org_id", "team_id", "user_id", "created_at"]);
  const skills = new TableRows("routing_skills", ["org_id", "id", "name", "created_at", "updated_at"]);
  const agentSkills = new TableRows("routing_agent_skills", ["org_id", "user_id", "skill_id", "level"]);
  const intervals = intervalRows();
  const since = startMs - 30 * DAY;
  const person = (role: Role, email: string): Person => {
    const language = rng.chance(0.8) ? plan.languages.pick(rng) : "en";
    const bank = BANKS[language];
    const first = rng.pick(bank.firstNames);
    const id = rng.uuidAt(since);
    users.add(
      org.orgId,
      id,
      email,
      text(`${first} ${rng.pick(bank.lastNames)}`),
      role,
      language,
      plan.timeZone,
      passwordHash,
      "t",
      ts(since),
      ts(since),
    );
    return { id, email, first, language };
  };
  const manager = person("manager", `manager@${plan.domain}`);
  const areas = Math.min(AREAS.length, Math.max(1, Math.ceil(plan.agents / 3)));
  const perArea = Math.max(1, Math.round(plan.agents / (areas * 25)));
  const teams: OrgStaff["teams"] = [];
  const supervisors: Person[] = [];
  for (let a = 0; a < areas; a++) {
    const list: OrgStaff["teams"][number] = [];
    for (let k = 0; k < perArea; k++) {
      const id = rng.uuidAt(since);
      const name = perArea > 1 ? `${AREAS[a]} ${k + 1}` : AREAS[a]!;
      teamRows.add(org.orgId, id, name, text(`${AREAS[a]} questions`), ts(since), ts(since));
      const supervisor = person("supervisor", `supervisor${supervisors.length + 1}@${plan.domain}`);
      supervisors.push(supervisor);
      members.add(org.orgId, id, supervisor.id, ts(since));
      list.push({ id, area: a, agents: [], supervisor });
    }
    teams.push(list);
  }
  const skillIds = SKILLS.map((name) => {
    const id = rng.uuidAt(since);
    skills.add(org.orgId, id, name, ts(since), ts(since));
    return id;
  });
  const agents: Person[] = [];
  const flat = teams.flat();
  for (let i = 0; i < plan.agents; i++) {
    const agent = person("agent", `agent${i + 1}@${plan.domain}`);
    agents.push(agent);
    const team = flat[i % flat.length]!;
    team.agents.push(agent);
    members.add(org.orgId, team.id, agent.id, ts(since));
    const extra = LANGUAGES.filter((l) => l !== agent.language && rng.chance(0.2));
    const now = agentShifts(rng, intervals, org.orgId, agent.id, plan.offsetHours, nowMs);
    routing.add(
      org.orgId,
      agent.id,
      now.presence,
      ts(now.since),
      words(extra),
      String(8 + rng.int(8)),
      "3",
      ts(now.since),
    );
    agentSkills.add(org.orgId, agent.id, skillIds[team.area]!, String(1 + rng.int(5)));
    if (rng.chance(0.4)) agentSkills.add(org.orgId, agent.id, skillIds[6 + rng.int(2)]!, opt(null));
  }
  for (const t of [users, teamRows, members, skills, agentSkills, routing, intervals]) await s.copy(t);
  return { orgId: org.orgId, admin: org.admin, manager, supervisors, agents, teams, policies: org.policies };
}
