import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../../test/harness";
import { createOrganization } from "../modules/orgs";
import { batchedReads } from "./batched-reads";
import type { Deps } from "./context";
import { rowsOf, type Tx } from "./db";
import { inOrg, type OrgTx } from "./tenancy";

let deps: Deps;
let orgId: string;

beforeAll(async () => {
  deps = await testDeps();
  orgId = await createOrganization(deps, { name: `Batched ${Math.random()}` });
});

/** The transaction, counting the statements that reach the database. */
function counting(s: OrgTx): { s: OrgTx; statements: () => number } {
  let n = 0;
  const tx = {
    execute: (q: Parameters<Tx["execute"]>[0]) => {
      n += 1;
      return s.tx.execute(q);
    },
  } as unknown as Tx;
  return { s: { ...s, tx }, statements: () => n };
}

describe("reads asked together go to the database as one statement", () => {
  it("answers every caller its own rows, in one statement", async () => {
    const { answers, statements } = await inOrg(deps.database, orgId, async (raw) => {
      const c = counting(raw);
      const answers = await batchedReads(c.s, (b) =>
        Promise.all([
          b.tx.execute(sql`SELECT 1 AS one`).then((r) => rowsOf(r)),
          b.tx.execute(sql`SELECT g AS n, 'x' || g AS label FROM generate_series(1, 3) g`).then((r) => rowsOf(r)),
          b.tx.execute(sql`SELECT name FROM organizations WHERE org_id = ${orgId}`).then((r) => rowsOf(r)),
          b.tx.execute(sql`SELECT 1 WHERE false`).then((r) => rowsOf(r)),
        ]),
      );
      return { answers, statements: c.statements() };
    });
    expect(statements).toBe(1);
    expect(answers[0]).toEqual([{ one: 1 }]);
    expect(answers[1]).toEqual([
      { n: 1, label: "x1" },
      { n: 2, label: "x2" },
      { n: 3, label: "x3" },
    ]);
    expect((answers[2] as { name: string }[])[0]?.name).toMatch(/^Batched /);
    expect(answers[3]).toEqual([]);
  });

  it("sends a read asked after an answer in a statement of its own, still inside the transaction", async () => {
    const statements = await inOrg(deps.database, orgId, async (raw) => {
      const c = counting(raw);
      await batchedReads(c.s, async (b) => {
        const [first] = rowsOf<{ v: number }>(await b.tx.execute(sql`SELECT 41 AS v`));
        const [second] = rowsOf<{ v: number }>(await b.tx.execute(sql`SELECT ${first!.v}::int + 1 AS v`));
        expect(second?.v).toBe(42);
      });
      return c.statements();
    });
    expect(statements).toBe(2);
  });

  it("fails every read of a statement when one of them fails", async () => {
    let statuses: string[] = [];
    // The failed statement aborts the transaction; what matters here is what each reader was told.
    await inOrg(deps.database, orgId, async (raw) => {
      const outcomes = await batchedReads(raw, (b) =>
        Promise.allSettled([b.tx.execute(sql`SELECT 1 AS ok`), b.tx.execute(sql`SELECT 1 / 0 AS broken`)]),
      );
      statuses = outcomes.map((o) => o.status);
    }).catch(() => {});
    expect(statuses).toEqual(["rejected", "rejected"]);
  });
});
