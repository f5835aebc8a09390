import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp, testLimiter } from "../../../test/harness";
import { startRelay } from "../../../test/smtp-relay";
import { customer, sendSurveysAtOnce, surveyed } from "../../../test/surveys";
import { createApp } from "../../app";
import { rowsOf } from "../../platform/db";
import { sha256 } from "../../platform/ids";
import { inOrg } from "../../platform/tenancy";

let h: Awaited<ReturnType<typeof testApp>>;
let relay: Awaited<ReturnType<typeof startRelay>>;
let org: TestOrg;

const QUESTIONS = [
  { id: "reason", label: { en: "What was it about?", de: "Worum ging es?" }, kind: "text" },
  {
    id: "channel",
    label: "How did you reach us?",
    kind: "choice",
    options: [
      { id: "mail", label: "By mail" },
      { id: "phone", label: "By phone" },
    ],
  },
];

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp();
  org = await makeOrg(h);
  await sendSurveysAtOnce(org, { nps: true, questions: QUESTIONS });
});
afterAll(() => relay.close());

const read = (token: string) => customer(h).get(`/api/v1/surveys/${token}`);
const answer = (token: string, body: unknown) => customer(h).post(`/api/v1/surveys/${token}`, body);

/** The stored responses of a ticket. */
const responsesOf = (o: TestOrg, ticketId: string) =>
  inOrg(h.deps.database, o.orgId, async ({ tx }) =>
    rowsOf<{ rating: number; nps: number | null; comment: string | null; answers: unknown; same: boolean }>(
      await tx.execute(sql`SELECT rating, nps, comment, answers, created_at = updated_at AS same
        FROM survey_responses WHERE ticket_id = ${ticketId}`),
    ),
  );

const escalationsOf = async (o: TestOrg, ticketId: string) =>
  (await o.as.supervisor.get(`/api/v1/tickets/${ticketId}/escalations`)).body.data as Record<string, unknown>[];

describe("answering a survey works", () => {
  it("stores one response per ticket: a second answer changes it, keeping what it leaves out", async () => {
    const { ticket, token } = await surveyed(h, relay, org);
    const shown = await read(token);
    expect(shown.body.data).toMatchObject({ nps: true, questions: QUESTIONS, response: null });
    expect(await responsesOf(org, ticket.id)).toEqual([]);

    const first = await answer(token, {
      rating: 4,
      nps: 9,
      comment: "Quick and kind",
      answers: { reason: "Kettle", channel: "mail" },
    });
    expect(first.status).toBe(201);
    expect(first.body.data.response).toMatchObject({
      rating: 4,
      nps: 9,
      comment: "Quick and kind",
      answers: { reason: "Kettle", channel: "mail" },
    });
    // A one-click rating from the mail later: the rest stays.
    const second = await answer(token, { rating: 5 });
    expect(second.status).toBe(200);
    expect(second.body.data.response).toMatchObject({ rating: 5, nps: 9, comment: "Quick and kind" });
    const third = await answer(token, { rating: 5, comment: null, nps: null, answers: { channel: "phone" } });
    expect(third.body.data.response).toMatchObject({
      rating: 5,
      nps: null,
      comment: null,
      answers: { channel: "phone" },
    });
    expect(await responsesOf(org, ticket.id)).toEqual([
      { rating: 5, nps: null, comment: null, answers: { channel: "phone" }, same: false },
    ]);
    expect((await read(token)).body.data.response).toMatchObject({ rating: 5, answers: { channel: "phone" } });
  });

  it("opens one bad_rating escalation with the comment when a rating turns bad, not again while it stays bad", async () => {
    const { ticket, token } = await surveyed(h, relay, org);
    await answer(token, { rating: 4 });
    expect(await escalationsOf(org, ticket.id)).toEqual([]);
    await answer(token, { rating: 2, comment: "Nobody answered my second mail" });
    const [escalation, ...none] = await escalationsOf(org, ticket.id);
    expect(none).toEqual([]);
    expect(escalation).toMatchObject({
      type: "bad_rating",
      reason: "bad_rating",
      level: 1,
      status: "open",
      note: "2/5 — Nobody answered my second mail",
      createdBy: { type: "customer", id: ticket.requesterId, name: "Ana Pop" },
    });
    expect(escalation!.reasonLabels).toMatchObject({ en: "Low satisfaction rating" });
    // Bad to bad: nothing new, even once the first escalation is resolved.
    await answer(token, { rating: 1 });
    await org.as.supervisor.post(`/api/v1/escalations/${escalation!.id}/resolve`, { outcome: "no_action" });
    await answer(token, { rating: 2 });
    expect(await escalationsOf(org, ticket.id)).toHaveLength(1);
    // Good, then bad again: a new one (the comment stays, as a one-click rating leaves it).
    await answer(token, { rating: 5 });
    await answer(token, { rating: 1 });
    const after = await escalationsOf(org, ticket.id);
    expect(after.map((e) => [e.type, e.status, e.note])).toEqual([
      ["bad_rating", "open", "1/5 — Nobody answered my second mail"],
      ["bad_rating", "resolved", "2/5 — Nobody answered my second mail"],
    ]);
  });

  it("escalates a closed ticket's bad rating, and none at all when the threshold is 0", async () => {
    const { ticket, token } = await surveyed(h, relay, org);
    expect((await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "closed" })).status).toBe(200);
    expect((await answer(token, { rating: 1 })).status).toBe(201);
    expect((await escalationsOf(org, ticket.id)).map((e) => e.type)).toEqual(["bad_rating"]);
    expect((await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data).toMatchObject({
      status: "closed",
      escalationLevel: 1,
    });

    const o = await makeOrg(h);
    await sendSurveysAtOnce(o, { badRatingAtOrBelow: 0 });
    const quiet = await surveyed(h, relay, o);
    await answer(quiet.token, { rating: 1 });
    expect(await escalationsOf(o, quiet.ticket.id)).toEqual([]);
  });
});

