import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, uniqueEmail } from "./factories";
import { testApp } from "./harness";
import { portalSignedIn, postForm, slugOf } from "./portal";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

describe("across organisations, the portal answers as if foreign objects did not exist", () => {
  /** Organisation A's customer with a ticket and a file on it; organisation B's customer, signed in to B's portal. */
  async function twoPortals() {
    const [a, b] = [await makeOrg(h), await makeOrg(h)];
    const [aSlug, bSlug] = [await slugOf(h, a.orgId), await slugOf(h, b.orgId)];
    const email = uniqueEmail("shared");
    const ticket = (
      await a.as.agent.post("/api/v1/tickets", {
        subject: "A's private request",
        requester: { email },
        message: { body: "A's words" },
      })
    ).body.data;
    const aCustomer = await portalSignedIn(h, a.orgId, ticket.requesterId);
    const sent = await postForm(
      h,
      `/api/v1/portal/${aSlug}/tickets/${ticket.id}/messages`,
      { body: "with a file" },
      [{ name: "a.txt", bytes: "A's file" }],
      aCustomer,
    );
    const fileId: string = sent.body.data.messages.at(-1).attachments[0].id;
    // The same address is a customer of B too: same person, another organisation.
    const bTicket = (
      await b.as.agent.post("/api/v1/tickets", { subject: "B's", requester: { email }, message: { body: "B" } })
    ).body.data;
    const bCustomer = await portalSignedIn(h, b.orgId, bTicket.requesterId);
    return { aSlug, bSlug, ticket, fileId, aCustomer, bCustomer, bTicket };
  }

  it("answers 404 in B's portal for A's request, its conversation and its files", async () => {
    const o = await twoPortals();
    for (const res of [
      await o.bCustomer.get(`/api/v1/portal/${o.bSlug}/tickets/${o.ticket.id}`),
      await o.bCustomer.get(`/api/v1/portal/${o.bSlug}/attachments/${o.fileId}`),
      await o.bCustomer.post(`/api/v1/portal/${o.bSlug}/tickets/${o.ticket.id}/messages`, { body: "hi" }),
      await o.bCustomer.post(`/api/v1/portal/${o.bSlug}/tickets/${o.ticket.id}/supervisor`),
    ]) {
      expect([res.status, res.body.code]).toEqual([404, "not_found"]);
    }
    const list = (await o.bCustomer.get(`/api/v1/portal/${o.bSlug}/tickets`)).body.data;
    expect(list.map((t: { id: string }) => t.id)).toEqual([o.bTicket.id]);
  });

  it("does not sign B's customer in to A's portal with B's session", async () => {
    const o = await twoPortals();
    for (const path of [`/tickets/${o.ticket.id}`, `/attachments/${o.fileId}`, "/tickets", "/me"]) {
      const res = await o.bCustomer.get(`/api/v1/portal/${o.aSlug}${path}`);
      expect([path, res.status]).toEqual([path, 401]);
    }
    const ask = await o.bCustomer.post(`/api/v1/portal/${o.aSlug}/tickets/${o.ticket.id}/supervisor`);
    expect(ask.status).toBe(401);
    expect(
      (await o.aCustomer.get(`/api/v1/portal/${o.aSlug}/tickets/${o.ticket.id}`)).body.data.supervisorRequested,
    ).toBe(false);
    expect((await o.aCustomer.get(`/api/v1/portal/${o.aSlug}/tickets/${o.ticket.id}`)).status).toBe(200);
  });
});
