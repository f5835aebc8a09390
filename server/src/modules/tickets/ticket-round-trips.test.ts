import { createTicketInput, listTicketsQuery } from "@frontline/common";
import { beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../../test/factories";
import { countingRoundTrips } from "../../../test/round-trips";
import { createTicket } from "./index";
import { getTicket, listTickets } from "./tickets.service";

const url = process.env.DATABASE_URL;

// What a ticket's creation and reads cost in waiting on the PostgreSQL server, in an organisation set
// up as a real one is (business hours, an SLA policy, a custom field, a rule): every round trip is
// time the request spends idle (decisions 031, 034 and 035).
describe.runIf(!!url)("tickets on a PostgreSQL server", () => {
  const rt = countingRoundTrips(url as string);

  beforeAll(async () => {
    const admin = rt.org().as.admin;
    const made = await Promise.all([
      admin.post("/api/v1/business-calendars", {
        name: "Office",
        timeZone: "Europe/Bucharest",
        hours: [{ day: "mon", open: "09:00", close: "17:00" }],
        isDefault: true,
      }),
      admin.post("/api/v1/sla-policies", {
        name: "Everyone",
        targets: { firstReply: { minutes: 60, businessTime: true }, resolution: { minutes: 480, businessTime: false } },
      }),
      admin.post("/api/v1/custom-fields", { entity: "ticket", key: "order", label: "Order", type: "text" }),
      admin.post("/api/v1/rules", {
        kind: "trigger",
        name: "Tag refunds",
        events: ["ticket.created"],
        conditions: { all: [{ field: "subject", op: "contains", value: "refund" }] },
        actions: [{ type: "add_tags", value: ["refund"] }],
      }),
    ]);
    for (const res of made) expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  const open = async (subject: string) => {
    const input = createTicketInput.parse({ subject, requester: { email: uniqueEmail("c") }, message: { body: "Hi" } });
    const { value: ticket, roundTrips } = await rt.count((ctx) => createTicket(ctx, input));
    return { ticket, roundTrips };
  };

  it("takes three round trips for a new customer: begin with the lookup, the ticket, commit with the rest", async () => {
    await open("Warm-up: the configuration is read into memory");
    const { ticket, roundTrips: n } = await open("Where is my parcel?");
    expect(ticket).toMatchObject({ tags: [], status: "new" });
    expect(ticket.slaDueAt).not.toBeNull();
    expect(n).toBe(3);
  });

  it("takes one more when a rule changes the new ticket: the change's own write", async () => {
    await open("Warm-up: a refund, so the rules of a change are read too");
    const { ticket, roundTrips: n } = await open("A refund please");
    expect(ticket.tags).toEqual(["refund"]);
    expect(ticket.slaDueAt).not.toBeNull();
    expect(n).toBe(4);
  });

  it("reads a page of tickets, and one ticket, in one round trip each, commit included", async () => {
    const { ticket } = await open("Seen in the inbox");
    const list = await rt.count((ctx) => listTickets(ctx, listTicketsQuery.parse({ status: "new", limit: 10 })));
    expect(list.value.page.map((t) => t.id)).toContain(ticket.id);
    expect(list.roundTrips).toBe(1);
    const one = await rt.count((ctx) => getTicket(ctx, ticket.id));
    expect(one.value.subject).toBe("Seen in the inbox");
    expect(one.roundTrips).toBe(1);
  });
});