describe("answering a survey refuses bad input", () => {
  it("answers 404 to unknown, malformed and expired links, the same way, writing nothing", async () => {
    const { ticket, token } = await surveyed(h, relay, org);
    const unknown = "A".repeat(43);
    const expected = [404, "not_found", "This survey link is not valid or has expired"];
    for (const t of [unknown, "short", `${token}x`, token.slice(0, 42), `${token.slice(0, 42)}.`, "{token}"]) {
      for (const res of [await read(t), await answer(t, { rating: 3 })]) {
        expect([res.status, res.body.code, res.body.detail], t).toEqual(expected);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
      }
    }
    await inOrg(h.deps.database, org.orgId, ({ tx }) =>
      tx.execute(
        sql`UPDATE survey_requests SET expires_at = now() - interval '1 second' WHERE ticket_id = ${ticket.id}`,
      ),
    );
    for (const res of [await read(token), await answer(token, { rating: 3 })]) {
      expect([res.status, res.body.code, res.body.detail]).toEqual(expected);
    }
    expect(await responsesOf(org, ticket.id)).toEqual([]);
  });

  it("answers 400 naming the failing field of a malformed answer, 422 for one the survey cannot take", async () => {
    const { ticket, token } = await surveyed(h, relay, org);
    const malformed: [unknown, string][] = [
      [{}, "rating"],
      [{ rating: 0 }, "rating"],
      [{ rating: 6 }, "rating"],
      [{ rating: 2.5 }, "rating"],
      [{ rating: "5" }, "rating"],
      [{ rating: 3, nps: 11 }, "nps"],
      [{ rating: 3, comment: "x".repeat(5001) }, "comment"],
      [{ rating: 3, answers: { reason: 7 } }, "answers.reason"],
      [{ rating: 3, ticketId: ticket.id }, "ticketId"],
    ];
    for (const [body, field] of malformed) {
      const res = await answer(token, body);
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([400, "validation_failed"]);
      expect(Object.keys(res.body.fields), JSON.stringify(body)).toContain(field);
    }
    const unknownQuestion = await answer(token, { rating: 3, answers: { shoeSize: "42", channel: "fax" } });
    expect([unknownQuestion.status, unknownQuestion.body.fields]).toEqual([
      422,
      { "answers.shoeSize": ["Unknown question"], "answers.channel": ["Not one of the options"] },
    ]);
    const o = await makeOrg(h);
    await sendSurveysAtOnce(o);
    const noNps = await surveyed(h, relay, o);
    const nps = await answer(noNps.token, { rating: 3, nps: 8 });
    expect([nps.status, nps.body.fields]).toEqual([422, { nps: ["This survey does not ask it"] }]);
    expect(await responsesOf(org, ticket.id)).toEqual([]);
  });

  it("refuses an answer posted from another site's page", async () => {
    const { ticket, token } = await surveyed(h, relay, org);
    const res = await customer(h).post(`/api/v1/surveys/${token}`, { rating: 1 }, { origin: "https://evil.example" });
    expect([res.status, res.body.code]).toEqual([403, "csrf_failed"]);
    expect(await responsesOf(org, ticket.id)).toEqual([]);
  });
});

