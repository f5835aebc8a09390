import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const PATH = "/api/v1/settings/surveys";
const DEFAULTS = {
  enabled: true,
  delayMinutes: 60,
  nps: false,
  questions: [],
  badRatingAtOrBelow: 2,
  expiresDays: 30,
};
const QUESTIONS = [
  { id: "reason", label: { en: "What was it about?", de: "Worum ging es?" }, kind: "text" },
  {
    id: "channel",
    label: "How did you reach us?",
    kind: "choice",
    options: [
      { id: "mail", label: { en: "By mail", ro: "Prin e-mail" } },
      { id: "phone", label: "By phone" },
    ],
  },
];

describe("survey settings work", () => {
  it("start with the defaults, which supervisors and above may read", async () => {
    const o = await makeOrg(h);
    for (const role of ["supervisor", "manager", "admin"] as const) {
      const res = await o.as[role].get(PATH);
      expect([res.status, res.body], role).toEqual([200, { data: DEFAULTS }]);
    }
  });

  it("let an admin change some settings, keeping the others, each change audited", async () => {
    const o = await makeOrg(h);
    const first = await o.as.admin.patch(PATH, { enabled: false, delayMinutes: 15, nps: true, questions: QUESTIONS });
    expect([first.status, first.body]).toEqual([
      200,
      { data: { ...DEFAULTS, enabled: false, delayMinutes: 15, nps: true, questions: QUESTIONS } },
    ]);
    const second = await o.as.admin.patch(PATH, { badRatingAtOrBelow: 3, expiresDays: 7 });
    const expected = {
      ...DEFAULTS,
      enabled: false,
      delayMinutes: 15,
      nps: true,
      questions: QUESTIONS,
      badRatingAtOrBelow: 3,
      expiresDays: 7,
    };
    expect(second.body.data).toEqual(expected);
    expect((await o.as.supervisor.get(PATH)).body.data).toEqual(expected);
    const audit = (await o.as.admin.get("/api/v1/audit-events?action=survey_settings.updated")).body.data;
    expect(audit.map((e: { changes: unknown; actor: unknown }) => e.changes)).toEqual([
      { badRatingAtOrBelow: [2, 3], expiresDays: [30, 7] },
      { enabled: [true, false], delayMinutes: [60, 15], nps: [false, true], questions: [[], QUESTIONS] },
    ]);
  });
});

describe("survey settings refuse bad input", () => {
  it("answers 400 naming each failing field, and changes nothing", async () => {
    const o = await makeOrg(h);
    const question = (id: string) => ({ id, label: "Q", kind: "text" });
    const cases: [unknown, string][] = [
      [{}, "body"],
      [{ delayMinutes: -1 }, "delayMinutes"],
      [{ delayMinutes: 1.5 }, "delayMinutes"],
      [{ delayMinutes: 7 * 24 * 60 + 1 }, "delayMinutes"],
      [{ badRatingAtOrBelow: 5 }, "badRatingAtOrBelow"],
      [{ expiresDays: 0 }, "expiresDays"],
      [{ enabled: "yes" }, "enabled"],
      [{ orgId: o.orgId }, "orgId"],
      [{ questions: ["a", "b", "c", "d", "e", "f"].map(question) }, "questions"],
      [{ questions: [question("a"), question("a")] }, "questions.1.id"],
      [{ questions: [{ id: "a", label: "", kind: "text" }] }, "questions.0.label"],
      [{ questions: [{ id: "a", label: {}, kind: "text" }] }, "questions.0.label"],
      [{ questions: [{ id: "has space", label: "Q", kind: "text" }] }, "questions.0.id"],
      [
        { questions: [{ id: "a", label: "Q", kind: "choice", options: [{ id: "x", label: "X" }] }] },
        "questions.0.options",
      ],
      [{ questions: [{ id: "a", label: "Q", kind: "rating" }] }, "questions.0.kind"],
    ];
    for (const [body, field] of cases) {
      const res = await o.as.admin.patch(PATH, body);
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([400, "validation_failed"]);
      expect(Object.keys(res.body.fields), JSON.stringify(body)).toContain(field);
    }
    expect((await o.as.admin.get(PATH)).body.data).toEqual(DEFAULTS);
  });
});

describe("survey settings refuse the wrong people", () => {
  it("let only admins change them (403 otherwise), and agents not even read them", async () => {
    const o = await makeOrg(h);
    for (const role of ["agent", "supervisor", "manager"] as const) {
      const res = await o.as[role].patch(PATH, { enabled: false });
      expect([res.status, res.body.code], role).toEqual([403, "forbidden"]);
    }
    expect((await o.as.agent.get(PATH)).status).toBe(403);
    expect((await o.as.admin.get(PATH)).body.data.enabled).toBe(true);
  });

  it("keep each organisation's settings its own", async () => {
    const [a, b] = [await makeOrg(h), await makeOrg(h)];
    await a.as.admin.patch(PATH, { enabled: false, questions: QUESTIONS });
    expect((await b.as.admin.get(PATH)).body.data).toEqual(DEFAULTS);
    await b.as.admin.patch(PATH, { delayMinutes: 5 });
    expect((await a.as.admin.get(PATH)).body.data).toMatchObject({ enabled: false, delayMinutes: 60 });
  });
});
