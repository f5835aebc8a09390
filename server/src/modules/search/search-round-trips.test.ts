import { createTicketInput, searchQuery } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../../../test/factories";
import { countingRoundTrips } from "../../../test/round-trips";
import { createTicket } from "../tickets";
import { search } from "./search.service";

const url = process.env.DATABASE_URL;

// A search for tickets alone is one statement: on the PostgreSQL server, one message with its commit.
describe.runIf(!!url)("searching on a PostgreSQL server", () => {
  const rt = countingRoundTrips(url as string);

  it("finds tickets in one round trip, commit included; tickets, messages and customers in more", async () => {
    const input = createTicketInput.parse({
      subject: "Kaleidoscope parcel lost",
      requester: { email: uniqueEmail("c") },
      message: { body: "The kaleidoscope never arrived." },
    });
    await rt.count((ctx) => createTicket(ctx, input));
    const tickets = await rt.count((ctx) => search(ctx, searchQuery.parse({ q: "kaleidoscope", type: "ticket" })));
    expect(tickets.value.map((r) => r.title)).toEqual(["Kaleidoscope parcel lost"]);
    expect(tickets.roundTrips).toBe(1);
    const all = await rt.count((ctx) => search(ctx, searchQuery.parse({ q: "kaleidoscope" })));
    expect(all.value.map((r) => r.type)).toEqual(expect.arrayContaining(["ticket", "message"]));
    expect(all.roundTrips).toBeGreaterThan(1);
  });
});