describe("survey links are what they should be", () => {
  it("carry 256 random bits, only their hash at rest, and reading one writes nothing", async () => {
    // One after another: runners started together may each deliver the others' surveys.
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) tokens.push((await surveyed(h, relay, org)).token);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(3);
    const stored = await inOrg(h.deps.database, org.orgId, async ({ tx }) =>
      rowsOf<{ n: number }>(
        await tx.execute(sql`SELECT count(*)::int AS n FROM survey_requests
          WHERE token_hash IN (${sql.join(
            tokens.map((t) => sql`${t}`),
            sql`, `,
          )})`),
      ),
    );
    expect(stored).toEqual([{ n: 0 }]);
    const { ticket, token } = await surveyed(h, relay, org);
    for (let i = 0; i < 3; i++) expect((await read(token)).status).toBe(200);
    expect(await responsesOf(org, ticket.id)).toEqual([]);
  });

  it("reach only their own organisation's survey, and another organisation sees none of its rows", async () => {
    const { ticket, token } = await surveyed(h, relay, org);
    const other = await makeOrg(h);
    await answer(token, { rating: 2, comment: "Slow" });
    const seen = await inOrg(h.deps.database, other.orgId, async ({ tx }) =>
      rowsOf<{ n: number }>(
        await tx.execute(sql`SELECT (SELECT count(*) FROM survey_requests)::int + (SELECT count(*) FROM survey_responses)::int
          + (SELECT count(*) FROM survey_settings)::int AS n`),
      ),
    );
    expect(seen).toEqual([{ n: 0 }]);
    // Another organisation's staff cannot reach the ticket, its escalation or its survey settings.
    expect((await other.as.admin.get(`/api/v1/tickets/${ticket.id}/escalations`)).status).toBe(404);
    expect((await other.as.admin.get("/api/v1/settings/surveys")).body.data.questions).toEqual([]);
    // A lookup by token alone shows only that token's row, and nothing else of its organisation.
    const lookup = await h.deps.database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('app.survey_token_hash', ${"f".repeat(64)}, true)`);
      return rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM survey_requests`));
    });
    expect(lookup).toEqual([{ n: 0 }]);
    const own = await h.deps.database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('app.survey_token_hash', ${sha256(token)}, true)`);
      return rowsOf<{ ticket_id: string }>(await tx.execute(sql`SELECT ticket_id FROM survey_requests`));
    });
    expect(own).toEqual([{ ticket_id: ticket.id }]);
  });

  it("never reach a log line, on the page's address or the API's", async () => {
    const { token } = await surveyed(h, relay, org);
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp(
      { ...h.deps, log: pino({ level: "debug" }, sink) },
      { webDist: path.join(os.tmpdir(), "frontline-no-web"), limiter: testLimiter(h.deps.database) },
    );
    const client = new Client(app);
    expect((await client.get(`/api/v1/surveys/${token}`)).status).toBe(200);
    expect((await client.post(`/api/v1/surveys/${token}`, { rating: 4 })).status).toBe(201);
    await client.get(`/s/${token}?rating=4`);
    const logged = lines.join("");
    expect(logged).toContain('"path":"/api/v1/surveys/…"');
    expect(logged).toContain('"path":"/s/…"');
    expect(logged).not.toContain(token);
  });

  it("are limited per client address (429 with Retry-After)", async () => {
    const limited = await testApp();
    const client = new Client(limited.app);
    const statuses = [];
    for (let i = 0; i < 61; i++) statuses.push((await client.get("/api/v1/surveys/not-a-token")).status);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    const refused = await client.get("/api/v1/surveys/not-a-token");
    expect([refused.status, refused.body.code]).toEqual([429, "rate_limited"]);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
