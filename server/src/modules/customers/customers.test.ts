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
const GHOST = "01900000-0000-7000-8000-0000000000c1";

type Input = Record<string, unknown>;

/** Creates a customer through the API; fails the test unless it answers 201. */
async function addCustomer(as: Client, input: Input = {}) {
  const res = await as.post("/api/v1/customers", { email: uniqueEmail("customer"), ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

async function addCompany(as: Client, name = `Company ${Math.random().toString(36).slice(2, 8)}`) {
  const res = await as.post("/api/v1/companies", { name });
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

describe("customers: works", () => {
  it("creates a customer with an exact body: name from the email, identities for email and phone", async () => {
    const org = await makeOrg(h);
    const email = uniqueEmail("Ana.Pop");
    const res = await org.as.agent.post("/api/v1/customers", {
      email: `  ${email.toUpperCase()} `,
      phone: " +40 (722) 123-456 ",
      locale: "ro",
      timeZone: "Europe/Bucharest",
      notes: "Prefers phone calls",
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      data: {
        id: expect.stringMatching(UUID),
        name: email.toLowerCase().split("@")[0],
        email: email.toLowerCase(),
        phone: "+40 (722) 123-456",
        locale: "ro",
        timeZone: "Europe/Bucharest",
        companyId: null,
        vip: false,
        notes: "Prefers phone calls",
        customFields: {},
        identities: [
          { id: expect.stringMatching(UUID), channel: "email", value: email.toLowerCase() },
          { id: expect.stringMatching(UUID), channel: "phone", value: "+40722123456" },
        ],
        mergedIntoId: null,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      },
    });
    const got = await org.as.agent.get(`/api/v1/customers/${res.body.data.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it("keeps a given name, trimmed; a customer may have a phone and no email, or neither", async () => {
    const org = await makeOrg(h);
    expect(await addCustomer(org.as.agent, { name: "  Ion Popescu " })).toMatchObject({ name: "Ion Popescu" });
    const byPhone = await addCustomer(org.as.agent, { email: undefined, name: "Caller", phone: "0722.000.111" });
    expect(byPhone).toMatchObject({ email: null, phone: "0722.000.111", identities: [{ channel: "phone" }] });
    expect(byPhone.identities[0].value).toBe("0722000111");
    const bare = await addCustomer(org.as.agent, { email: undefined });
    expect(bare).toMatchObject({ name: "", email: null, phone: null, identities: [] });
  });

  it("pages through customers by name with limit and cursor, without gaps or repeats", async () => {
    const org = await makeOrg(h);
    for (const name of ["delta", "Alpha", "charlie", "Echo", "bravo"]) await addCustomer(org.as.agent, { name });
    const all = await org.as.agent.get("/api/v1/customers?limit=200");
    expect(all.body.data.map((c: { name: string }) => c.name)).toEqual(["Alpha", "bravo", "charlie", "delta", "Echo"]);
    expect(all.body.nextCursor).toBeNull();
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<Client["get"]>> = await org.as.agent.get(
        `/api/v1/customers?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      sizes.push(res.body.data.length);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(ids(all));
  });

  it("filters by a name, email or phone fragment, by company and by exact email", async () => {
    const org = await makeOrg(h);
    const company = await addCompany(org.as.supervisor);
    const maria = await addCustomer(org.as.agent, { name: "Maria Ionescu", companyId: company.id });
    const zed = await addCustomer(org.as.agent, { name: "Zed", email: uniqueEmail("zorro"), phone: "+40 722 123 456" });
    const odd = await addCustomer(org.as.agent, { name: "100% real", companyId: company.id });
    const list = async (query: string) => {
      const res = await org.as.agent.get(`/api/v1/customers?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return ids(res);
    };
    expect(await list("q=IONESCU")).toEqual([maria.id]);
    expect(await list("q=zorro")).toEqual([zed.id]);
    expect(await list(`q=${encodeURIComponent("722 123")}`)).toEqual([zed.id]);
    expect(await list("q=722123456")).toEqual([zed.id]);
    expect(await list("q=%25")).toEqual([odd.id]);
    expect(await list("q=nobody-is-called-this")).toEqual([]);
    expect(await list(`companyId=${company.id}`)).toEqual([odd.id, maria.id]);
    expect(await list(`companyId=${company.id}&q=maria`)).toEqual([maria.id]);
    expect(await list(`email=${encodeURIComponent(zed.email.toUpperCase())}`)).toEqual([zed.id]);
    expect(await list(`email=${encodeURIComponent(`x${zed.email}`)}`)).toEqual([]);
  });

  it("changes a customer; a new email or phone is added and the old one still finds them", async () => {
    const org = await makeOrg(h);
    const company = await addCompany(org.as.supervisor);
    const before = await addCustomer(org.as.agent, { name: "Old Name", phone: "0722 000 001" });
    const email = uniqueEmail("new");
    const res = await org.as.agent.patch(`/api/v1/customers/${before.id}`, {
      name: " New Name ",
      email: email.toUpperCase(),
      phone: "0722 000 002",
      locale: "de",
      timeZone: "Asia/Kathmandu",
      companyId: company.id,
      notes: "Moved to Kathmandu",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({
      ...before,
      name: "New Name",
      email,
      phone: "0722 000 002",
      locale: "de",
      timeZone: "Asia/Kathmandu",
      companyId: company.id,
      notes: "Moved to Kathmandu",
      identities: [
        ...before.identities,
        { id: expect.stringMatching(UUID), channel: "email", value: email },
        { id: expect.stringMatching(UUID), channel: "phone", value: "0722000002" },
      ],
      updatedAt: expect.stringMatching(ISO),
    });
    expect((await org.as.agent.get(`/api/v1/customers/${before.id}`)).body).toEqual(res.body);
    for (const address of [before.email, email]) {
      for (const query of [`email=${encodeURIComponent(address)}`, `q=${encodeURIComponent(address.split("@")[0]!)}`]) {
        expect(ids(await org.as.agent.get(`/api/v1/customers?${query}`)), query).toEqual([before.id]);
      }
    }
    expect(ids(await org.as.agent.get("/api/v1/customers?q=0722000001"))).toEqual([before.id]);
    // The old address is still theirs: a new mail from it lands on the same customer.
    const ticket = await org.as.agent.post("/api/v1/tickets", {
      subject: "Still me",
      requester: { email: before.email },
      message: { body: "Hello again" },
    });
    expect(ticket.body.data.requesterId).toBe(before.id);
    const cleared = await org.as.agent.patch(`/api/v1/customers/${before.id}`, { companyId: null, locale: null });
    expect(cleared.body.data).toMatchObject({ companyId: null, locale: null, name: "New Name" });
  });

  it("stores valid custom field values, normalised, and keeps the others on a partial change", async () => {
    const org = await makeOrg(h);
    await defineField(org.as.admin, { key: "tier", type: "dropdown", options: ["gold", "silver"], required: true });
    await defineField(org.as.admin, { key: "lifetime_value", type: "number" });
    await defineField(org.as.admin, { key: "account_ref", type: "text" });
    const customer = await addCustomer(org.as.agent, {
      customFields: { tier: "gold", lifetime_value: 1250.5, account_ref: "  AC-17 " },
    });
    expect(customer.customFields).toEqual({ tier: "gold", lifetime_value: 1250.5, account_ref: "AC-17" });
    const res = await org.as.agent.patch(`/api/v1/customers/${customer.id}`, {
      customFields: { tier: "silver", lifetime_value: 0 },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.customFields).toEqual({ tier: "silver", lifetime_value: 0, account_ref: "AC-17" });
    const untouched = await org.as.agent.patch(`/api/v1/customers/${customer.id}`, { notes: "no field change" });
    expect(untouched.body.data.customFields).toEqual(res.body.data.customFields);
  });
});

describe("customers: rejects bad input", () => {
  it("refuses an email or phone another customer has (409 naming the field), on create and on change", async () => {
    const org = await makeOrg(h);
    const taken = await addCustomer(org.as.agent, { phone: "+40 722 123 456" });
    const dupEmail = await org.as.agent.post("/api/v1/customers", { email: taken.email.toUpperCase() });
    expect(dupEmail.status).toBe(409);
    expect(dupEmail.body).toMatchObject({ code: "conflict", fields: { email: ["Belongs to another customer"] } });
    const dupPhone = await org.as.agent.post("/api/v1/customers", {
      email: uniqueEmail(),
      phone: "+40-722-123-456",
    });
    expect(dupPhone.status).toBe(409);
    expect(dupPhone.body.fields).toEqual({ phone: ["Belongs to another customer"] });
    expect(ids(await org.as.agent.get("/api/v1/customers"))).toEqual([taken.id]);

    const other = await addCustomer(org.as.agent, { name: "Other" });
    const path = `/api/v1/customers/${other.id}`;
    const email = await org.as.agent.patch(path, { email: taken.email, name: "Renamed" });
    expect(email.status).toBe(409);
    expect(email.body.fields).toEqual({ email: ["Belongs to another customer"] });
    const phone = await org.as.agent.patch(path, { phone: "+40 (722) 123.456" });
    expect(phone.status).toBe(409);
    expect(phone.body.fields).toEqual({ phone: ["Belongs to another customer"] });
    expect((await org.as.agent.get(path)).body.data).toEqual(other);

    // Identities are per organisation.
    await addCustomer((await makeOrg(h)).as.agent, { email: taken.email, phone: "+40 722 123 456" });
  });

  it("refuses an unknown company with 422 fields.companyId", async () => {
    const org = await makeOrg(h);
    const create = await org.as.agent.post("/api/v1/customers", { email: uniqueEmail(), companyId: GHOST });
    expect(create.status).toBe(422);
    expect(create.body).toMatchObject({ code: "unprocessable", fields: { companyId: ["Unknown company"] } });
    expect((await org.as.agent.get("/api/v1/customers")).body.data).toEqual([]);
    const customer = await addCustomer(org.as.agent);
    const patch = await org.as.agent.patch(`/api/v1/customers/${customer.id}`, { companyId: GHOST, name: "X" });
    expect(patch.status).toBe(422);
    expect(patch.body.fields).toEqual({ companyId: ["Unknown company"] });
    expect((await org.as.agent.get(`/api/v1/customers/${customer.id}`)).body.data).toEqual(customer);
  });

  it("rejects wrong custom field values, unknown keys and a missing required field (400 per field)", async () => {
    const org = await makeOrg(h);
    await defineField(org.as.admin, { key: "tier", type: "dropdown", options: ["gold", "silver"], required: true });
    await defineField(org.as.admin, { key: "lifetime_value", type: "number" });
    const wrong = await org.as.agent.post("/api/v1/customers", {
      email: uniqueEmail(),
      customFields: { tier: "platinum", lifetime_value: "12" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: "validation_failed" });
    expect(wrong.body.fields).toEqual({
      "customFields.tier": ["Expected one of: gold, silver"],
      "customFields.lifetime_value": ["Expected a number"],
    });
    const unknown = await org.as.agent.post("/api/v1/customers", {
      email: uniqueEmail(),
      customFields: { tier: "gold", shoe_size: 44 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual({ "customFields.shoe_size": ["Unknown field"] });
    const missing = await org.as.agent.post("/api/v1/customers", { email: uniqueEmail() });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual({ "customFields.tier": ["Required"] });
    expect((await org.as.agent.get("/api/v1/customers")).body.data).toEqual([]);

    const customer = await addCustomer(org.as.agent, { customFields: { tier: "gold" } });
    const path = `/api/v1/customers/${customer.id}`;
    for (const [customFields, field, message] of [
      [{ tier: null }, "customFields.tier", "Required"],
      [{ lifetime_value: true }, "customFields.lifetime_value", "Expected a number"],
      [{ nope: 1 }, "customFields.nope", "Unknown field"],
    ] as const) {
      const res = await org.as.agent.patch(path, { customFields });
      expect(res.status, field).toBe(400);
      expect(res.body.fields).toEqual({ [field]: [message] });
    }
    expect((await org.as.agent.get(path)).body.data.customFields).toEqual({ tier: "gold" });
  });

  it("rejects malformed fields, protected fields and bad list queries with 400 naming each", async () => {
    const org = await makeOrg(h);
    const res = await org.as.agent.post("/api/v1/customers", {
      email: "not-an-email",
      phone: "call me maybe",
      locale: "fr",
      timeZone: "Mars/Base",
      orgId: org.orgId,
      mergedIntoId: GHOST,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
    expect(Object.keys(res.body.fields).sort()).toEqual([
      "email",
      "locale",
      "mergedIntoId",
      "orgId",
      "phone",
      "timeZone",
    ]);
    expect(res.body.fields.orgId).toEqual(["Unknown field"]);
    const customer = await addCustomer(org.as.agent);
    const patch = await org.as.agent.patch(`/api/v1/customers/${customer.id}`, {
      identities: [],
      id: GHOST,
      companyId: "nope",
    });
    expect(patch.status).toBe(400);
    expect(Object.keys(patch.body.fields).sort()).toEqual(["companyId", "id", "identities"]);
    expect((await org.as.agent.get(`/api/v1/customers/${customer.id}`)).body.data).toEqual(customer);
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["companyId=nope", "companyId"],
      ["cursor=%7B", "cursor"],
      ["sort=name", "sort"],
    ]) {
      const list = await org.as.agent.get(`/api/v1/customers?${query}`);
      expect(list.status, query).toBe(400);
      expect(Object.keys(list.body.fields), query).toEqual([field]);
    }
    // A cursor that decodes but holds no real position is still the client's error, never a 500.
    const forged = Buffer.from(JSON.stringify(["x", "not-a-uuid"])).toString("base64url");
    expect((await org.as.agent.get(`/api/v1/customers?cursor=${forged}`)).body.code).toBe("bad_request");
  });

  it("answers 404 to unknown ids and 400 to malformed ones", async () => {
    const org = await makeOrg(h);
    for (const res of [
      await org.as.agent.get(`/api/v1/customers/${GHOST}`),
      await org.as.agent.patch(`/api/v1/customers/${GHOST}`, { name: "x" }),
      await org.as.agent.get(`/api/v1/customers/${GHOST}/timeline`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("not_found");
    }
    expect((await org.as.agent.get("/api/v1/customers/not-a-uuid")).body.fields).toEqual({ id: ["Invalid UUID"] });
  });
});

describe("customers: refuse the wrong user", () => {
  it("lets every staff role read and edit customers, and nobody anonymous", async () => {
    const org = await makeOrg(h);
    for (const role of ["agent", "supervisor", "manager", "admin"] as const) {
      const customer = await addCustomer(org.as[role], { name: role });
      expect((await org.as[role].get(`/api/v1/customers/${customer.id}`)).status).toBe(200);
      expect((await org.as[role].patch(`/api/v1/customers/${customer.id}`, { notes: role })).status).toBe(200);
    }
    expect((await org.as.agent.get("/api/v1/customers")).body.data).toHaveLength(4);
    const res = await new Client(h.app).get("/api/v1/customers");
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("unauthenticated");
  });
});
