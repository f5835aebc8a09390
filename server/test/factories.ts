import type { Role } from "@frontline/common";
import { createSession } from "../src/modules/auth/sessions.service";
import { createOrganization } from "../src/modules/orgs";
import { createUser } from "../src/modules/staff";
import { systemCtx } from "../src/platform/context";
import { randomToken } from "../src/platform/ids";
import { Client } from "./client";
import type { testApp } from "./harness";

type Harness = Awaited<ReturnType<typeof testApp>>;

export const TEST_PASSWORD = "correct horse battery staple";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomToken(3).toLowerCase()}`;

export interface TestOrg {
  orgId: string;
  /** A signed-in client per role, each a different user. */
  as: Record<Role, Client>;
  users: Record<Role, { id: string; email: string }>;
}

/** A fresh organisation with one signed-in user of every role. */
export async function makeOrg(h: Harness, name = `Org ${unique()}`): Promise<TestOrg> {
  const orgId = await createOrganization(h.deps, { name });
  const ctx = systemCtx(h.deps, orgId);
  const as = {} as TestOrg["as"];
  const users = {} as TestOrg["users"];
  for (const role of ["agent", "supervisor", "manager", "admin"] as const) {
    const email = `${role}-${unique()}@example.test`;
    const user = await createUser(ctx, {
      email,
      name: `${role} ${unique()}`,
      role,
      password: TEST_PASSWORD,
      locale: "en",
      timeZone: "UTC",
      teamIds: [],
    });
    users[role] = { id: user.id, email };
    as[role] = await signedIn(h, orgId, user.id);
  }
  return { orgId, as, users };
}

/** A client with a fresh session for an existing user. */
export async function signedIn(h: Harness, orgId: string, userId: string): Promise<Client> {
  const s = await createSession(h.deps.database, h.deps.config, { orgId, userId, ip: null, userAgent: "test" });
  return new Client(h.app, { cookie: `frontline_session=${s.token}`, csrfToken: s.csrfToken });
}

/** A unique email address for a test. */
export const uniqueEmail = (prefix = "user") => `${prefix}-${unique()}@example.test`;
