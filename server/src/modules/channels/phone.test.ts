import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

const number = () => `+40 7${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
const call = (extra: Record<string, unknown>) => ({
  direction: "inbound",
  startedAt: "2026-11-20T09:15:00.000Z",
  durationSeconds: 252,
  ...extra,
});

describe("phone calls work", () => {
  it("opens a phone ticket for a new caller, assigned to the agent who logged it", async () => {
    const caller = number();
    const res = await org.as.agent.post(
      "/api/v1/channels/phone/calls",
      call({
        customerNumber: caller,
        customerName: "Vasile Ene",
        notes: "Wants to cancel",
        recordingUrl: "https://rec.example/1.mp3",
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.data.ticket).toMatchObject({
      subject: `Call from ${caller}`,
      channel: "phone",
      status: "open",
      assigneeId: org.users.agent.id,
    });
    const customer = (await org.as.agent.get(`/api/v1/customers/${res.body.data.customerId}`)).body.data;
    expect(customer).toMatchObject({ name: "Vasile Ene", phone: caller });
    expect(customer.identities).toEqual([
      expect.objectContaining({ channel: "phone", value: caller.replace(/[^+0-9]/g, "") }),
    ]);
    const messages = (await org.as.agent.get(`/api/v1/tickets/${res.body.data.ticket.id}/messages`)).body.data;
    expect(messages).toEqual([
      expect.objectContaining({
        id: res.body.data.messageId,
        kind: "inbound",
        channel: "phone",
        bodyText: `Call from ${caller}, 4 min 12 s\n\nWants to cancel`,
        author: { type: "customer", id: customer.id, name: "Vasile Ene" },
      }),
    ]);
  });

  it("finds the caller by number however it is written, and reopens their solved ticket", async () => {
    const first = await org.as.agent.post(
      "/api/v1/channels/phone/calls",
      call({ customerNumber: "+40 (721) 000-111" }),
    );
    const ticketId = first.body.data.ticket.id;
    await org.as.agent.patch(`/api/v1/tickets/${ticketId}`, { status: "solved" });
    const again = await org.as.agent.post(
      "/api/v1/channels/phone/calls",
      call({ customerNumber: "+40721000111", ticketId, transcript: "Caller: it broke again" }),
    );
    expect(again.status).toBe(201);
    expect(again.body.data.customerId).toBe(first.body.data.customerId);
    expect(again.body.data.ticket).toMatchObject({ id: ticketId, status: "open", solvedAt: null });
    const bodies = (await org.as.agent.get(`/api/v1/tickets/${ticketId}/messages`)).body.data.map(
      (m: { bodyText: string }) => m.bodyText,
    );
    expect(bodies.at(-1)).toBe("Call from +40721000111, 4 min 12 s\n\nTranscript:\nCaller: it broke again");
  });

  it("records an outbound call as the agent's reply and links a known email", async () => {
    const email = uniqueEmail("caller");
    const res = await org.as.supervisor.post(
      "/api/v1/channels/phone/calls",
      call({ direction: "outbound", customerNumber: number(), customerEmail: email, durationSeconds: 3725 }),
    );
    expect(res.status).toBe(201);
    const messages = (await org.as.agent.get(`/api/v1/tickets/${res.body.data.ticket.id}/messages`)).body.data;
    expect(messages[0]).toMatchObject({ kind: "reply", author: { type: "user", id: org.users.supervisor.id } });
    expect(messages[0].bodyText).toMatch(/^Call to .+, 1 h 2 min 5 s$/);
    const list = await org.as.agent.get(`/api/v1/customers?email=${encodeURIComponent(email)}`);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([res.body.data.customerId]);
  });
});

describe("phone calls reject bad input", () => {
  it("names each bad field", async () => {
    const res = await org.as.agent.post("/api/v1/channels/phone/calls", {
      direction: "sideways",
      customerNumber: "call me",
      startedAt: "yesterday",
      durationSeconds: -1,
      recordingUrl: "javascript:alert(1)",
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      "customerNumber",
      "direction",
      "durationSeconds",
      "recordingUrl",
      "startedAt",
    ]);
  });

  it("refuses an unknown or closed ticket and an unknown agent", async () => {
    const ghost = "01900000-0000-7000-8000-000000000000";
    const unknown = await org.as.agent.post(
      "/api/v1/channels/phone/calls",
      call({ customerNumber: number(), ticketId: ghost }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.fields).toEqual({ ticketId: ["Unknown ticket"] });
    const agent = await org.as.agent.post(
      "/api/v1/channels/phone/calls",
      call({ customerNumber: number(), agentId: ghost }),
    );
    expect(agent.body.fields).toEqual({ agentId: ["Unknown or inactive user"] });
    const t = (await org.as.agent.post("/api/v1/channels/phone/calls", call({ customerNumber: number() }))).body.data
      .ticket;
    await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { status: "solved" });
    await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { status: "closed" });
    const closed = await org.as.agent.post(
      "/api/v1/channels/phone/calls",
      call({ customerNumber: number(), ticketId: t.id }),
    );
    expect(closed.status).toBe(409);
  });

  it("keeps another organisation's tickets out of reach", async () => {
    const t = (await org.as.agent.post("/api/v1/channels/phone/calls", call({ customerNumber: number() }))).body.data
      .ticket;
    const other = await makeOrg(h);
    const res = await other.as.agent.post(
      "/api/v1/channels/phone/calls",
      call({ customerNumber: number(), ticketId: t.id }),
    );
    expect(res.status).toBe(422);
  });
});
