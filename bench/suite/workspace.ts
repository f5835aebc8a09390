import fs from "node:fs";
import type { Role } from "@frontline/common";
import { createOrganization } from "../../server/src/modules/orgs";
import { createTeam, createUser } from "../../server/src/modules/staff";
import { loadConfig } from "../../server/src/platform/config";
import { type Deps, systemCtx } from "../../server/src/platform/context";
import type { Database } from "../../server/src/platform/db";
import { createLogger } from "../../server/src/platform/logger";
import { type GeneratedWorkspace, generate } from "../generate";
import { openApp, type Target } from "./target";

export const PASSWORD = "correct horse battery staple";

/** The organisation the write workloads (create, mail, wallboard) work in: made here, through the services. */
export interface LiveOrg {
  orgId: string;
  password: string;
  supportAddress: string;
  admin: string;
  manager: string;
  agents: string[];
  teamId: string;
}

export interface BenchWorkspace {
  tickets: number;
  loadedBy: "generator";
  loadSeconds: number;
  live: LiveOrg;
  data: GeneratedWorkspace;
}

function depsOf(database: Database, t: Target): Deps {
  const config = loadConfig({ DATABASE_URL: t.url, DATA_DIR: t.dataDir, LOG_LEVEL: "silent" });
  return { config, log: createLogger("silent"), database, secrets: null };
}

/** Fills the target with `tickets` tickets and the live organisation, or reads what an earlier run made. */
export async function loadWorkspace(t: Target, tickets: number, reuse: boolean): Promise<BenchWorkspace> {
  if (reuse && fs.existsSync(t.workspaceFile)) return JSON.parse(fs.readFileSync(t.workspaceFile, "utf8"));
  const database = await openApp(t);
  try {
    const started = performance.now();
    let shown = "";
    const data = await generate(database, {
      tickets,
      seed: 1,
      // A database of the caller's (DATABASE_URL) may hold an earlier load: names must not meet.
      ...(t.ownDatabase ? {} : { label: `B${Date.now().toString(36)}` }),
      onProgress: ({ phase, done, total }) => {
        const line = `  loading ${phase}: ${10 * Math.floor((10 * done) / Math.max(1, total))}%`;
        if (line !== shown) process.stdout.write(`${line}\n`);
        shown = line;
      },
    });
    const live = await makeLiveOrg(depsOf(database, t));
    const ws: BenchWorkspace = {
      tickets,
      loadedBy: "generator",
      loadSeconds: (performance.now() - started) / 1000,
      live,
      data,
    };
    // The generator gathers its own statistics.
    await database.close();
    ws.loadSeconds = (performance.now() - started) / 1000;
    fs.writeFileSync(t.workspaceFile, JSON.stringify(ws, null, 2));
    return ws;
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}

/** A small organisation with a support address, an admin, a manager and a team of agents. */
async function makeLiveOrg(deps: Deps): Promise<LiveOrg> {
  const stamp = Date.now().toString(36);
  const supportAddress = `support@live-${stamp}.bench.test`;
  const orgId = await createOrganization(deps, { name: `Bench live ${stamp}`, supportEmail: supportAddress });
  const sys = systemCtx(deps, orgId);
  const person = async (role: Role, n: string) => {
    const email = `${n}-${stamp}@live.bench.test`;
    const user = await createUser(sys, {
      email,
      name: `Live ${n}`,
      role,
      password: PASSWORD,
      locale: "en",
      timeZone: "UTC",
      teamIds: [],
    });
    return { id: user.id, email };
  };
  const admin = await person("admin", "admin");
  const manager = await person("manager", "manager");
  const agents = [];
  for (let i = 0; i < 4; i++) agents.push(await person("agent", `agent${i}`));
  const team = await createTeam(sys, { name: "Live desk", description: "", memberIds: agents.map((a) => a.id) });
  return {
    orgId,
    password: PASSWORD,
    supportAddress,
    admin: admin.email,
    manager: manager.email,
    agents: agents.map((a) => a.email),
    teamId: team.id,
  };
}
