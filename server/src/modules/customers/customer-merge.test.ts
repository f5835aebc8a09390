import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const GHOST = "01900000-0000-7000-8000-0000000000c3";

type Input = Record<string, unknown>;

/** Creates a customer through the API; fails the test unless it answers 201. */
async function addCustomer(as: Client, input: Input = {}) {
  const res = await as.post("/api/v1/customers", { email: uniqueEmail("customer"), ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

/** Defines a customer field as `admin`; fails the test unless it answers 201. */
async function defineField(admin: Client, input: Input) {
  const res = await admin.post("/api/v1/custom-fields", { entity: "customer", label: String(input.key), ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((c) => c.id);

/** Opens a ticket from `email`; its requester is found or created by that address. */
async function openTicket(as: Client, email: string, subject: string, body = `About: ${subject}`) {
  const res = await as.post("/api/v1/tickets", { subject, requester: { email }, message: { body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

describe("merging customers: works", () => {
  it("moves the duplicate's identities and tickets to the target, fills its gaps, and leaves a pointer", async () => {
    const org = await makeOrg(h);
    await defineField(org.as.admin, { key: "tier", type: "dropdown", options: ["gold", "silver"] });
    await defineField(org.as.admin, { key: "account_ref", type: "text" });
    const target = await addCustomer(org.as.agent, {
      name: "Maria Pop",
      notes: "Main record",
      customFields: { tier: "silver" },
    });
    const dupEmail = uniqueEmail("maria.private");
    const first = await openTicket(org.as.agent, dupEmail, "Parcel late");
    const second = await openTicket(org.as.agent, dupEmail, "Refund please");
    const sourceId = first.requesterId;
    expect(second.requesterId).toBe(sourceId);
    const source = await org.as.agent.patch(`/api/v1/customers/${sourceId}`, {
      phone: "0722 555 000",
      locale: "ro",
      notes: "From the web form",
      customFields: { tier: "gold", account_ref: "AC-1" },
    });
    expect(source.status).toBe(200);

    const res = await org.as.supervisor.post(`/api/v1/customers/${target.id}/merge`, { sourceId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({
      ...target,
      phone: "0722 555 000",
      locale: "ro",
      notes: "Main record\n\nFrom the web form",
      customFields: { tier: "silver", account_ref: "AC-1" },
      identities: [
        ...target.identities,
        { id: expect.stringMatching(UUID), channel: "email", value: dupEmail },
        { id: expect.stringMatching(UUID), channel: "phone", value: "0722555000" },
      ],
      updatedAt: expect.stringMatching(ISO),
    });
    expect((await org.as.agent.get(`/api/v1/customers/${target.id}`)).body).toEqual(res.body);
    expect((await org.as.agent.get(`/api/v1/customers/${sourceId}`)).body.data).toMatchObject({
      mergedIntoId: target.id,
      identities: [],
    });

    // The duplicate is no longer listed; its address finds the survivor.
    expect(ids(await org.as.agent.get("/api/v1/customers"))).toEqual([target.id]);
    for (const query of [`q=${encodeURIComponent(dupEmail)}`, `email=${encodeURIComponent(dupEmail)}`, "q=0722555"]) {
      expect(ids(await org.as.agent.get(`/api/v1/customers?${query}`)), query).toEqual([target.id]);
    }

    // Its tickets and their messages follow the survivor.
    for (const ticket of [first, second]) {
      expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.requesterId).toBe(target.id);
      const messages = (await org.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data;
      expect(messages[0].author).toEqual({ type: "customer", id: target.id, name: "Maria Pop" });
    }
    expect(ids(await org.as.agent.get(`/api/v1/tickets?requesterId=${target.id}`)).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    const timeline = await org.as.agent.get(`/api/v1/customers/${target.id}/timeline`);
    expect(timeline.body.data.map((e: { ticketId: string }) => e.ticketId)).toEqual([second.id, first.id]);
    expect((await org.as.agent.get(`/api/v1/customers/${sourceId}/timeline`)).body).toEqual({
      data: [],
      nextCursor: null,
    });
    expect((await openTicket(org.as.agent, dupEmail, "Me again")).requesterId).toBe(target.id);
  });

  it("lets supervisors, managers and admins merge", async () => {
    const org = await makeOrg(h);
    for (const role of ["supervisor", "manager", "admin"] as const) {
      const [target, source] = [await addCustomer(org.as.agent), await addCustomer(org.as.agent)];
      const res = await org.as[role].post(`/api/v1/customers/${target.id}/merge`, { sourceId: source.id });
      expect(res.status, role).toBe(200);
      expect(res.body.data.identities.map((i: { value: string }) => i.value)).toEqual([target.email, source.email]);
    }
  });

  it("leaves exactly one survivor when two customers are merged into each other at the same moment", async () => {
    const race = async () => {
      const org = await makeOrg(h);
      const [x, y] = [await addCustomer(org.as.agent), await addCustomer(org.as.agent)];
      const results = await Promise.all([
        org.as.supervisor.post(`/api/v1/customers/${x.id}/merge`, { sourceId: y.id }),
        org.as.admin.post(`/api/v1/customers/${y.id}/merge`, { sourceId: x.id }),
      ]);
      const listed = ids(await org.as.agent.get("/api/v1/customers"));
      return { statuses: results.map((r) => r.status).sort(), listed, survivors: [x.id, y.id] };
    };
    for (const { statuses, listed, survivors } of await Promise.all([race(), race(), race()])) {
      expect(statuses).toEqual([200, 409]);
      expect(listed).toHaveLength(1);
      expect(survivors).toContain(listed[0]);
    }
  });
});

describe("merging customers: rejects bad input", () => {
  it("refuses a merge into itself (400), of an unknown customer (422) and into an unknown one (404)", async () => {
    const org = await makeOrg(h);
    const customer = await addCustomer(org.as.agent);
    const self = await org.as.supervisor.post(`/api/v1/customers/${customer.id}/merge`, { sourceId: customer.id });
    expect(self.status).toBe(400);
    expect(self.body).toMatchObject({ code: "validation_failed", fields: { sourceId: ["Same as the target"] } });
    const unknown = await org.as.supervisor.post(`/api/v1/customers/${customer.id}/merge`, { sourceId: GHOST });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: "unprocessable", fields: { sourceId: ["Unknown customer"] } });
    const noTarget = await org.as.supervisor.post(`/api/v1/customers/${GHOST}/merge`, { sourceId: customer.id });
    expect(noTarget.status).toBe(404);
    expect(noTarget.body.code).toBe("not_found");
    for (const body of [{}, { sourceId: "nope" }, { sourceId: customer.id, force: true }]) {
      const res = await org.as.supervisor.post(`/api/v1/customers/${GHOST}/merge`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await org.as.agent.get(`/api/v1/customers/${customer.id}`)).body.data).toEqual(customer);
  });

  it("refuses to merge a customer already merged, either way round (409), and to change one", async () => {
    const org = await makeOrg(h);
    const [a, b, c] = [
      await addCustomer(org.as.agent),
      await addCustomer(org.as.agent),
      await addCustomer(org.as.agent),
    ];
    expect((await org.as.supervisor.post(`/api/v1/customers/${a.id}/merge`, { sourceId: b.id })).status).toBe(200);
    for (const [target, source] of [
      [a, b],
      [c, b],
      [b, c],
    ]) {
      const res = await org.as.supervisor.post(`/api/v1/customers/${target!.id}/merge`, { sourceId: source!.id });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("conflict");
    }
    const change = await org.as.agent.patch(`/api/v1/customers/${b.id}`, { name: "Revived" });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe("conflict");
    expect((await org.as.agent.get(`/api/v1/customers/${c.id}`)).body.data).toEqual(c);
    expect((await org.as.agent.get(`/api/v1/customers/${b.id}`)).body.data).toMatchObject({
      name: b.name,
      mergedIntoId: a.id,
    });
  });
});

describe("merging customers: refuses the wrong user", () => {
  it("answers 403 to an agent and changes nothing", async () => {
    const org = await makeOrg(h);
    const [target, source] = [await addCustomer(org.as.agent), await addCustomer(org.as.agent)];
    const res = await org.as.agent.post(`/api/v1/customers/${target.id}/merge`, { sourceId: source.id });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    expect((await org.as.agent.get(`/api/v1/customers/${source.id}`)).body.data).toEqual(source);
    expect((await org.as.agent.get(`/api/v1/customers/${target.id}`)).body.data).toEqual(target);
  });
});

describe("customer timeline: works", () => {
  it("lists every message of the customer's tickets, newest first, with the ticket's number, subject and status", async () => {
    const org = await makeOrg(h);
    const email = uniqueEmail("timeline");
    const first = await openTicket(org.as.agent, email, "Parcel late", "Where is my parcel?");
    const reply = await org.as.agent.post(`/api/v1/tickets/${first.id}/messages`, {
      kind: "reply",
      body: "It is on its way.",
      status: "pending",
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const second = await openTicket(org.as.agent, email, "Invoice wrong", "The VAT is missing.");
    await org.as.supervisor.post(`/api/v1/tickets/${second.id}/messages`, { kind: "note", body: "Ask billing." });
    await openTicket(org.as.agent, uniqueEmail("someone-else"), "Not theirs");

    const res = await org.as.agent.get(`/api/v1/customers/${first.requesterId}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    type Entry = { ticketNumber: number; ticketSubject: string; ticketStatus: string; kind: string; bodyText: string };
    expect(
      res.body.data.map((e: Entry) => [e.ticketNumber, e.ticketSubject, e.ticketStatus, e.kind, e.bodyText]),
    ).toEqual([
      [second.number, "Invoice wrong", "new", "note", "Ask billing."],
      [second.number, "Invoice wrong", "new", "inbound", "The VAT is missing."],
      [first.number, "Parcel late", "pending", "reply", "It is on its way."],
      [first.number, "Parcel late", "pending", "inbound", "Where is my parcel?"],
    ]);
    const [inbound, agentReply] = (await org.as.agent.get(`/api/v1/tickets/${first.id}/messages`)).body.data;
    const ticketPart = { ticketNumber: first.number, ticketSubject: "Parcel late", ticketStatus: "pending" };
    expect(res.body.data[3]).toEqual({ ...inbound, ...ticketPart });
    expect(res.body.data[2]).toEqual({ ...agentReply, ...ticketPart });
    expect(res.body.data[3]).toEqual({
      id: expect.stringMatching(UUID),
      ticketId: first.id,
      kind: "inbound",
      channel: "api",
      bodyText: "Where is my parcel?",
      bodyHtml: null,
      author: { type: "customer", id: first.requesterId, name: email.split("@")[0] },
      attachments: [],
      mentions: [],
      createdAt: expect.stringMatching(ISO),
      ...ticketPart,
    });
  });

  it("pages newest first with limit and cursor, without gaps or repeats", async () => {
    const org = await makeOrg(h);
    const email = uniqueEmail("pager");
    const ticket = await openTicket(org.as.agent, email, "Many messages");
    for (const n of [1, 2, 3, 4]) {
      const res = await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "note", body: `note ${n}` });
      expect(res.status).toBe(201);
    }
    const path = `/api/v1/customers/${ticket.requesterId}/timeline`;
    const all = await org.as.agent.get(`${path}?limit=200`);
    expect(all.body.data.map((e: { bodyText: string }) => e.bodyText)).toEqual([
      "note 4",
      "note 3",
      "note 2",
      "note 1",
      "About: Many messages",
    ]);
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<Client["get"]>> = await org.as.agent.get(
        `${path}?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      sizes.push(res.body.data.length);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(ids(all));
  });

  it("is empty for a customer without tickets", async () => {
    const org = await makeOrg(h);
    const customer = await addCustomer(org.as.agent);
    const res = await org.as.agent.get(`/api/v1/customers/${customer.id}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], nextCursor: null });
  });
});

describe("customer timeline: rejects bad input", () => {
  it("rejects bad limits and cursors with 400", async () => {
    const org = await makeOrg(h);
    const customer = await addCustomer(org.as.agent);
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["cursor=%7B", "cursor"],
    ]) {
      const res = await org.as.agent.get(`/api/v1/customers/${customer.id}/timeline?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.fields), query).toEqual([field]);
    }
  });
});
