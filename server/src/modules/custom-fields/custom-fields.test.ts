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
const GHOST = "01900000-0000-7000-8000-0000000000f1";
const TYPES = ["text", "number", "date", "dropdown", "checkbox"] as const;
const NON_ADMINS = ["agent", "supervisor", "manager"] as const;

type Input = Record<string, unknown>;

/** Defines a field as `admin`; fails the test unless it answers 201. */
async function defineField(admin: Client, input: Input) {
  const res = await admin.post("/api/v1/custom-fields", { entity: "ticket", label: `Label ${input.key}`, ...input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

/** Opens a ticket; fails the test unless it answers 201. */
async function openTicket(as: Client, extra: Input = {}) {
  const res = await as.post("/api/v1/tickets", {
    subject: "Where is my order?",
    requester: { email: uniqueEmail("customer") },
    message: { body: "It has been a week." },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

const keys = (res: { body: { data: { entity: string; key: string }[] } }) =>
  res.body.data.map((f) => `${f.entity}.${f.key}`);

describe("custom fields: works", () => {
  it("defines every type for tickets and for customers, with an exact body, the same key on both", async () => {
    const org = await makeOrg(h);
    for (const entity of ["ticket", "customer"] as const) {
      for (const type of TYPES) {
        const options = type === "dropdown" ? ["refund", "exchange"] : undefined;
        const res = await org.as.admin.post("/api/v1/custom-fields", {
          entity,
          key: `${type}_field`,
          label: `  ${type} label `,
          type,
          options,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toEqual({
          data: {
            id: expect.stringMatching(UUID),
            entity,
            key: `${type}_field`,
            label: `${type} label`,
            type,
            options: options ?? [],
            required: false,
            active: true,
            position: 0,
            createdAt: expect.stringMatching(ISO),
            updatedAt: expect.stringMatching(ISO),
          },
        });
      }
    }
    const sorted = [...TYPES].sort().map((t) => `${t}_field`);
    const list = await org.as.agent.get("/api/v1/custom-fields");
    expect(list.status).toBe(200);
    expect(keys(list)).toEqual([...sorted.map((k) => `customer.${k}`), ...sorted.map((k) => `ticket.${k}`)]);
    expect(keys(await org.as.agent.get("/api/v1/custom-fields?entity=customer"))).toEqual(
      sorted.map((k) => `customer.${k}`),
    );
  });

  it("lists by entity, then position, then key", async () => {
    const org = await makeOrg(h);
    await defineField(org.as.admin, { key: "b", type: "text", position: 1 });
    await defineField(org.as.admin, { key: "a", type: "text", position: 2 });
    await defineField(org.as.admin, { key: "c", type: "text", position: 1 });
    await defineField(org.as.admin, { entity: "customer", key: "z", type: "number", position: 5 });
    await defineField(org.as.admin, { entity: "customer", key: "y", type: "number" });
    expect(keys(await org.as.agent.get("/api/v1/custom-fields"))).toEqual([
      "customer.y",
      "customer.z",
      "ticket.b",
      "ticket.c",
      "ticket.a",
    ]);
    expect(keys(await org.as.agent.get("/api/v1/custom-fields?entity=ticket"))).toEqual([
      "ticket.b",
      "ticket.c",
      "ticket.a",
    ]);
    expect((await (await makeOrg(h)).as.agent.get("/api/v1/custom-fields")).body).toEqual({ data: [] });
  });

  it("changes label, options, requirement, position and activity; the key and type stay", async () => {
    const org = await makeOrg(h);
    const before = await defineField(org.as.admin, { key: "reason", type: "dropdown", options: ["refund"] });
    const res = await org.as.admin.patch(`/api/v1/custom-fields/${before.id}`, {
      label: " Contact reason ",
      options: ["refund", "exchange", "complaint"],
      required: true,
      position: 3,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({
      ...before,
      label: "Contact reason",
      options: ["refund", "exchange", "complaint"],
      required: true,
      position: 3,
      updatedAt: expect.stringMatching(ISO),
    });
    const retired = await org.as.admin.patch(`/api/v1/custom-fields/${before.id}`, { active: false });
    expect(retired.body.data).toEqual({ ...res.body.data, active: false, updatedAt: expect.stringMatching(ISO) });
    expect((await org.as.agent.get("/api/v1/custom-fields")).body.data).toEqual([retired.body.data]);
  });

  it("checks ticket values against the definitions; a retired field's values are refused as unknown", async () => {
    const org = await makeOrg(h);
    const orderNo = await defineField(org.as.admin, { key: "order_no", type: "text", required: true });
    const reason = await defineField(org.as.admin, { key: "reason", type: "dropdown", options: ["refund", "lost"] });
    const missing = await org.as.agent.post("/api/v1/tickets", {
      subject: "x",
      requester: { email: uniqueEmail() },
      message: { body: "x" },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual({ "customFields.order_no": ["Required"] });
    const ticket = await openTicket(org.as.agent, { customFields: { order_no: " A-17 ", reason: "lost" } });
    expect(ticket.customFields).toEqual({ order_no: "A-17", reason: "lost" });
    const path = `/api/v1/tickets/${ticket.id}`;

    await org.as.admin.patch(`/api/v1/custom-fields/${reason.id}`, { options: ["refund", "exchange"] });
    const oldOption = await org.as.agent.patch(path, { customFields: { reason: "lost" } });
    expect(oldOption.status).toBe(400);
    expect(oldOption.body.fields).toEqual({ "customFields.reason": ["Expected one of: refund, exchange"] });

    expect((await org.as.admin.patch(`/api/v1/custom-fields/${orderNo.id}`, { active: false })).status).toBe(200);
    const retired = await org.as.agent.patch(path, { customFields: { order_no: "B-2" } });
    expect(retired.status).toBe(400);
    expect(retired.body).toMatchObject({
      code: "validation_failed",
      fields: { "customFields.order_no": ["Unknown field"] },
    });
    // A retired required field is no longer asked for, and what was stored stays.
    const next = await openTicket(org.as.agent);
    expect(next.customFields).toEqual({});
    const changed = await org.as.agent.patch(path, { customFields: { reason: "exchange" } });
    expect(changed.status).toBe(200);
    expect(changed.body.data.customFields).toEqual({ order_no: "A-17", reason: "exchange" });

    await org.as.admin.patch(`/api/v1/custom-fields/${orderNo.id}`, { active: true });
    const revived = await org.as.agent.patch(path, { customFields: { order_no: "B-2" } });
    expect(revived.status).toBe(200);
    expect(revived.body.data.customFields).toEqual({ order_no: "B-2", reason: "exchange" });
  });

  it("keeps ticket and customer fields apart", async () => {
    const org = await makeOrg(h);
    await defineField(org.as.admin, { entity: "customer", key: "tier", type: "dropdown", options: ["gold"] });
    const onTicket = await org.as.agent.post("/api/v1/tickets", {
      subject: "x",
      requester: { email: uniqueEmail() },
      message: { body: "x" },
      customFields: { tier: "gold" },
    });
    expect(onTicket.status).toBe(400);
    expect(onTicket.body.fields).toEqual({ "customFields.tier": ["Unknown field"] });
    const onCustomer = await org.as.agent.post("/api/v1/customers", {
      email: uniqueEmail(),
      customFields: { tier: "gold" },
    });
    expect(onCustomer.status).toBe(201);
    expect(onCustomer.body.data.customFields).toEqual({ tier: "gold" });
  });
});

describe("custom fields: rejects bad input", () => {
  it("refuses keys that do not start with a letter or hold other than a-z, 0-9 and _ (400 fields.key)", async () => {
    const org = await makeOrg(h);
    for (const key of ["1st", "_x", "Order", "order-no", "order no", "", "a".repeat(64), "ordér"]) {
      const res = await org.as.admin.post("/api/v1/custom-fields", { entity: "ticket", key, label: "L", type: "text" });
      expect(res.status, key).toBe(400);
      expect(Object.keys(res.body.fields), key).toEqual(["key"]);
    }
    await defineField(org.as.admin, { key: "a".repeat(63), type: "text" });
    expect((await org.as.agent.get("/api/v1/custom-fields")).body.data).toHaveLength(1);
  });

  it("refuses a key already used for the same entity (409 fields.key), in this organisation only", async () => {
    const org = await makeOrg(h);
    await defineField(org.as.admin, { key: "order_no", type: "text" });
    const dup = await org.as.admin.post("/api/v1/custom-fields", {
      entity: "ticket",
      key: "order_no",
      label: "Other",
      type: "number",
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "conflict", fields: { key: ["Already in use"] } });
    await defineField(org.as.admin, { entity: "customer", key: "order_no", type: "number" });
    await defineField((await makeOrg(h)).as.admin, { key: "order_no", type: "text" });
    expect(keys(await org.as.agent.get("/api/v1/custom-fields"))).toEqual(["customer.order_no", "ticket.order_no"]);
  });

  it("requires options for a dropdown and refuses them elsewhere (400 fields.options)", async () => {
    const org = await makeOrg(h);
    const post = (input: Input) =>
      org.as.admin.post("/api/v1/custom-fields", { entity: "ticket", label: "L", ...input });
    for (const [input, message] of [
      [{ key: "d", type: "dropdown" }, "A dropdown needs at least one option"],
      [{ key: "d", type: "dropdown", options: [] }, "A dropdown needs at least one option"],
      [{ key: "t", type: "text", options: ["a"] }, "Only a dropdown has options"],
      [{ key: "c", type: "checkbox", options: ["yes"] }, "Only a dropdown has options"],
      [{ key: "d", type: "dropdown", options: ["a", "b", "a"] }, "Options must be different from each other"],
    ] as const) {
      const res = await post(input);
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(res.body.fields, JSON.stringify(input)).toEqual({ options: [message] });
    }
    const blank = await post({ key: "d", type: "dropdown", options: ["ok", "  "] });
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.body.fields)).toEqual(["options.1"]);

    const text = await defineField(org.as.admin, { key: "t", type: "text" });
    const dropdown = await defineField(org.as.admin, { key: "d", type: "dropdown", options: ["a"] });
    for (const [id, options, message] of [
      [text.id, ["a"], "Only a dropdown has options"],
      [dropdown.id, [], "Needs at least one option"],
      [dropdown.id, ["a", "a"], "Options must be different from each other"],
    ] as const) {
      const res = await org.as.admin.patch(`/api/v1/custom-fields/${id}`, { options });
      expect(res.status, JSON.stringify(options)).toBe(400);
      expect(res.body).toMatchObject({ code: "validation_failed", fields: { options: [message] } });
    }
    expect((await org.as.agent.get("/api/v1/custom-fields")).body.data).toEqual([dropdown, text]);
  });

  it("never changes the key, type or entity, and rejects wrong types, unknown ids and bad filters", async () => {
    const org = await makeOrg(h);
    const field = await defineField(org.as.admin, { key: "order_no", type: "text" });
    const path = `/api/v1/custom-fields/${field.id}`;
    const fixed = await org.as.admin.patch(path, { key: "renamed", type: "number", entity: "customer", orgId: GHOST });
    expect(fixed.status).toBe(400);
    expect(fixed.body.fields).toEqual({
      key: ["Unknown field"],
      type: ["Unknown field"],
      entity: ["Unknown field"],
      orgId: ["Unknown field"],
    });
    const wrong = await org.as.admin.patch(path, { label: " ", required: "yes", position: -1 });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.fields).sort()).toEqual(["label", "position", "required"]);
    const create = await org.as.admin.post("/api/v1/custom-fields", { entity: "order", key: "x", type: "colour" });
    expect(create.status).toBe(400);
    expect(Object.keys(create.body.fields).sort()).toEqual(["entity", "label", "type"]);
    expect((await org.as.agent.get(`/api/v1/custom-fields`)).body.data).toEqual([field]);

    const ghost = await org.as.admin.patch(`/api/v1/custom-fields/${GHOST}`, { label: "x" });
    expect(ghost.status).toBe(404);
    expect(ghost.body.code).toBe("not_found");
    expect((await org.as.admin.patch("/api/v1/custom-fields/nope", { label: "x" })).body.fields).toEqual({
      id: ["Invalid UUID"],
    });
    for (const query of ["entity=order", "entity=", "limit=5"]) {
      expect((await org.as.agent.get(`/api/v1/custom-fields?${query}`)).status, query).toBe(400);
    }
  });
});

describe("custom fields: refuse the wrong user", () => {
  it("answers 403 to every role but admin on writes, and changes nothing", async () => {
    const org = await makeOrg(h);
    const field = await defineField(org.as.admin, { key: "keep", type: "text" });
    for (const role of NON_ADMINS) {
      for (const res of [
        await org.as[role].post("/api/v1/custom-fields", { entity: "ticket", key: role, label: role, type: "text" }),
        await org.as[role].patch(`/api/v1/custom-fields/${field.id}`, { active: false, label: "Taken" }),
      ]) {
        expect(res.status, role).toBe(403);
        expect(res.body.code).toBe("forbidden");
      }
    }
    expect((await org.as.admin.get("/api/v1/custom-fields")).body.data).toEqual([field]);
  });

  it("lets every role list the definitions", async () => {
    const org = await makeOrg(h);
    const field = await defineField(org.as.admin, { key: "order_no", type: "text" });
    for (const role of [...NON_ADMINS, "admin"] as const) {
      const res = await org.as[role].get("/api/v1/custom-fields?entity=ticket");
      expect(res.status, role).toBe(200);
      expect(res.body).toEqual({ data: [field] });
    }
  });
});
