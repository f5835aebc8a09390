import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { makeOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const GHOST = "01900000-0000-7000-8000-0000000000c2";

/** Creates a company as `as`; fails the test unless it answers 201. */
async function addCompany(as: Client, input: Record<string, unknown> = {}) {
  const res = await as.post("/api/v1/companies", {
    name: `Company ${Math.random().toString(36).slice(2, 8)}`,
    ...input,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((c) => c.name);

describe("companies: works", () => {
  it("creates a company with an exact body, trimmed name and lower-cased domain", async () => {
    const org = await makeOrg(h);
    const res = await org.as.supervisor.post("/api/v1/companies", {
      name: "  Acme Logistics ",
      domain: " ACME.Example.COM ",
      notes: "Key account",
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      data: {
        id: expect.stringMatching(UUID),
        name: "Acme Logistics",
        domain: "acme.example.com",
        notes: "Key account",
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      },
    });
    const got = await org.as.agent.get(`/api/v1/companies/${res.body.data.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    expect(await addCompany(org.as.supervisor, { name: "No domain" })).toMatchObject({ domain: null, notes: "" });
    for (const name of ["Blank domain", "Another blank domain"]) {
      expect(await addCompany(org.as.supervisor, { name, domain: "  " }), name).toMatchObject({ domain: null });
    }
  });

  it("changes name, domain and notes; what is left out stays as it was", async () => {
    const org = await makeOrg(h);
    const before = await addCompany(org.as.supervisor, { name: "Globex", domain: "globex.test", notes: "Since 2019" });
    const renamed = await org.as.manager.patch(`/api/v1/companies/${before.id}`, { name: "Globex Corp" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toEqual({ ...before, name: "Globex Corp", updatedAt: expect.stringMatching(ISO) });
    const res = await org.as.admin.patch(`/api/v1/companies/${before.id}`, { domain: "GLOBEX.example", notes: "" });
    expect(res.body.data).toEqual({
      ...before,
      name: "Globex Corp",
      domain: "globex.example",
      notes: "",
      updatedAt: expect.stringMatching(ISO),
    });
    const cleared = await org.as.supervisor.patch(`/api/v1/companies/${before.id}`, { domain: null });
    expect(cleared.body.data.domain).toBeNull();
    const blank = await addCompany(org.as.supervisor, { domain: "blank.test" });
    expect(
      (await org.as.supervisor.patch(`/api/v1/companies/${blank.id}`, { domain: "" })).body.data.domain,
    ).toBeNull();
    expect((await org.as.agent.get(`/api/v1/companies/${before.id}`)).body).toEqual(cleared.body);
    const recase = await org.as.supervisor.patch(`/api/v1/companies/${before.id}`, { name: "GLOBEX CORP" });
    expect(recase.status).toBe(200);
  });

  it("pages through companies by name, in any case, with limit and cursor", async () => {
    const org = await makeOrg(h);
    for (const name of ["delta", "Alpha", "charlie", "Bravo", "echo"]) await addCompany(org.as.supervisor, { name });
    const first = await org.as.agent.get("/api/v1/companies?limit=2");
    expect(names(first)).toEqual(["Alpha", "Bravo"]);
    const second = await org.as.agent.get(`/api/v1/companies?limit=2&cursor=${first.body.nextCursor}`);
    expect(names(second)).toEqual(["charlie", "delta"]);
    const third = await org.as.agent.get(`/api/v1/companies?limit=2&cursor=${second.body.nextCursor}`);
    expect(names(third)).toEqual(["echo"]);
    expect(third.body.nextCursor).toBeNull();
    expect(names(await org.as.agent.get("/api/v1/companies"))).toEqual(["Alpha", "Bravo", "charlie", "delta", "echo"]);
  });

  it("links customers to a company and lists them by it", async () => {
    const org = await makeOrg(h);
    const company = await addCompany(org.as.supervisor);
    const customer = await org.as.agent.post("/api/v1/customers", { email: uniqueEmail(), companyId: company.id });
    expect(customer.body.data.companyId).toBe(company.id);
    await org.as.agent.post("/api/v1/customers", { email: uniqueEmail() });
    const listed = await org.as.agent.get(`/api/v1/customers?companyId=${company.id}`);
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual([customer.body.data.id]);
  });
});

describe("companies: rejects bad input", () => {
  it("refuses a duplicate name in any case (409 fields.name), but another organisation may use it", async () => {
    const org = await makeOrg(h);
    await addCompany(org.as.supervisor, { name: "Initech" });
    const other = await addCompany(org.as.supervisor, { name: "Umbrella" });
    const dup = await org.as.supervisor.post("/api/v1/companies", { name: "INITECH" });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "conflict", fields: { name: ["Already in use"] } });
    const rename = await org.as.supervisor.patch(`/api/v1/companies/${other.id}`, { name: "initech" });
    expect(rename.status).toBe(409);
    expect(rename.body.fields).toEqual({ name: ["Already in use"] });
    expect(names(await org.as.agent.get("/api/v1/companies"))).toEqual(["Initech", "Umbrella"]);
    await addCompany((await makeOrg(h)).as.supervisor, { name: "Initech" });
  });

  it("refuses a duplicate domain in any case (409 fields.domain)", async () => {
    const org = await makeOrg(h);
    await addCompany(org.as.supervisor, { name: "Hooli", domain: "hooli.test" });
    const other = await addCompany(org.as.supervisor, { name: "Pied Piper" });
    const dup = await org.as.supervisor.post("/api/v1/companies", { name: "Hooli XYZ", domain: "HOOLI.test" });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "conflict", fields: { domain: ["Already in use"] } });
    const change = await org.as.supervisor.patch(`/api/v1/companies/${other.id}`, { domain: "hooli.test" });
    expect(change.status).toBe(409);
    expect(change.body.fields).toEqual({ domain: ["Already in use"] });
    expect((await org.as.agent.get(`/api/v1/companies/${other.id}`)).body.data).toEqual(other);
  });

  it("rejects empty names, wrong types, unknown fields and unknown ids", async () => {
    const org = await makeOrg(h);
    const res = await org.as.supervisor.post("/api/v1/companies", { name: "  ", domain: 7, orgId: org.orgId });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
    expect(Object.keys(res.body.fields).sort()).toEqual(["domain", "name", "orgId"]);
    expect(res.body.fields.orgId).toEqual(["Unknown field"]);
    const company = await addCompany(org.as.supervisor);
    const patch = await org.as.supervisor.patch(`/api/v1/companies/${company.id}`, { name: "", id: GHOST });
    expect(patch.status).toBe(400);
    expect(Object.keys(patch.body.fields).sort()).toEqual(["id", "name"]);
    expect((await org.as.agent.get(`/api/v1/companies/${company.id}`)).body.data).toEqual(company);
    for (const r of [
      await org.as.agent.get(`/api/v1/companies/${GHOST}`),
      await org.as.supervisor.patch(`/api/v1/companies/${GHOST}`, { name: "x" }),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.code).toBe("not_found");
    }
    const forged = Buffer.from(JSON.stringify(["x", "not-a-uuid"])).toString("base64url");
    for (const query of ["limit=0", "cursor=%7B", `cursor=${forged}`, "q=x"]) {
      expect((await org.as.agent.get(`/api/v1/companies?${query}`)).status, query).toBe(400);
    }
  });
});

describe("companies: refuse the wrong user", () => {
  it("answers 403 to an agent on every write and changes nothing; every role reads", async () => {
    const org = await makeOrg(h);
    const company = await addCompany(org.as.supervisor, { name: "Keep" });
    for (const res of [
      await org.as.agent.post("/api/v1/companies", { name: "By agent" }),
      await org.as.agent.patch(`/api/v1/companies/${company.id}`, { name: "Taken over" }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("forbidden");
    }
    for (const role of ["agent", "supervisor", "manager", "admin"] as const) {
      expect((await org.as[role].get("/api/v1/companies")).body.data, role).toEqual([company]);
      expect((await org.as[role].get(`/api/v1/companies/${company.id}`)).status, role).toBe(200);
    }
    const anonymous = await new Client(h.app).get("/api/v1/companies");
    expect(anonymous.status).toBe(401);
  });
});
