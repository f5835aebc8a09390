import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

async function newTicket(as: Client = org.as.agent, extra: Record<string, unknown> = {}) {
  const email = uniqueEmail("customer");
  const res = await as.post("/api/v1/tickets", {
    subject: "My parcel never arrived",
    requester: { email, name: "Maria Pop" },
    message: { body: "Ordered on Monday, still nothing." },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ticket: res.body.data, email };
}

describe("tickets work", () => {
  it("opens a ticket with its requester and first message", async () => {
    const { ticket, email } = await newTicket(org.as.agent, {
      priority: "high",
      tags: ["Delivery", "late"],
      channel: "web",
    });
    expect(ticket).toMatchObject({
      subject: "My parcel never arrived",
      status: "new",
      priority: "high",
      channel: "web",
      assigneeId: null,
      teamId: null,
      tags: ["delivery", "late"],
      mergedIntoId: null,
      solvedAt: null,
    });
    expect(ticket.number).toBeGreaterThan(0);
    const customer = await org.as.agent.get(`/api/v1/customers/${ticket.requesterId}`);
    expect(customer.body.data).toMatchObject({ email, name: "Maria Pop" });
    const messages = await org.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`);
    expect(messages.body.data).toHaveLength(1);
    expect(messages.body.data[0]).toMatchObject({
      kind: "inbound",
      channel: "web",
      bodyText: "Ordered on Monday, still nothing.",
      bodyHtml: null,
      author: { type: "customer", id: ticket.requesterId, name: "Maria Pop" },
      attachments: [],
    });
  });

  it("numbers tickets one after another per organisation, and reuses a known requester", async () => {
    const other = await makeOrg(h);
    const email = uniqueEmail("repeat");
    const body = (subject: string) => ({ subject, requester: { email }, message: { body: "x" } });
    const a = (await other.as.agent.post("/api/v1/tickets", body("one"))).body.data;
    const b = (await other.as.agent.post("/api/v1/tickets", body("two"))).body.data;
    expect([a.number, b.number]).toEqual([1, 2]);
    expect(b.requesterId).toBe(a.requesterId);
  });

  it("makes one customer of a new requester whose tickets arrive at the same moment", async () => {
    const other = await makeOrg(h);
    const email = uniqueEmail("together");
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        other.as.agent.post("/api/v1/tickets", {
          subject: `at once ${i}`,
          requester: { email },
          message: { body: "x" },
        }),
      ),
    );
    expect(made.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(made.map((r) => r.body.data.requesterId)).size).toBe(1);
    const found = await other.as.agent.get(`/api/v1/customers?email=${encodeURIComponent(email)}`);
    expect(found.body.data).toHaveLength(1);
  });

  it("gives every concurrent creation its own number", async () => {
    const other = await makeOrg(h);
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        other.as.agent.post("/api/v1/tickets", {
          subject: `c${i}`,
          requester: { email: uniqueEmail() },
          message: { body: "x" },
        }),
      ),
    );
    expect(made.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(made.map((r) => r.body.data.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("assigning a new ticket opens it; solving stamps solvedAt and reopening clears it", async () => {
    const { ticket } = await newTicket();
    const assigned = await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { assigneeId: org.users.agent.id });
    expect(assigned.body.data).toMatchObject({ status: "open", assigneeId: org.users.agent.id });
    const solved = await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "solved" });
    expect(solved.body.data.status).toBe("solved");
    expect(Date.parse(solved.body.data.solvedAt)).not.toBeNaN();
    const reopened = await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "open" });
    expect(reopened.body.data).toMatchObject({ status: "open", solvedAt: null });
  });

  it("a public reply opens a new ticket and can set pending in the same step; a note changes nothing", async () => {
    const { ticket } = await newTicket();
    const note = await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: "note",
      body: "Checking with the courier",
    });
    expect(note.status).toBe(201);
    expect(note.body.data).toMatchObject({ kind: "note", author: { type: "user", id: org.users.agent.id } });
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.status).toBe("new");
    const reply = await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: "reply",
      body: "It ships today.",
    });
    expect(reply.body.data).toMatchObject({ kind: "reply", bodyText: "It ships today." });
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.status).toBe("open");
    await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: "reply",
      body: "Tracking: 123",
      status: "pending",
    });
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.status).toBe("pending");
    const all = await org.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`);
    expect(all.body.data.map((m: { kind: string }) => m.kind)).toEqual(["inbound", "note", "reply", "reply"]);
  });

  it("sanitises HTML bodies and keeps their plain text", async () => {
    const { ticket } = await newTicket();
    const htmlOnly = await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: "reply",
      html: '<p>Hello <b>there</b><script>alert(1)</script><img src=x onerror="alert(2)"></p>',
    });
    expect(htmlOnly.status).toBe(201);
    expect(htmlOnly.body.data.bodyText).toBe("Hello there");
    expect(htmlOnly.body.data.bodyHtml).not.toMatch(/script|onerror/i);
    const empty = await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "note", body: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toEqual({ body: ["Write something: a body or HTML"] });
    const ok = await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: "reply",
      body: "Hello there",
      html: '<p>Hello <b>there</b><script>alert(1)</script><a href="javascript:alert(3)">x</a></p>',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.data.bodyText).toBe("Hello there");
    expect(ok.body.data.bodyHtml).not.toMatch(/script|javascript:|onerror/i);
    expect(ok.body.data.bodyHtml).toContain("<b>there</b>");
  });

  it("filters, sorts and pages the list", async () => {
    const mine = await makeOrg(h);
    const make = (subject: string, extra: Record<string, unknown> = {}) =>
      mine.as.agent.post("/api/v1/tickets", {
        subject,
        requester: { email: uniqueEmail() },
        message: { body: "b" },
        ...extra,
      });
    const t1 = (await make("low one", { priority: "low", tags: ["billing"] })).body.data;
    const t2 = (await make("urgent one", { priority: "urgent", assigneeId: mine.users.agent.id })).body.data;
    const t3 = (await make("normal one", { tags: ["billing", "vip"] })).body.data;
    const ids = async (query: string) =>
      (await mine.as.agent.get(`/api/v1/tickets?${query}`)).body.data.map((t: { id: string }) => t.id);
    expect(await ids("")).toEqual([t3.id, t2.id, t1.id]);
    expect(await ids("sort=created_asc")).toEqual([t1.id, t2.id, t3.id]);
    expect(await ids("priority=low,urgent")).toEqual([t2.id, t1.id]);
    expect(await ids("tag=billing")).toEqual([t3.id, t1.id]);
    expect(await ids(`assigneeId=${mine.users.agent.id}`)).toEqual([t2.id]);
    expect(await ids("assigneeId=none")).toEqual([t3.id, t1.id]);
    expect(await ids("status=open")).toEqual([t2.id]);
    expect(await ids(`requesterId=${t1.requesterId}`)).toEqual([t1.id]);
    const page1 = await mine.as.agent.get("/api/v1/tickets?limit=2");
    expect(page1.body.data.map((t: { id: string }) => t.id)).toEqual([t3.id, t2.id]);
    const page2 = await mine.as.agent.get(`/api/v1/tickets?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({ nextCursor: null });
    expect(page2.body.data.map((t: { id: string }) => t.id)).toEqual([t1.id]);
    const count = async (query: string) => (await mine.as.agent.get(`/api/v1/tickets/count?${query}`)).body.data.count;
    expect(await count("")).toBe(3);
    expect(await count("tag=billing")).toBe(2);
    expect(await count("status=new,open&assigneeId=none")).toBe(2);
    expect((await mine.as.agent.get("/api/v1/tickets/count?limit=5")).status).toBe(400);
    const requesters = await mine.as.agent.get(`/api/v1/customers?ids=${t1.requesterId},${t3.requesterId}`);
    expect(requesters.body.data.map((c: { id: string }) => c.id).sort()).toEqual(
      [t1.requesterId, t3.requesterId].sort(),
    );
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(await ids(`createdFrom=${encodeURIComponent(future)}`)).toEqual([]);
  });

  it("changes many tickets at once", async () => {
    const a = (await newTicket()).ticket;
    const b = (await newTicket(org.as.agent, { tags: ["old"] })).ticket;
    const res = await org.as.agent.post("/api/v1/tickets/bulk", {
      ids: [a.id, b.id],
      changes: { priority: "urgent", addTags: ["recall"], removeTags: ["old"], assigneeId: org.users.supervisor.id },
    });
    expect(res.status).toBe(200);
    expect(
      res.body.data.map((t: { priority: string; tags: string[]; status: string }) => [t.priority, t.tags, t.status]),
    ).toEqual([
      ["urgent", ["recall"], "open"],
      ["urgent", ["recall"], "open"],
    ]);
  });

  it("merges a duplicate ticket: messages move, the duplicate closes with a pointer", async () => {
    const target = (await newTicket()).ticket;
    const source = (await newTicket()).ticket;
    const res = await org.as.supervisor.post(`/api/v1/tickets/${target.id}/merge`, { sourceId: source.id });
    expect(res.status).toBe(200);
    const moved = (await org.as.agent.get(`/api/v1/tickets/${target.id}/messages`)).body.data;
    expect(moved.map((m: { kind: string; bodyText: string }) => [m.kind, m.bodyText])).toEqual([
      ["inbound", "Ordered on Monday, still nothing."],
      ["inbound", "Ordered on Monday, still nothing."],
      ["note", `Ticket #${source.number} was merged into this ticket.`],
    ]);
    const closed = (await org.as.agent.get(`/api/v1/tickets/${source.id}`)).body.data;
    expect(closed).toMatchObject({ status: "closed", mergedIntoId: target.id });
    const left = (await org.as.agent.get(`/api/v1/tickets/${source.id}/messages`)).body.data;
    expect(left.map((m: { bodyText: string }) => m.bodyText)).toEqual([
      `This ticket was merged into #${target.number}.`,
    ]);
  });

  it("creates a ticket once for a retried request with the same Idempotency-Key", async () => {
    const body = { subject: "Retry me", requester: { email: uniqueEmail() }, message: { body: "once" } };
    const key = { "idempotency-key": `retry-${Math.random()}` };
    const first = await org.as.agent.post("/api/v1/tickets", body, key);
    const again = await org.as.agent.post("/api/v1/tickets", body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const list = await org.as.agent.get(`/api/v1/tickets?requesterId=${first.body.data.requesterId}`);
    expect(list.body.data).toHaveLength(1);
    const other = await org.as.agent.post("/api/v1/tickets", { ...body, subject: "Different" }, key);
    expect(other.status).toBe(422);
    expect(other.body.fields).toEqual({ "Idempotency-Key": ["Already used with another body"] });
  });

  it("accepts the same request from an API token", async () => {
    const token = (await org.as.manager.post("/api/v1/api-tokens", { name: "importer" })).body.data.token;
    const { Client } = await import("../../../test/client");
    const res = await new Client(h.app, { bearer: token }).post("/api/v1/tickets", {
      subject: "From the API",
      requester: { email: uniqueEmail() },
      message: { body: "hi" },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.channel).toBe("api");
  });
});

