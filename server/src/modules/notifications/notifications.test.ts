import { beforeAll, describe, expect, it } from "vitest";
import { Client, type Reply } from "../../../test/client";
import { makeOrg, signedIn, TEST_PASSWORD, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { newId } from "../../platform/ids";
import { inOrg } from "../../platform/tenancy";
import { users } from "../staff";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const GHOST = "01900000-0000-7000-8000-000000000000";

/** An organisation with three named agents (A writes, B and C are colleagues) and a ticket. */
async function team() {
  const org = await makeOrg(h);
  const add = async (name: string) => {
    const res = await org.as.admin.post("/api/v1/users", {
      email: uniqueEmail("staff"),
      name,
      role: "agent",
      password: TEST_PASSWORD,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const user = res.body.data as { id: string; name: string; email: string };
    return { ...user, as: await signedIn(h, org.orgId, user.id) };
  };
  const a = await add("Ana Maria Pop");
  const b = await add("Bogdan Ștefănescu");
  const c = await add("Cristina Pop");
  const ticket = (
    await a.as.post("/api/v1/tickets", {
      subject: "Parcel lost in Cluj",
      requester: { email: uniqueEmail("customer") },
      message: { body: "Where is my parcel?" },
    })
  ).body.data as { id: string; number: number; subject: string };
  const note = (body: string, extra: Record<string, unknown> = {}, as: Client = a.as) =>
    as.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "note", body, ...extra });
  return { org, a, b, c, ticket, note };
}

const unread = async (as: Client) => (await as.get("/api/v1/notifications/count")).body.data.unread as number;
const listed = async (as: Client, query = "") => (await as.get(`/api/v1/notifications${query}`)).body.data;

function expectProblem(res: Reply, status: number, fields?: Record<string, string[]>) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  if (fields) expect(res.body.fields).toEqual(fields);
}

