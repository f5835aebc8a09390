import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { deliverLinks, mailsTo, portalClient, postForm, slugOf, tokenIn } from "../../../test/portal";
import { startRelay } from "../../../test/smtp-relay";

let h: Awaited<ReturnType<typeof testApp>>;
let relay: Awaited<ReturnType<typeof startRelay>>;
let org: TestOrg;
let slug: string;

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp();
  org = await makeOrg(h);
  slug = await slugOf(h, org.orgId);
});
afterAll(() => relay.close());

/** A customer with one request an agent has worked on: a public reply with a file, and an internal note. */
async function customerWithTicket() {
  const email = uniqueEmail("cust");
  const ticket = (
    await org.as.agent.post("/api/v1/tickets", {
      subject: "Refund for order 9",
      requester: { email, name: "Mihai Ionescu" },
      message: { body: "I want my money back" },
    })
  ).body.data;
  const upload = await uploadAs(org.as.agent, "label.txt", "Return label");
  await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
    kind: "reply",
    body: "Here is your return label.",
    attachmentIds: [upload],
  });
  const secret = await uploadAs(org.as.agent, "secret.txt", "internal");
  await org.as.agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
    kind: "note",
    body: "Customer is on the watch list",
    attachmentIds: [secret],
  });
  await new Client(h.app).post(`/api/v1/portal/${slug}/sign-in-link`, { email });
  await deliverLinks(h, relay, [org.orgId]);
  const customer = await portalClient(h, slug, tokenIn((await mailsTo(relay, email)).at(-1)!.text));
  return { email, ticket, customer, secret };
}

async function uploadAs(client: Client, name: string, text: string): Promise<string> {
  const form = new FormData();
  form.append("file", new File([text], name));
  const res = await h.app.request("/api/v1/attachments", {
    method: "POST",
    body: form,
    headers: { cookie: client.creds.cookie!, "x-csrf-token": client.creds.csrfToken! },
  });
  return ((await res.json()) as { data: { id: string } }).data.id;
}

