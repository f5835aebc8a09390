import type { Locale, Role } from "@frontline/common";
import { createOrganization } from "../modules/orgs";
import { createTeam, createUser } from "../modules/staff";
import type { Deps } from "../platform/context";
import { systemCtx } from "../platform/context";
import { randomToken } from "../platform/ids";
import type { DemoCast, DemoTeam } from "./demo-cast";
import { type DemoContentResult, seedDemoContent } from "./demo-content";

interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  timeZone: string;
  teams: DemoTeam[];
}

const PEOPLE: DemoPerson[] = [
  { email: "admin@demo.test", name: "Ada Admin", role: "admin", locale: "en", timeZone: "Europe/London", teams: [] },
  {
    email: "manager@demo.test",
    name: "Mara Ionescu",
    role: "manager",
    locale: "ro",
    timeZone: "Europe/Bucharest",
    teams: [],
  },
  {
    email: "supervisor@demo.test",
    name: "Stefan Keller",
    role: "supervisor",
    locale: "de",
    timeZone: "Europe/Berlin",
    teams: ["billing", "technical"],
  },
  {
    email: "agent@demo.test",
    name: "Alex Agent",
    role: "agent",
    locale: "en",
    timeZone: "Europe/London",
    teams: ["billing"],
  },
  {
    email: "irina@demo.test",
    name: "Irina Volkova",
    role: "agent",
    locale: "ru",
    timeZone: "Europe/Moscow",
    teams: ["technical"],
  },
  {
    email: "layla@demo.test",
    name: "Layla Haddad",
    role: "agent",
    locale: "ar",
    timeZone: "Asia/Riyadh",
    teams: ["technical"],
  },
  {
    email: "andrei@demo.test",
    name: "Andrei Popescu",
    role: "agent",
    locale: "ro",
    timeZone: "Europe/Bucharest",
    teams: ["billing"],
  },
  {
    email: "jonas@demo.test",
    name: "Jonas Weber",
    role: "agent",
    locale: "de",
    timeZone: "Europe/Berlin",
    teams: ["billing", "technical"],
  },
];

export interface DemoResult {
  orgId: string;
  password: string;
  emails: string[];
  /** What example content was added; absent with DEMO_CONTENT=off. */
  content?: DemoContentResult;
}

/**
 * Creates the demo workspace: organisation "Demo", its staff in two teams, one shared password, and
 * (unless DEMO_CONTENT is off) example customers, tickets, policies and rules. `progress` hears
 * about a slow start.
 */
export async function seedDemo(
  deps: Deps,
  password = deps.config.DEMO_PASSWORD ?? randomToken(12),
  progress?: (line: string) => void,
): Promise<DemoResult> {
  const orgId = await createOrganization(
    deps,
    { name: "Demo", supportEmail: "support@demo.test", timeZone: "Europe/London" },
    "demo seed",
  );
  const ctx = systemCtx(deps, orgId, { type: "system", name: "demo seed" });
  const staff: DemoCast["staff"] = new Map();
  for (const p of PEOPLE) {
    const user = await createUser(ctx, { ...p, password, teamIds: [] });
    staff.set(p.email, { id: user.id, name: user.name, role: user.role });
  }
  const membersOf = (team: DemoTeam) => PEOPLE.filter((p) => p.teams.includes(team)).map((p) => staff.get(p.email)!.id);
  const billing = await createTeam(ctx, {
    name: "Billing",
    description: "Invoices, refunds and payment questions",
    memberIds: membersOf("billing"),
  });
  const technical = await createTeam(ctx, {
    name: "Technical support",
    description: "Product problems and how-to questions",
    memberIds: membersOf("technical"),
  });
  const result: DemoResult = { orgId, password, emails: PEOPLE.map((p) => p.email) };
  if (deps.config.DEMO_CONTENT === "off") return result;
  const teams = { billing: billing.id, technical: technical.id };
  const content = await seedDemoContent({ deps, orgId, staff, teams, customers: new Map() }, progress);
  deps.log.info(content, "demo content created");
  return { ...result, content };
}
