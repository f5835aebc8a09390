import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp, testDeps } from "../../../test/harness";
import { countedDatabase } from "../../../test/round-trips";
import { systemCtx } from "../../platform/context";
import { inOrg } from "../../platform/tenancy";
import { inboundMails } from "./channels.tables";
import { ingestMail } from "./index";

const url = process.env.DATABASE_URL;

// What storing a customer's mail costs in waiting on the PostgreSQL server: every round trip is time
// the delivery spends idle (decisions 031 and 034).
describe.runIf(!!url)("an inbound mail on a PostgreSQL server", () => {
  let h: Awaited<ReturnType<typeof testApp>>;
  let counted: Awaited<ReturnType<typeof countedDatabase>>;
  let org: TestOrg;

  beforeAll(async () => {
    h = await testApp();
    counted = await countedDatabase(url as string);
    org = await makeOrg(h);
  });

  afterAll(async () => {
    await counted?.database.close();
  });

  const deliver = async (raw: Buffer) => {
    const ctx = systemCtx({ ...(await testDeps()), database: counted.database }, org.orgId);
    const before = counted.roundTrips();
    const result = await ingestMail(ctx, raw, "api");
    return { result, roundTrips: counted.roundTrips() - before };
  };

  const mail = (from: string, id: string) =>
    Buffer.from(
      [
        `From: Ana Pop <${from}>`,
        "To: support@example.test",
        "Subject: Where is my order?",
        `Message-ID: <${id}@sender.test>`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Hello, my parcel has not arrived. Could you tell me where it is?",
        "",
      ].join("\r\n"),
    );

  it("opens a ticket from a new customer's mail in four round trips, and knows a second delivery in two", async () => {
    await deliver(mail(uniqueEmail("warm"), crypto.randomUUID())); // the configuration is read into memory
    const raw = mail(uniqueEmail("ana"), crypto.randomUUID());
    const first = await deliver(raw);
    expect(first.result).toMatchObject({ outcome: "ticket_created", duplicate: false });
    expect(first.roundTrips).toBe(4);
    const again = await deliver(raw);
    expect(again.result).toMatchObject({ inboundId: first.result.inboundId, duplicate: true });
    expect(again.roundTrips).toBe(2);
    // The mail itself was kept, byte for byte, though it travelled as text.
    const [stored] = await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx
        .select({ raw: inboundMails.raw })
        .from(inboundMails)
        .where(and(eq(inboundMails.orgId, s.orgId), eq(inboundMails.id, first.result.inboundId))),
    );
    expect(Buffer.compare(stored!.raw as Buffer, raw)).toBe(0);
  });
});