describe("a customer's requests in the portal work", () => {
  it("lists the customer's own requests in customer terms", async () => {
    const { customer, ticket } = await customerWithTicket();
    const res = await customer.get(`/api/v1/portal/${slug}/tickets`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        {
          id: ticket.id,
          number: ticket.number,
          subject: "Refund for order 9",
          status: "open",
          createdAt: ticket.createdAt,
          lastMessageAt: expect.any(String),
          mergedIntoNumber: null,
        },
      ],
      nextCursor: null,
    });
  });

  it("shows the public conversation without internal notes or their files", async () => {
    const { customer, ticket, secret } = await customerWithTicket();
    const res = await customer.get(`/api/v1/portal/${slug}/tickets/${ticket.id}`);
    expect(res.status).toBe(200);
    const messages = res.body.data.messages;
    expect(messages.map((m: { from: string; bodyText: string }) => [m.from, m.bodyText])).toEqual([
      ["customer", "I want my money back"],
      ["team", "Here is your return label."],
    ]);
    expect(JSON.stringify(res.body)).not.toContain("watch list");
    const file = messages[1].attachments[0];
    expect(file).toMatchObject({ filename: "label.txt", url: `/api/v1/portal/${slug}/attachments/${file.id}` });
    const download = await h.app.request(file.url, { headers: { cookie: customer.creds.cookie! } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe("Return label");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="label.txt"; filename*=UTF-8''label.txt`,
    );
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    const hidden = await customer.get(`/api/v1/portal/${slug}/attachments/${secret}`);
    expect(hidden.status).toBe(404);
  });

  it("takes the customer's answer with a file, reopens a solved request, and the agent sees it", async () => {
    const { customer, ticket } = await customerWithTicket();
    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "solved" });
    const res = await postForm(
      h,
      `/api/v1/portal/${slug}/tickets/${ticket.id}/messages`,
      { body: "The label does not print." },
      [{ name: "screen.txt", bytes: "blank page" }],
      customer,
    );
    expect(res.status).toBe(201);
    expect(res.body.data.ticket.status).toBe("open");
    expect(res.body.data.messages.at(-1)).toMatchObject({ from: "customer", bodyText: "The label does not print." });
    const staffView = (await org.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data;
    expect(staffView.at(-1)).toMatchObject({
      kind: "inbound",
      channel: "portal",
      bodyText: "The label does not print.",
      author: { type: "customer", name: "Mihai Ionescu" },
      attachments: [expect.objectContaining({ filename: "screen.txt" })],
    });
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data.status).toBe("open");
  });

  it("opens a new request for a signed-in customer without asking who they are", async () => {
    const { customer } = await customerWithTicket();
    const res = await customer.post(`/api/v1/portal/${slug}/requests`, { subject: "Second question", body: "Hi" });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ number: expect.any(Number), ticketId: expect.any(String) });
    const detail = await customer.get(`/api/v1/portal/${slug}/tickets/${res.body.data.ticketId}`);
    expect(detail.body.data.ticket).toMatchObject({ subject: "Second question", status: "open" });
    expect((await org.as.agent.get(`/api/v1/tickets/${res.body.data.ticketId}`)).body.data.channel).toBe("portal");
  });
});

describe("a customer's requests in the portal reject bad input", () => {
  it("refuses an empty answer, unknown fields and a closed request", async () => {
    const { customer, ticket } = await customerWithTicket();
    const path = `/api/v1/portal/${slug}/tickets/${ticket.id}/messages`;
    const empty = await customer.post(path, { body: "  " });
    expect([empty.status, Object.keys(empty.body.fields)]).toEqual([400, ["body"]]);
    const extra = await customer.post(path, { body: "x", kind: "note" });
    expect([extra.status, Object.keys(extra.body.fields)]).toEqual([400, ["kind"]]);
    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "solved" });
    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "closed" });
    const closed = await customer.post(path, { body: "one more thing" });
    expect([closed.status, closed.body.code]).toEqual([409, "conflict"]);
    const bad = await customer.get(`/api/v1/portal/${slug}/tickets?cursor=garbage`);
    expect(bad.status).toBe(400);
  });
});

describe("a customer's requests in the portal refuse the wrong caller", () => {
  it("hides other customers' requests and files as if they did not exist", async () => {
    const a = await customerWithTicket();
    const b = await customerWithTicket();
    const read = await b.customer.get(`/api/v1/portal/${slug}/tickets/${a.ticket.id}`);
    expect([read.status, read.body.code]).toEqual([404, "not_found"]);
    const write = await b.customer.post(`/api/v1/portal/${slug}/tickets/${a.ticket.id}/messages`, { body: "hi" });
    expect(write.status).toBe(404);
    const fileId = (await a.customer.get(`/api/v1/portal/${slug}/tickets/${a.ticket.id}`)).body.data.messages[1]
      .attachments[0].id;
    expect((await b.customer.get(`/api/v1/portal/${slug}/attachments/${fileId}`)).status).toBe(404);
    const list = (await b.customer.get(`/api/v1/portal/${slug}/tickets`)).body.data;
    expect(list.map((t: { id: string }) => t.id)).toEqual([b.ticket.id]);
  });

  it("asks anyone not signed in to sign in", async () => {
    const { ticket } = await customerWithTicket();
    const anonymous = new Client(h.app);
    for (const path of [`/tickets`, `/tickets/${ticket.id}`, `/me`]) {
      const res = await anonymous.get(`/api/v1/portal/${slug}${path}`);
      expect([path, res.status, res.body.code]).toEqual([path, 401, "unauthenticated"]);
    }
    const write = await anonymous.post(`/api/v1/portal/${slug}/tickets/${ticket.id}/messages`, { body: "x" });
    expect(write.status).toBe(401);
  });

  it("follows a merge: a customer merged into another sees the survivor's requests", async () => {
    const a = await customerWithTicket();
    const b = await customerWithTicket();
    const [ta, tb] = [a.ticket.requesterId, b.ticket.requesterId];
    const merged = await org.as.supervisor.post(`/api/v1/customers/${tb}/merge`, { sourceId: ta });
    expect(merged.status).toBe(200);
    const list = (await a.customer.get(`/api/v1/portal/${slug}/tickets`)).body.data;
    expect(list.map((t: { id: string }) => t.id).sort()).toEqual([a.ticket.id, b.ticket.id].sort());
  });
});
