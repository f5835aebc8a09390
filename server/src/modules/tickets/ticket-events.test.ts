import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { domainEvents } from "../../platform/events";
import {
  TICKET_CHANGED,
  TICKET_CREATED,
  TICKET_MESSAGE_ADDED,
  type TicketChanged,
  type TicketCreated,
  type TicketMessageAdded,
} from ".";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
const seen: { name: string; orgId: string; payload: unknown }[] = [];

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
  // The bus is the process's: record everything, read only this organisation's.
  domainEvents.on<TicketCreated>(
    TICKET_CREATED,
    async (s, p) => void seen.push({ name: TICKET_CREATED, orgId: s.orgId, payload: p }),
  );
  domainEvents.on<TicketChanged>(
    TICKET_CHANGED,
    async (s, p) => void seen.push({ name: TICKET_CHANGED, orgId: s.orgId, payload: p }),
  );
  domainEvents.on<TicketMessageAdded>(
    TICKET_MESSAGE_ADDED,
    async (s, p) => void seen.push({ name: TICKET_MESSAGE_ADDED, orgId: s.orgId, payload: p }),
  );
});

const mine = (ticketId: string) =>
  seen.filter((e) => {
    const p = e.payload as { ticketId?: string; ticket?: { id: string }; after?: { id: string } };
    return e.orgId === org.orgId && (p.ticketId ?? p.ticket?.id ?? p.after?.id) === ticketId;
  });

describe("the tickets module announces what happens to a ticket", () => {
  it("announces a new ticket after its first message, then each change and message, and nothing for no change", async () => {
    const ticket = (
      await org.as.agent.post("/api/v1/tickets", {
        subject: "Events",
        requester: { email: uniqueEmail() },
        message: { body: "first" },
      })
    ).body.data;
    expect(mine(ticket.id).map((e) => e.name)).toEqual([TICKET_MESSAGE_ADDED, TICKET_CREATED]);
    const created = mine(ticket.id)[1]!.payload as TicketCreated;
    expect(created.ticket).toMatchObject({ id: ticket.id, status: "new", subject: "Events" });
    expect(mine(ticket.id)[0]!.payload).toMatchObject({ kind: "inbound", authorType: "customer" });

    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { priority: "high" });
    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { priority: "high" });
    const changes = mine(ticket.id).filter((e) => e.name === TICKET_CHANGED);
    expect(changes).toHaveLength(1);
    const { before, after } = changes[0]!.payload as TicketChanged;
    expect([before.priority, after.priority]).toEqual(["normal", "high"]);

    await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "reply", body: "on it" });
    expect(
      mine(ticket.id)
        .slice(-2)
        .map((e) => e.name),
    ).toEqual([TICKET_MESSAGE_ADDED, TICKET_CHANGED]);
    expect(mine(ticket.id).at(-2)!.payload).toMatchObject({
      kind: "reply",
      authorType: "user",
      authorId: org.users.agent.id,
    });
    const reopened = mine(ticket.id).at(-1)!.payload as TicketChanged;
    expect([reopened.before.status, reopened.after.status]).toEqual(["new", "open"]);
  });

  it("announces nothing when a change is refused", async () => {
    const ticket = (
      await org.as.agent.post("/api/v1/tickets", {
        subject: "x",
        requester: { email: uniqueEmail() },
        message: { body: "b" },
      })
    ).body.data;
    const count = mine(ticket.id).length;
    const res = await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "closed" });
    expect(res.status).toBe(422);
    expect(mine(ticket.id)).toHaveLength(count);
  });
});
