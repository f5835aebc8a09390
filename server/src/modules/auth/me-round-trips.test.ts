import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { countingRoundTrips } from "../../../test/round-trips";
import { inOrg } from "../../platform/tenancy";
import { loadMe } from "./me.service";

const url = process.env.DATABASE_URL;

// `GET /me` is asked on every page load: on the PostgreSQL server it should cost one message.
describe.runIf(!!url)("the signed-in user's own view on a PostgreSQL server", () => {
  const rt = countingRoundTrips(url as string);
  const me = () => rt.count((ctx) => loadMe(ctx.database, ctx.orgId, rt.org().users.agent.id, null));

  it("is one round trip, commit included, once the organisation is in memory; two transactions before", async () => {
    const h = rt.harness();
    await inOrg(h.deps.database, rt.org().orgId, (s) =>
      s.tx.execute(sql`UPDATE organizations SET name = 'Renamed for the count' WHERE org_id = ${s.orgId}`),
    );
    const first = await me();
    expect(first.value).toMatchObject({ orgName: "Renamed for the count", id: rt.org().users.agent.id });
    expect(first.roundTrips).toBeGreaterThan(1);
    const next = await me();
    expect(next.value.orgName).toBe("Renamed for the count");
    expect(next.roundTrips).toBe(1);
  });
});
