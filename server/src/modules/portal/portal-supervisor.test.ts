import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { portalSignedIn, slugOf } from "../../../test/portal";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
let slug: string;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
  slug = await slugOf(h, org.orgId);
});

/** A customer's ticket and the customer signed in to the portal. */
async function customerWithTicket(subject = "Wrong size delivered") {
  const ticket = (
    await org.as.agent.post("/api/v1/tickets", {
      subject,
      requester: { email: uniqueEmail("shopper"), name: "Elena Rusu" },
      message: { body: "I got an M instead of an L." },
    })
  ).body.data;
  return { ticket, customer: await portalSignedIn(h, org.orgId, ticket.requesterId) };
}

const ask = (as: Client, ticketId: string) => as.post(`/api/v1/portal/${slug}/tickets/${ticketId}/supervisor`);
const escalationsOf = async (ticketId: string) =>
  (await org.as.supervisor.get(`/api/v1/tickets/${ticketId}/escalations`)).body.data as Record<string, unknown>[];

describe("the portal's 'Ask for a supervisor' button works", () => {
  it("raises one customer request for the signed-in customer's request, and the page says a supervisor is asked", async () => {
    const { ticket, customer } = await customerWithTicket();
    const page = `/api/v1/portal/${slug}/tickets/${ticket.id}`;
    expect((await customer.get(page)).body.data.supervisorRequested).toBe(false);
    const first = await ask(customer, ticket.id);
    expect([first.status, first.body]).toEqual([201, { data: { ticketNumber: ticket.number, created: true } }]);
    expect((await customer.get(page)).body.data.supervisorRequested).toBe(true);
    const again = await ask(customer, ticket.id);
    expect([again.status, again.body.data]).toEqual([200, { ticketNumber: ticket.number, created: false }]);
    const [escalation, ...none] = await escalationsOf(ticket.id);
    expect(none).toEqual([]);
    expect(escalation).toMatchObject({
      type: "customer_request",
      via: "portal",
      reason: "customer_request",
      level: 1,
      createdBy: { type: "customer", id: ticket.requesterId, name: "Elena Rusu" },
    });
    // Nothing of the escalation itself is shown to the customer.
    expect(Object.keys((await customer.get(page)).body.data).sort()).toEqual([
      "messages",
      "supervisorRequested",
      "ticket",
    ]);
  });
});

describe("the button refuses the wrong caller", () => {
  it("answers 404 for another customer's request, 401 to nobody, 403 without the CSRF token, 409 when closed", async () => {
    const { ticket, customer } = await customerWithTicket();
    const other = await customerWithTicket("Another's");
    expect((await ask(other.customer, ticket.id)).status).toBe(404);
    expect((await ask(new Client(h.app), ticket.id)).status).toBe(401);
    const noCsrf = new Client(h.app, { cookie: customer.creds.cookie! });
    expect((await ask(noCsrf, ticket.id)).body.code).toBe("csrf_failed");
    expect(await escalationsOf(ticket.id)).toEqual([]);
    await org.as.agent.patch(`/api/v1/tickets/${other.ticket.id}`, { status: "solved" });
    await org.as.agent.patch(`/api/v1/tickets/${other.ticket.id}`, { status: "closed" });
    const closed = await ask(other.customer, other.ticket.id);
    expect([closed.status, closed.body.detail]).toEqual([409, "This request is closed"]);
    expect(await escalationsOf(other.ticket.id)).toEqual([]);
  });
});
