import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../../../test/factories";
import { countingRoundTrips } from "../../../test/round-trips";
import { inOrg } from "../../platform/tenancy";
import { inboundMails } from "./channels.tables";
import { ingestMail } from "./index";

const url = process.env.DATABASE_URL;

// What storing a customer's mail costs in waiting on the PostgreSQL server: every round trip is time
// the delivery spends idle (decisions 031, 034 and 035).
describe.runIf(!!url)("an inbound mail on a PostgreSQL server", () => {
  const rt = countingRoundTrips(url as string);

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
  const deliver = (raw: Buffer) => rt.count((ctx) => ingestMail(ctx, raw, "api"));

  it("opens a ticket from a new customer's mail in four round trips, and knows a second delivery in two", async () => {
    await deliver(mail(uniqueEmail("warm"), crypto.randomUUID())); // the configuration is read into memory
    const raw = mail(uniqueEmail("ana"), crypto.randomUUID());
    const first = await deliver(raw);
    expect(first.value).toMatchObject({ outcome: "ticket_created", duplicate: false });
    expect(first.roundTrips).toBe(4);
    const again = await deliver(raw);
    expect(again.value).toMatchObject({ inboundId: first.value.inboundId, duplicate: true });
    expect(again.roundTrips).toBe(2);
    // The mail itself was kept, byte for byte, though it travelled as text.
    const h = rt.harness();
    const [stored] = await inOrg(h.deps.database, rt.org().orgId, (s) =>
      s.tx
        .select({ raw: inboundMails.raw })
        .from(inboundMails)
        .where(and(eq(inboundMails.orgId, s.orgId), eq(inboundMails.id, first.value.inboundId))),
    );
    expect(Buffer.compare(stored!.raw as Buffer, raw)).toBe(0);
  });
});
