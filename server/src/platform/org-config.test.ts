import { createRuleInput } from "@frontline/common";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../../test/harness";
import { createOrganization } from "../modules/orgs";
import { createRule } from "../modules/rules";
import { type Deps, systemCtx } from "./context";
import { rowsOf } from "./db";
import { cachedConfig, configChanged } from "./org-config";
import { inOrg } from "./tenancy";

let deps: Deps;
let orgId: string;

beforeAll(async () => {
  deps = await testDeps();
  orgId = await createOrganization(deps, { name: `Config cache ${Math.random()}` });
});

const namesNow = async (q: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }) =>
  rowsOf<{ name: string }>(await q.execute(sql`SELECT name FROM rules WHERE org_id = ${orgId} ORDER BY name`)).map(
    (r) => r.name,
  );

/** The organisation's rule names as the cache answers them, and how often the database was asked. */
function ruleNames() {
  const key = `test:rule-names:${Math.random()}`;
  let loads = 0;
  const read = () =>
    inOrg(deps.database, orgId, (s) =>
      cachedConfig(s, key, async () => {
        loads += 1;
        return namesNow(s.tx);
      }),
    );
  return { read, loads: () => loads };
}

const addRule = (name: string) =>
  createRule(
    systemCtx(deps, orgId),
    createRuleInput.parse({
      kind: "trigger",
      name,
      events: ["ticket.created"],
      actions: [{ type: "add_note", body: "Seen" }],
    }),
  );

describe("configuration kept in memory per organisation and version", () => {
  it("reads once while nothing changes, and again as soon as a committed change is visible", async () => {
    const names = ruleNames();
    expect(await names.read()).toEqual([]);
    expect(await names.read()).toEqual([]);
    expect(names.loads()).toBe(1);
    await addRule("First");
    expect(await names.read()).toEqual(["First"]);
    expect(await names.read()).toEqual(["First"]);
    expect(names.loads()).toBe(2);
  });

  it("moves the version on for a change made with plain SQL too (another node, an operator)", async () => {
    const names = ruleNames();
    const before = await names.read();
    await inOrg(deps.database, orgId, (s) =>
      s.tx.execute(sql`UPDATE rules SET name = name || ' (renamed)' WHERE org_id = ${orgId}`),
    );
    expect(await names.read()).toEqual(before.map((n) => `${n} (renamed)`));
  });

  it("lets a transaction that changes configuration read its own change; the others see it once committed", async () => {
    const names = ruleNames();
    expect(await names.read()).not.toEqual(["Inside"]);
    await inOrg(deps.database, orgId, async (s) => {
      configChanged(s);
      await s.tx.execute(sql`UPDATE rules SET name = 'Inside' WHERE org_id = ${orgId}`);
      expect(await cachedConfig(s, "test:inside", () => namesNow(s.tx))).toEqual(["Inside"]);
    });
    expect(await names.read()).toEqual(["Inside"]);
  });

  it("hands out frozen values, so no caller can change what the others read", async () => {
    const value = await inOrg(deps.database, orgId, (s) => cachedConfig(s, "test:frozen", async () => [{ a: 1 }]));
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value[0])).toBe(true);
    const map = await inOrg(deps.database, orgId, (s) =>
      cachedConfig(s, "test:frozen-map", async () => new Map([["k", { a: 1 }]])),
    );
    expect(Object.isFrozen(map.get("k"))).toBe(true);
  });

  it("keeps organisations apart", async () => {
    const other = await createOrganization(deps, { name: `Config other ${Math.random()}` });
    const read = (org: string) => inOrg(deps.database, org, (s) => cachedConfig(s, "test:whose", async () => org));
    expect(await read(orgId)).toBe(orgId);
    expect(await read(other)).toBe(other);
    expect(await read(orgId)).toBe(orgId);
  });
});
