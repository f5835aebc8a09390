import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickets } from "../src/modules/tickets/tickets.tables";
import { builtOnce, builtOnceByShape } from "../src/platform/built-once";
import type { Database, Tx } from "../src/platform/db";
import { inOrg } from "../src/platform/tenancy";
import { makeOrg, type TestOrg, uniqueEmail } from "./factories";
import { testApp } from "./harness";
import { countedDatabase } from "./round-trips";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
const made: { id: string; subject: string }[] = [];

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
  for (const subject of ["First parcel", "Second parcel"]) {
    const res = await org.as.agent.post("/api/v1/tickets", {
      subject,
      requester: { email: uniqueEmail("c") },
      message: { body: "Where is it?" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    made.push({ id: res.body.data.id, subject });
  }
});

/** A statement that counts how often it is assembled. */
function counting() {
  let builds = 0;
  const run = builtOnce((tx: Tx) => {
    builds += 1;
    return tx
      .select({ id: tickets.id, subject: tickets.subject })
      .from(tickets)
      .where(and(eq(tickets.orgId, sql.placeholder("org")), eq(tickets.id, sql.placeholder("id"))));
  });
  return { run, builds: () => builds };
}

const find = (database: Database, run: ReturnType<typeof counting>["run"], id: string) =>
  inOrg(database, org.orgId, (s) => run(s.tx, { org: s.orgId, id }));

describe("a statement built once", () => {
  it("answers each run with its own values, in later transactions too", async () => {
    const { run } = counting();
    for (const t of [...made, ...made]) expect(await find(h.deps.database, run, t.id)).toEqual([t]);
    expect(await find(h.deps.database, run, crypto.randomUUID())).toEqual([]);
  });

  it("keeps one statement per shape, each answering as its shape says", async () => {
    const byShape = builtOnceByShape<{ subject: string }[]>();
    const pick = (subject: string | undefined) =>
      inOrg(h.deps.database, org.orgId, (s) =>
        byShape(
          s.tx,
          subject ? "subject" : "all",
          (tx) =>
            tx
              .select({ subject: tickets.subject })
              .from(tickets)
              .where(
                and(
                  eq(tickets.orgId, sql.placeholder("org")),
                  subject ? eq(tickets.subject, sql.placeholder("subject")) : undefined,
                ),
              )
              .orderBy(tickets.subject),
          { org: s.orgId, subject },
        ),
      );
    expect(await pick("Second parcel")).toEqual([{ subject: "Second parcel" }]);
    expect(await pick(undefined)).toEqual([{ subject: "First parcel" }, { subject: "Second parcel" }]);
    expect(await pick("First parcel")).toEqual([{ subject: "First parcel" }]);
  });
});

const url = process.env.DATABASE_URL;

describe.runIf(!!url)("a statement built once, on a PostgreSQL server", () => {
  let counted: Awaited<ReturnType<typeof countedDatabase>>;
  beforeAll(async () => {
    counted = await countedDatabase(url as string);
  });
  afterAll(async () => {
    await counted?.database.close();
  });

  it("is assembled once for its connection, however many transactions run it", async () => {
    const c = counting();
    for (const t of [...made, ...made, ...made]) expect(await find(counted.database, c.run, t.id)).toEqual([t]);
    expect(c.builds()).toBe(1);
  });
});