describe("tickets reject bad input", () => {
  it("names the failing fields on create", async () => {
    const res = await org.as.agent.post("/api/v1/tickets", {
      subject: "",
      requester: { email: "nope" },
      message: { body: "" },
      priority: "extreme",
      tags: ["no spaces allowed"],
      requesterId: "x",
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(
      ["message.body", "priority", "requester.email", "requesterId", "subject", "tags.0"].sort(),
    );
  });

  it("refuses impossible status moves, unknown assignees and teams", async () => {
    const { ticket } = await newTicket();
    const back = await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "closed" });
    expect(back.status).toBe(422);
    expect(back.body.fields).toEqual({ status: ["Cannot change from new to closed"] });
    const ghost = "01900000-0000-7000-8000-000000000000";
    const who = await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { assigneeId: ghost });
    expect(who.status).toBe(422);
    expect(who.body.fields).toEqual({ assigneeId: ["Unknown or inactive user"] });
    const team = await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { teamId: ghost });
    expect(team.body.fields).toEqual({ teamId: ["Unknown team"] });
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.status).toBe("new");
  });

  it("changes nothing in a bulk update when one ticket fails", async () => {
    const a = (await newTicket()).ticket;
    const b = (await newTicket()).ticket;
    await org.as.agent.patch(`/api/v1/tickets/${b.id}`, { status: "solved" });
    await org.as.agent.patch(`/api/v1/tickets/${b.id}`, { status: "closed" });
    const res = await org.as.agent.post("/api/v1/tickets/bulk", { ids: [a.id, b.id], changes: { status: "pending" } });
    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual({ "ids.1.status": ["Cannot change from closed to pending"] });
    expect((await org.as.agent.get(`/api/v1/tickets/${a.id}`)).body.data.status).toBe("new");
  });

  it("refuses replies on closed or merged tickets and merging a ticket into itself", async () => {
    const { ticket } = await newTicket();
    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "solved" });
    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "closed" });
    const reply = await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "reply", body: "late" });
    expect(reply.status).toBe(409);
    const self = await org.as.supervisor.post(`/api/v1/tickets/${ticket.id}/merge`, { sourceId: ticket.id });
    expect(self.status).toBe(400);
    expect(self.body.fields).toEqual({ sourceId: ["Same as the target"] });
  });

  it("answers 404 for an unknown ticket and 400 for a malformed id or cursor", async () => {
    const ghost = "01900000-0000-7000-8000-000000000000";
    expect((await org.as.agent.get(`/api/v1/tickets/${ghost}`)).status).toBe(404);
    expect((await org.as.agent.get(`/api/v1/tickets/${ghost}/messages`)).status).toBe(404);
    expect((await org.as.agent.get("/api/v1/tickets/not-an-id")).status).toBe(400);
    const bad = await org.as.agent.get("/api/v1/tickets?cursor=garbage");
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ cursor: ["Invalid cursor"] });
    expect((await org.as.agent.get("/api/v1/tickets?status=done")).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(["not a time", ghost])).toString("base64url");
    const { ticket } = await newTicket();
    const timeline = await org.as.agent.get(`/api/v1/customers/${ticket.requesterId}/timeline?cursor=${forged}`);
    expect(timeline.status).toBe(400);
    expect(timeline.body.fields).toEqual({ cursor: ["Invalid cursor"] });
    const list = await org.as.agent.get(`/api/v1/tickets?cursor=${forged}`);
    expect(list.status).toBe(400);
  });
});

describe("tickets refuse the wrong user", () => {
  it("lets only supervisors and above merge", async () => {
    const a = (await newTicket()).ticket;
    const b = (await newTicket()).ticket;
    const res = await org.as.agent.post(`/api/v1/tickets/${a.id}/merge`, { sourceId: b.id });
    expect(res.status).toBe(403);
    expect((await org.as.agent.get(`/api/v1/tickets/${b.id}`)).body.data.mergedIntoId).toBeNull();
  });

  it("hides another organisation's tickets", async () => {
    const { ticket } = await newTicket();
    const other = await makeOrg(h);
    expect((await other.as.admin.get(`/api/v1/tickets/${ticket.id}`)).status).toBe(404);
    expect((await other.as.admin.patch(`/api/v1/tickets/${ticket.id}`, { priority: "low" })).status).toBe(404);
    expect(
      (await other.as.admin.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "note", body: "x" })).status,
    ).toBe(404);
    const bulk = await other.as.admin.post("/api/v1/tickets/bulk", { ids: [ticket.id], changes: { priority: "low" } });
    expect(bulk.status).toBe(422);
    expect((await other.as.admin.get("/api/v1/tickets")).body.data).toEqual([]);
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.priority).toBe("normal");
  });
});
