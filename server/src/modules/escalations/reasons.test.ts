import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { DEFAULT_PHRASES } from "./defaults";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const CODES = [
  "angry_customer",
  "refund_above_limit",
  "legal_threat",
  "technical_expertise",
  "vip",
  "repeated_contact",
  "customer_request",
  "sla_breach",
  "other",
  "bad_rating",
];

describe("escalation reasons and phrases work", () => {
  it("starts every organisation with the built-in reasons, labelled in all five languages", async () => {
    const o = await makeOrg(h);
    const reasons = (await o.as.agent.get("/api/v1/escalation-reasons")).body.data;
    expect(reasons.map((r: { code: string }) => r.code)).toEqual(CODES);
    expect(reasons[0]).toEqual({
      code: "angry_customer",
      labels: {
        en: "Angry customer",
        ro: "Client nervos",
        de: "Verärgerter Kunde",
        ru: "Рассерженный клиент",
        ar: "عميل غاضب",
      },
      active: true,
      position: 0,
      builtIn: true,
    });
    for (const r of reasons) expect(Object.keys(r.labels).sort(), r.code).toEqual(["ar", "de", "en", "ro", "ru"]);
  });

  it("lets an admin add, relabel, move and retire reasons, each step audited", async () => {
    const o = await makeOrg(h);
    const added = await o.as.admin.post("/api/v1/escalation-reasons", {
      code: "fraud_suspected",
      labels: { en: "Fraud suspected", de: "Betrugsverdacht" },
    });
    expect([added.status, added.body.data]).toEqual([
      201,
      {
        code: "fraud_suspected",
        labels: { en: "Fraud suspected", de: "Betrugsverdacht" },
        active: true,
        position: 100,
        builtIn: false,
      },
    ]);
    const moved = await o.as.admin.patch("/api/v1/escalation-reasons/fraud_suspected", { position: 5 });
    expect(moved.body.data.position).toBe(5);
    const retired = await o.as.admin.patch("/api/v1/escalation-reasons/vip", {
      active: false,
      labels: { en: "Very important customer" },
    });
    expect(retired.body.data).toEqual({
      code: "vip",
      labels: { en: "Very important customer" },
      active: false,
      position: 40,
      builtIn: true,
    });
    const codes = (await o.as.agent.get("/api/v1/escalation-reasons")).body.data.map((r: { code: string }) => r.code);
    expect(codes).toEqual(["angry_customer", "fraud_suspected", ...CODES.slice(1)]);
    const audit = (await o.as.admin.get("/api/v1/audit-events?entityType=escalation_reason")).body.data;
    expect(audit.map((a: { action: string; entityId: string }) => [a.action, a.entityId])).toEqual([
      ["escalation_reason.updated", "vip"],
      ["escalation_reason.updated", "fraud_suspected"],
      ["escalation_reason.created", "fraud_suspected"],
    ]);
  });

  it("lets an admin change one language's phrases and return it to the defaults", async () => {
    const o = await makeOrg(h);
    const initial = (await o.as.admin.get("/api/v1/escalation-phrases")).body.data;
    expect(initial.de).toEqual({ phrases: DEFAULT_PHRASES.de, custom: false });
    expect(Object.keys(initial).sort()).toEqual(["ar", "de", "en", "ro", "ru"]);
    const changed = await o.as.admin.patch("/api/v1/escalation-phrases", {
      de: ["Chefetage*", "Chefetage*", "  Beschwerdestelle "],
      ar: ["مدير القسم"],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data.de).toEqual({ phrases: ["Chefetage*", "Beschwerdestelle"], custom: true });
    expect(changed.body.data.ar).toEqual({ phrases: ["مدير القسم"], custom: true });
    expect(changed.body.data.en).toEqual({ phrases: DEFAULT_PHRASES.en, custom: false });
    const back = await o.as.admin.patch("/api/v1/escalation-phrases", { de: null });
    expect(back.body.data.de).toEqual({ phrases: DEFAULT_PHRASES.de, custom: false });
    expect(back.body.data.ar.custom).toBe(true);
    const audit = (await o.as.admin.get("/api/v1/audit-events?action=escalation_phrases.updated")).body.data;
    expect(audit).toHaveLength(2);
  });
});

describe("escalation settings reject bad input, changing nothing", () => {
  it("names the field: code format, a code in use, missing labels, an unknown language, a misplaced *", async () => {
    const o = await makeOrg(h);
    const cases: [string, string, unknown, number, string[]][] = [
      ["POST", "/api/v1/escalation-reasons", { code: "Bad Code", labels: { en: "x" } }, 400, ["code"]],
      ["POST", "/api/v1/escalation-reasons", { code: "vip", labels: { en: "Again" } }, 409, ["code"]],
      ["POST", "/api/v1/escalation-reasons", { code: "no_labels", labels: {} }, 400, ["labels"]],
      [
        "POST",
        "/api/v1/escalation-reasons",
        { code: "french", labels: { en: "French", fr: "Français" } },
        400,
        ["labels.fr"],
      ],
      ["PATCH", "/api/v1/escalation-reasons/vip", { labels: { en: "", de: "Wichtig" } }, 400, ["labels.en"]],
      ["PATCH", "/api/v1/escalation-reasons/vip", { code: "renamed" }, 400, ["code"]],
      ["PATCH", "/api/v1/escalation-phrases", { de: ["Chef*etage"] }, 400, ["de.0"]],
      ["PATCH", "/api/v1/escalation-phrases", { de: ["x"] }, 400, ["de.0"]],
      ["PATCH", "/api/v1/escalation-phrases", { en: ["get me a boss"], fr: ["chef"] }, 400, ["fr"]],
      ["PATCH", "/api/v1/escalation-phrases", {}, 400, ["body"]],
    ];
    for (const [method, path, body, status, fields] of cases) {
      const res = await o.as.admin.send(method, path, body);
      expect([res.status, Object.keys(res.body.fields ?? {})], JSON.stringify(body)).toEqual([status, fields]);
    }
    const unknown = await o.as.admin.patch("/api/v1/escalation-reasons/never_made", { active: false });
    expect([unknown.status, unknown.body.code]).toEqual([404, "not_found"]);
    expect((await o.as.agent.get("/api/v1/escalation-reasons")).body.data.map((r: { code: string }) => r.code)).toEqual(
      CODES,
    );
    expect((await o.as.admin.get("/api/v1/escalation-phrases")).body.data.de.custom).toBe(false);
  });
});

describe("escalation settings refuse the wrong user", () => {
  it("leaves changes and the phrases to admins (403), and another organisation's reasons unknown (404)", async () => {
    const a = await makeOrg(h);
    const b = await makeOrg(h);
    await a.as.admin.post("/api/v1/escalation-reasons", { code: "a_secret_reason", labels: { en: "A's own" } });
    for (const role of ["agent", "supervisor", "manager"] as const) {
      for (const res of [
        await a.as[role].post("/api/v1/escalation-reasons", { code: "mine", labels: { en: "Mine" } }),
        await a.as[role].patch("/api/v1/escalation-reasons/vip", { active: false }),
        await a.as[role].get("/api/v1/escalation-phrases"),
        await a.as[role].patch("/api/v1/escalation-phrases", { en: ["help me"] }),
      ]) {
        expect([res.status, res.body.code], role).toEqual([403, "forbidden"]);
      }
    }
    const foreign = await b.as.admin.patch("/api/v1/escalation-reasons/a_secret_reason", { active: false });
    expect(foreign.status).toBe(404);
    expect((await b.as.agent.get("/api/v1/escalation-reasons")).body.data.map((r: { code: string }) => r.code)).toEqual(
      CODES,
    );
    const ticket = (
      await b.as.agent.post("/api/v1/tickets", {
        subject: "x",
        requester: { email: "x@example.test" },
        message: { body: "x" },
      })
    ).body.data;
    const used = await b.as.agent.post(`/api/v1/tickets/${ticket.id}/escalations`, { reason: "a_secret_reason" });
    expect([used.status, used.body.fields]).toEqual([422, { reason: ["Unknown or retired reason"] }]);
    const aList = (await a.as.agent.get("/api/v1/escalation-reasons")).body.data;
    expect(aList.find((r: { code: string }) => r.code === "a_secret_reason")).toMatchObject({ active: true });
  });
});
