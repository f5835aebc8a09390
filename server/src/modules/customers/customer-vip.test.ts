import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

async function addCustomer(as: Client, input: Record<string, unknown> = {}) {
  const res = await as.post("/api/v1/customers", { email: uniqueEmail("customer"), ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; vip: boolean };
}

describe("VIP customers: works", () => {
  it("starts a customer as not VIP; a supervisor marks and unmarks one, and the audit log says so", async () => {
    const org = await makeOrg(h);
    const c = await addCustomer(org.as.agent);
    expect(c.vip).toBe(false);
    const marked = await org.as.supervisor.patch(`/api/v1/customers/${c.id}`, { vip: true });
    expect(marked.status).toBe(200);
    expect(marked.body.data.vip).toBe(true);
    expect((await org.as.agent.get(`/api/v1/customers/${c.id}`)).body.data.vip).toBe(true);
    const audit = (await org.as.admin.get(`/api/v1/audit-events?entityId=${c.id}`)).body.data;
    expect(audit.find((e: { action: string }) => e.action === "customer.updated").changes).toEqual({
      vip: [false, true],
    });
    expect((await org.as.manager.patch(`/api/v1/customers/${c.id}`, { vip: false })).body.data.vip).toBe(false);
    expect((await addCustomer(org.as.admin, { vip: true })).vip).toBe(true);
  });

  it("keeps a merged duplicate's VIP mark on the customer it joins", async () => {
    const org = await makeOrg(h);
    const target = await addCustomer(org.as.agent);
    const duplicate = await addCustomer(org.as.supervisor, { vip: true });
    const merged = await org.as.supervisor.post(`/api/v1/customers/${target.id}/merge`, { sourceId: duplicate.id });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.data.vip).toBe(true);
  });
});

describe("VIP customers: rejects bad input", () => {
  it("takes only a boolean", async () => {
    const org = await makeOrg(h);
    const c = await addCustomer(org.as.agent);
    const res = await org.as.supervisor.patch(`/api/v1/customers/${c.id}`, { vip: "yes" });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual(["vip"]);
  });
});

describe("VIP customers: refuse the wrong user", () => {
  it("lets an agent edit a customer but not mark one VIP, on change or on creation, and changes nothing", async () => {
    const org = await makeOrg(h);
    const c = await addCustomer(org.as.agent);
    const res = await org.as.agent.patch(`/api/v1/customers/${c.id}`, { vip: true, notes: "Big account" });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    expect((await org.as.agent.get(`/api/v1/customers/${c.id}`)).body.data).toMatchObject({ vip: false, notes: "" });
    const created = await org.as.agent.post("/api/v1/customers", { email: uniqueEmail("vip"), vip: true });
    expect(created.status).toBe(403);
    expect((await org.as.agent.patch(`/api/v1/customers/${c.id}`, { notes: "Big account" })).status).toBe(200);
  });

  it("answers 404 for another organisation's customer", async () => {
    const a = await makeOrg(h);
    const b = await makeOrg(h);
    const c = await addCustomer(a.as.agent);
    expect((await b.as.supervisor.patch(`/api/v1/customers/${c.id}`, { vip: true })).status).toBe(404);
    expect((await a.as.agent.get(`/api/v1/customers/${c.id}`)).body.data.vip).toBe(false);
  });
});
