import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { rowsOf } from "../../platform/db";
import { configChanged } from "../../platform/org-config";
import { inOrg } from "../../platform/tenancy";
import { currentOrganization, setOrganizationRateLimit } from "./index";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const versionOf = async (orgId: string) =>
  inOrg(h.deps.database, orgId, async (s) => {
    const [row] = rowsOf<{ v: string }>(
      await s.tx.execute(sql`SELECT config_version AS v FROM organizations WHERE org_id = ${orgId}`),
    );
    return Number(row!.v);
  });

describe("currentOrganization: the organisation's row, kept beside its configuration", () => {
  it("shows a change made by plain SQL on the next read, and through /me", async () => {
    const org = await makeOrg(h, "Before the rename");
    expect((await org.as.agent.get("/api/v1/me")).body.data.orgName).toBe("Before the rename");
    const before = await versionOf(org.orgId);
    await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx.execute(sql`UPDATE organizations SET name = 'After the rename' WHERE org_id = ${org.orgId}`),
    );
    expect(await versionOf(org.orgId)).toBe(before + 1);
    expect((await org.as.agent.get("/api/v1/me")).body.data.orgName).toBe("After the rename");
    expect((await inOrg(h.deps.database, org.orgId, currentOrganization))?.name).toBe("After the rename");
  });

  it("moves the version on once per change, not again when a configuration trigger moves it", async () => {
    const org = await makeOrg(h);
    const before = await versionOf(org.orgId);
    const res = await org.as.admin.post("/api/v1/custom-fields", {
      entity: "ticket",
      key: "order_number",
      label: "Order number",
      type: "text",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await versionOf(org.orgId)).toBe(before + 1);
    // Writing the same values changes nothing, so nothing cached is dropped.
    await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx.execute(sql`UPDATE organizations SET name = name WHERE org_id = ${org.orgId}`),
    );
    expect(await versionOf(org.orgId)).toBe(before + 1);
  });

  it("gives the operator's new request limit to the next transaction, and a changing one its own change", async () => {
    const org = await makeOrg(h);
    expect((await inOrg(h.deps.database, org.orgId, currentOrganization))?.rateLimitPerMinute).toBeNull();
    await setOrganizationRateLimit(h.deps, org.orgId, 120);
    expect((await inOrg(h.deps.database, org.orgId, currentOrganization))?.rateLimitPerMinute).toBe(120);
    const seen = await inOrg(h.deps.database, org.orgId, async (s) => {
      const first = (await currentOrganization(s))?.supportEmail;
      await s.tx.execute(sql`UPDATE organizations SET support_email = 'help@renamed.test' WHERE org_id = ${org.orgId}`);
      configChanged(s);
      return [first, (await currentOrganization(s))?.supportEmail];
    });
    expect(seen).toEqual([null, "help@renamed.test"]);
  });

  it("is frozen: callers share one copy", async () => {
    const org = await makeOrg(h);
    const row = await inOrg(h.deps.database, org.orgId, currentOrganization);
    expect(Object.isFrozen(row)).toBe(true);
    expect(await inOrg(h.deps.database, org.orgId, currentOrganization)).toBe(row);
  });
});