describe("mention notifications work", () => {
  it("a note mentioning B notifies B alone: not its author (who mentions themself too), not C", async () => {
    const { a, b, c, ticket, note } = await team();
    const res = await note("@Bogdan Ștefănescu, can you call the courier? cc @ana maria pop");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.mentions).toEqual([
      { id: b.id, name: "Bogdan Ștefănescu" },
      { id: a.id, name: "Ana Maria Pop" },
    ]);
    const [only, ...rest] = await listed(b.as);
    expect(rest).toEqual([]);
    expect(only).toEqual({
      id: expect.any(String),
      kind: "mention",
      actor: { id: a.id, name: "Ana Maria Pop" },
      ticket: { id: ticket.id, number: ticket.number, subject: "Parcel lost in Cluj" },
      messageId: res.body.data.id,
      excerpt: "@Bogdan Ștefănescu, can you call the courier? cc @ana maria pop",
      escalation: null,
      readAt: null,
      createdAt: expect.any(String),
    });
    expect(await unread(b.as)).toBe(1);
    expect([await unread(a.as), await listed(a.as)]).toEqual([0, []]);
    expect([await unread(c.as), await listed(c.as)]).toEqual([0, []]);
    const conversation = (await a.as.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data;
    expect(conversation.map((m: { mentions: unknown[] }) => m.mentions)).toEqual([[], res.body.data.mentions]);
  });

  it("mentions by email and by mentionIds, once per person however often named", async () => {
    const { b, c, note } = await team();
    const res = await note(`@${b.email.toUpperCase()} and again @Bogdan Ștefănescu`, { mentionIds: [c.id, b.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.mentions.map((m: { id: string }) => m.id)).toEqual([b.id, c.id]);
    expect([await unread(b.as), await unread(c.as)]).toEqual([1, 1]);
  });

  it("reads mentions from an HTML-only note", async () => {
    const { b, note } = await team();
    const res = await note("", { html: "<p>Please <b>@Bogdan Ștefănescu</b> look</p>" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await listed(b.as))[0].excerpt).toBe("Please @Bogdan Ștefănescu look");
  });

  it("a public reply with a mention notifies nobody and records none", async () => {
    const { a, b, ticket } = await team();
    const res = await a.as.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: "reply",
      body: "Our colleague @Bogdan Ștefănescu will call you.",
    });
    expect(res.status).toBe(201);
    expect(res.body.data.mentions).toEqual([]);
    expect([await unread(b.as), await listed(b.as)]).toEqual([0, []]);
  });

  it("a deactivated colleague is neither mentioned nor notified", async () => {
    const { org, c, note } = await team();
    expect((await org.as.admin.patch(`/api/v1/users/${c.id}`, { active: false })).status).toBe(200);
    const res = await note("@Cristina Pop are you there?");
    expect(res.status).toBe(201);
    expect(res.body.data.mentions).toEqual([]);
    await org.as.admin.patch(`/api/v1/users/${c.id}`, { active: true });
    const back = await signedIn(h, org.orgId, c.id);
    expect([await unread(back), await listed(back)]).toEqual([0, []]);
  });

  it("B lists newest first in pages, filters read and unread, counts, and marks some or all read", async () => {
    const { b, note } = await team();
    for (const n of [1, 2, 3]) expect((await note(`note ${n} for @Bogdan Ștefănescu`)).status).toBe(201);
    const first = await b.as.get("/api/v1/notifications?limit=2");
    expect(first.body.data.map((x: { excerpt: string }) => x.excerpt)).toEqual([
      "note 3 for @Bogdan Ștefănescu",
      "note 2 for @Bogdan Ștefănescu",
    ]);
    const second = await b.as.get(`/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.data.map((x: { excerpt: string }) => x.excerpt)).toEqual(["note 1 for @Bogdan Ștefănescu"]);
    expect(await unread(b.as)).toBe(3);

    const oldest = second.body.data[0].id;
    const marked = await b.as.post("/api/v1/notifications/read", { ids: [oldest, oldest] });
    expect([marked.status, marked.body]).toEqual([200, { data: { unread: 2 } }]);
    expect((await listed(b.as, "?unread=true")).map((x: { id: string }) => x.id)).toEqual(
      first.body.data.map((x: { id: string }) => x.id),
    );
    const read = await listed(b.as, "?unread=false");
    expect(read.map((x: { id: string }) => x.id)).toEqual([oldest]);
    expect(Date.parse(read[0].readAt)).not.toBeNaN();
    // Marking what is already read changes nothing and keeps its time.
    expect((await b.as.post("/api/v1/notifications/read", { ids: [oldest] })).body.data.unread).toBe(2);
    expect((await listed(b.as, "?unread=false"))[0].readAt).toBe(read[0].readAt);

    expect((await b.as.post("/api/v1/notifications/read", { all: true })).body).toEqual({ data: { unread: 0 } });
    expect(await listed(b.as, "?unread=true")).toEqual([]);
    expect(await listed(b.as)).toHaveLength(3);
  });

  it("answers an API token as its owner", async () => {
    const { b, note } = await team();
    await note("@Bogdan Ștefănescu token check");
    const token = (await b.as.post("/api/v1/api-tokens", { name: "bell" })).body.data.token;
    expect(await unread(new Client(h.app, { bearer: token }))).toBe(1);
  });
});

describe("mention notifications reject bad input", () => {
  it("refuses mentionIds of unknown, deactivated or another organisation's people with 422, writing nothing", async () => {
    const { org, b, c, ticket, note } = await team();
    const other = await makeOrg(h);
    await org.as.admin.patch(`/api/v1/users/${c.id}`, { active: false });
    const res = await note("@Bogdan Ștefănescu look", { mentionIds: [b.id, GHOST, other.users.agent.id, c.id] });
    expectProblem(res, 422, {
      "mentionIds.1": ["Unknown or inactive user"],
      "mentionIds.2": ["Unknown or inactive user"],
      "mentionIds.3": ["Unknown or inactive user"],
    });
    expect(res.body.code).toBe("unprocessable");
    expect((await org.as.admin.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data).toHaveLength(1);
    expect(await unread(b.as)).toBe(0);
    expect(await unread(other.as.agent)).toBe(0);
  });

  it("refuses a note mentioning more than 50 colleagues with 422, writing nothing", async () => {
    const { org, ticket, note } = await team();
    // Straight into the directory: 51 password hashes would only slow the test down.
    const crowd = Array.from({ length: 51 }, (_, i) => ({ name: `Crowd Member ${i}`, email: uniqueEmail("crowd") }));
    await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx.insert(users).values(crowd.map((c) => ({ ...c, orgId: s.orgId, id: newId(), role: "agent" as const }))),
    );
    const res = await note(crowd.map((c) => `@${c.name}`).join(" "));
    expectProblem(res, 422, { body: ["Mention at most 50 colleagues in one note"] });
    expect((await org.as.admin.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data).toHaveLength(1);
    expect(
      (
        await note(
          crowd
            .slice(0, 50)
            .map((c) => `@${c.name}`)
            .join(" "),
        )
      ).status,
    ).toBe(201);
  });

  it("refuses malformed mentionIds, and mentionIds on a reply, with 400 naming the field", async () => {
    const { a, b, ticket, note } = await team();
    expectProblem(await note("x", { mentionIds: b.id }), 400, {
      mentionIds: ["Invalid input: expected array, received string"],
    });
    expectProblem(await note("x", { mentionIds: ["b"] }), 400, { "mentionIds.0": ["Invalid UUID"] });
    const reply = await a.as.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: "reply",
      body: "x",
      mentionIds: [b.id],
    });
    expectProblem(reply, 400, { mentionIds: ["Only internal notes mention colleagues"] });
    expect((await a.as.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data).toHaveLength(1);
  });

  it("answers malformed JSON, wrong types, unknown fields and bad queries with 400 problem+json", async () => {
    const { b } = await team();
    const raw = await b.as.send("POST", "/api/v1/notifications/read", "{bad", { "content-type": "application/json" });
    expectProblem(raw, 400);
    expect(raw.body.code).toBe("malformed_json");
    const either = { ids: ["Give either ids or all: true"] };
    const cases: [unknown, Record<string, string[]>][] = [
      [{ ids: "x" }, { ids: ["Invalid input: expected array, received string"] }],
      [{ ids: ["x"] }, { "ids.0": ["Invalid UUID"] }],
      [{ ids: [] }, { ids: ["Too small: expected array to have >=1 items"] }],
      [{ all: false }, { all: ["Invalid input: expected true"] }],
      [{ all: true, extra: 1 }, { extra: ["Unknown field"] }],
      [{}, either],
      [{ ids: [GHOST], all: true }, either],
    ];
    for (const [body, fields] of cases) {
      const res = await b.as.post("/api/v1/notifications/read", body);
      expectProblem(res, 400, fields);
      expect(res.body.code, JSON.stringify(body)).toBe("validation_failed");
    }
    const forged = Buffer.from(JSON.stringify(["not a time", GHOST])).toString("base64url");
    for (const [query, field] of [
      ["unread=maybe", "unread"],
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["cursor=garbage", "cursor"],
      [`cursor=${forged}`, "cursor"],
      ["userId=x", "userId"],
    ]) {
      const res = await b.as.get(`/api/v1/notifications?${query}`);
      expectProblem(res, 400);
      expect(Object.keys(res.body.fields), query).toEqual([field]);
    }
  });
});

describe("mention notifications refuse the wrong user", () => {
  it("A neither sees nor marks B's notifications; marking fails whole and changes nothing", async () => {
    const { a, b, note } = await team();
    await note("@Bogdan Ștefănescu please check");
    await note("self check @Ana Maria Pop", {}, b.as);
    const [bs] = await listed(b.as);
    const [as] = await listed(a.as);
    expect(await listed(a.as)).toHaveLength(1);
    const res = await a.as.post("/api/v1/notifications/read", { ids: [as.id, bs.id] });
    expectProblem(res, 404, { "ids.1": ["Unknown notification"] });
    expect(res.body.code).toBe("not_found");
    expect([await unread(a.as), await unread(b.as)]).toEqual([1, 1]);
    await a.as.post("/api/v1/notifications/read", { all: true });
    expect([await unread(a.as), await unread(b.as)]).toEqual([0, 1]);
  });

  it("another organisation sees, counts and marks nothing of ours", async () => {
    const { b, note } = await team();
    await note("@Bogdan Ștefănescu please check");
    const [mine] = await listed(b.as);
    const other = await makeOrg(h);
    for (const as of Object.values(other.as)) {
      expect([await unread(as), await listed(as)]).toEqual([0, []]);
      expectProblem(await as.post("/api/v1/notifications/read", { ids: [mine.id] }), 404, {
        "ids.0": ["Unknown notification"],
      });
      await as.post("/api/v1/notifications/read", { all: true });
    }
    expect(await unread(b.as)).toBe(1);
  });
});
