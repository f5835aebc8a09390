import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeOrg, signedIn, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { mailsTo } from "../../../test/portal";
import { startRelay } from "../../../test/smtp-relay";
import { customer, deliverSurveys, surveyTokenIn } from "../../../test/surveys";
import { systemCtx } from "../../platform/context";
import { JobRunner } from "../../platform/jobs";
import { inOrg } from "../../platform/tenancy";
import { registerSlaJobs } from "../sla";
import { addCustomerMessage, findTicket } from "../tickets";

// A small week of known history, every figure worked out by hand below. The calendar is Monday to
// Friday, 09:00–17:00 UTC; Monday 2 March 2026 starts the week. Only the clock is faked.

let h: Awaited<ReturnType<typeof testApp>>;
let relay: Awaited<ReturnType<typeof startRelay>>;
let org: TestOrg;
let teamId: string;
const ids: Record<string, string> = {};
const customers: Record<string, string> = {};

const at = (iso: string) => vi.setSystemTime(new Date(iso));
/** A session begun at the faked moment: an older one would have lapsed in the faked days between. */
const as = (role: "agent" | "supervisor" | "manager" | "admin") => signedIn(h, org.orgId, org.users[role].id);

async function ticket(key: string, when: string, extra: Record<string, unknown>) {
  at(when);
  customers[key] = uniqueEmail(key.toLowerCase());
  const res = await (await as("agent")).post("/api/v1/tickets", {
    subject: `Ticket ${key}`,
    requester: { email: customers[key], name: `Customer ${key}` },
    message: { body: "My order has not arrived" },
    channel: "email",
    assigneeId: org.users.agent.id,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[key] = res.body.data.id;
}

async function reply(key: string, when: string, status?: string) {
  at(when);
  const res = await (await as("agent")).post(`/api/v1/tickets/${ids[key]}/messages`, {
    kind: "reply",
    body: "Here is what we found",
    ...(status ? { status } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function customerWrites(key: string, when: string) {
  at(when);
  await inOrg(h.deps.database, org.orgId, async (s) => {
    const t = (await findTicket(s, ids[key]!))!;
    const ctx = systemCtx(h.deps, org.orgId);
    await addCustomerMessage(s, ctx, t, { customerId: t.requesterId, body: "Any news?", channel: "email", files: [] });
  });
}

/** The survey of a solved ticket goes out at once; the customer answers it at `when`. */
async function surveyOut(key: string) {
  await deliverSurveys(h, relay, [org.orgId], new Date());
  expect(await mailsTo(relay, customers[key]!)).toHaveLength(1);
}
async function rate(key: string, when: string, answer: { rating: number; nps: number }) {
  at(when);
  const token = surveyTokenIn((await mailsTo(relay, customers[key]!))[0]!.text);
  expect((await customer(h).post(`/api/v1/surveys/${token}`, answer)).status).toBe(201);
}

async function checkSla(when: string) {
  at(when);
  const runner = new JobRunner(h.deps, { nodeId: `metrics-${when}`, orgIds: [org.orgId] });
  registerSlaJobs(runner);
  await runner.runDue(new Date(when));
}

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` });
  vi.useFakeTimers({ toFake: ["Date"] });
  at("2026-02-20T08:00:00Z");
  org = await makeOrg(h);
  const cal = await (await as("admin")).post("/api/v1/business-calendars", {
    name: "Office",
    timeZone: "UTC",
    hours: ["mon", "tue", "wed", "thu", "fri"].map((day) => ({ day, open: "09:00", close: "17:00" })),
    holidays: [],
    isDefault: true,
  });
  expect(cal.status, JSON.stringify(cal.body)).toBe(201);
  const team = await (await as("admin")).post("/api/v1/teams", {
    name: "Billing",
    memberIds: [org.users.agent.id, org.users.supervisor.id],
  });
  teamId = team.body.data.id;
  const policy = await (await as("admin")).post("/api/v1/sla-policies", {
    name: "High",
    conditions: { priority: ["high"] },
    targets: {
      firstReply: { minutes: 60, businessTime: false },
      resolution: { minutes: 480, businessTime: false },
    },
    warnBeforeMinutes: 0,
  });
  expect(policy.status, JSON.stringify(policy.body)).toBe(201);
  // Surveys go out as soon as a ticket is solved, with the NPS question; only a 1 asks a supervisor.
  const surveys = await (await as("admin")).patch("/api/v1/settings/surveys", {
    delayMinutes: 0,
    nps: true,
    badRatingAtOrBelow: 1,
  });
  expect(surveys.status, JSON.stringify(surveys.body)).toBe(200);

  // The week before: T0 answered in 30 minutes and solved after an hour.
  await ticket("T0", "2026-02-25T10:00:00Z", { tags: ["refund"] });
  await reply("T0", "2026-02-25T10:30:00Z", "solved");
  await surveyOut("T0");
  // The agent is online on Monday from 07:00 to 17:00 only.
  at("2026-03-02T07:00:00Z");
  expect((await (await as("agent")).put("/api/v1/me/presence", { status: "online" })).status).toBe(200);
  // T1: arrives before opening, misses its first-reply promise at 09:00, answered at 10:00, solved at noon.
  await ticket("T1", "2026-03-02T08:00:00Z", { priority: "high", teamId, tags: ["refund"] });
  await checkSla("2026-03-02T09:05:00Z");
  await reply("T1", "2026-03-02T10:00:00Z");
  at("2026-03-02T12:00:00Z");
  await (await as("agent")).patch(`/api/v1/tickets/${ids.T1}`, { status: "solved" });
  await surveyOut("T1");
  await rate("T1", "2026-03-02T12:30:00Z", { rating: 5, nps: 10 });
  // T2: answered in 30 minutes and left waiting on the customer (the clocks pause), who writes on
  // Tuesday at 10:00; answered and solved at 11:00.
  await ticket("T2", "2026-03-02T13:00:00Z", { priority: "high", teamId, tags: ["refund", "late"] });
  await reply("T2", "2026-03-02T13:30:00Z", "pending");
  at("2026-03-02T17:00:00Z");
  expect((await (await as("agent")).put("/api/v1/me/presence", { status: "offline" })).status).toBe(200);
  await customerWrites("T2", "2026-03-03T10:00:00Z");
  await reply("T2", "2026-03-03T11:00:00Z", "solved");
  await surveyOut("T2");
  await rate("T2", "2026-03-03T12:00:00Z", { rating: 2, nps: 3 });
  // The manager is online for an idle hour on Tuesday afternoon.
  at("2026-03-03T15:00:00Z");
  expect((await (await as("manager")).put("/api/v1/me/presence", { status: "online" })).status).toBe(200);
  at("2026-03-03T16:00:00Z");
  expect((await (await as("manager")).put("/api/v1/me/presence", { status: "away" })).status).toBe(200);
  // T3 (by phone): solved with the first answer, reopened by the customer at noon, solved again at 13:00.
  await ticket("T3", "2026-03-04T09:00:00Z", { channel: "phone", tags: ["refund"] });
  await reply("T3", "2026-03-04T09:15:00Z", "solved");
  await surveyOut("T3");
  await customerWrites("T3", "2026-03-04T12:00:00Z");
  await reply("T3", "2026-03-04T13:00:00Z", "solved");
  // T4: escalated half an hour after it came, taken at closing time, resolved next morning; still open.
  await ticket("T4", "2026-03-05T16:00:00Z", { teamId, assigneeId: org.users.supervisor.id });
  at("2026-03-05T16:30:00Z");
  const esc = await (await as("agent")).post(`/api/v1/tickets/${ids.T4}/escalations`, { reason: "angry_customer" });
  expect(esc.status, JSON.stringify(esc.body)).toBe(201);
  at("2026-03-05T17:00:00Z");
  expect((await (await as("supervisor")).post(`/api/v1/escalations/${esc.body.data.id}/take`, {})).status).toBe(200);
  at("2026-03-06T10:00:00Z");
  const resolved = await (await as("supervisor")).post(`/api/v1/escalations/${esc.body.data.id}/resolve`, {
    outcome: "resolved_by_supervisor",
  });
  expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
  // T5: arrives half an hour before closing on Friday, answered after hours, waits on the customer.
  await ticket("T5", "2026-03-06T16:30:00Z", { tags: ["late"], assigneeId: org.users.supervisor.id });
  await reply("T5", "2026-03-06T18:00:00Z", "pending");
  at("2026-03-10T08:00:00Z");
}, 60_000);

afterAll(async () => {
  vi.useRealTimers();
  await relay?.close();
});

const WEEK = "from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z";
const summary = async (query = "", role: "agent" | "supervisor" | "manager" = "manager") => {
  const res = await (await as(role)).get(`/api/v1/metrics/summary?${WEEK}${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
};

describe("metrics over a known week", () => {
  it("count tickets created, solved and reopened, and the backlog", async () => {
    const m = await summary();
    expect(m).toMatchObject({
      ticketsCreated: 5,
      ticketsSolved: 3,
      ticketsReopened: 1,
      resolutionRate: 0.6,
      firstContactResolution: 1 / 3,
      reopenRate: 1 / 3,
      repliesPerTicket: 1.67,
      backlog: { open: 2 },
    });
    expect(m.previous).toMatchObject({
      from: "2026-02-23T00:00:00.000Z",
      to: "2026-03-02T00:00:00.000Z",
      ticketsCreated: 1,
      ticketsSolved: 1,
      firstReplyTime: { count: 1, median: 1800, p90: 1800 },
      fullResolutionTime: { count: 1, median: 1800, p90: 1800 },
    });
  });

  it("measure reply and resolution times around the clock", async () => {
    const m = await summary();
    // First replies: T3 900, T2 1800, T5 5400, T1 7200 → median 3600, p90 5400 + 0.7 × 1800.
    expect(m.firstReplyTime).toEqual({ count: 4, median: 3600, p90: 6660 });
    // Next replies: T2 and T3, an hour each.
    expect(m.nextReplyTime).toEqual({ count: 2, median: 3600, p90: 3600 });
    // Resolution at the last solve: T1 14400, T3 14400, T2 79200 → p90 14400 + 0.8 × 64800.
    expect(m.fullResolutionTime).toEqual({ count: 3, median: 14400, p90: 66240 });
  });

  it("measure them in business hours", async () => {
    const m = await summary("&businessTime=true");
    // T1 waited from 09:00 (opening) to 10:00; T5 from 16:30 to closing: 1800.
    expect(m.firstReplyTime).toEqual({ count: 4, median: 1800, p90: 3060 });
    expect(m.nextReplyTime).toEqual({ count: 2, median: 3600, p90: 3600 });
    // T1 09:00–12:00 = 10800; T2 Monday 13–17 and Tuesday 9–11 = 21600; T3 14400.
    expect(m.fullResolutionTime).toEqual({ count: 3, median: 14400, p90: 20160 });
    expect(m.businessTime).toBe(true);
  });

  it("measure SLA attainment per target, a pause keeping T2's resolution in time", async () => {
    const m = await summary();
    expect(m.slaAttainment).toEqual({
      overall: 0.75,
      met: 3,
      breached: 1,
      byTarget: [
        { target: "firstReply", met: 1, breached: 1, attainment: 0.5 },
        { target: "resolution", met: 2, breached: 0, attainment: 1 },
      ],
    });
  });

  it("count escalations and how long they took", async () => {
    const m = await summary();
    expect(m.escalations).toEqual({
      count: 1,
      rate: 0.2,
      timeToTake: { count: 1, median: 1800, p90: 1800 },
      timeToResolve: { count: 1, median: 63000, p90: 63000 },
    });
  });

  it("count ratings and surveys: CSAT, its distribution, NPS and the response rate", async () => {
    const m = await summary();
    // T1 rated 5 (NPS 10), T2 rated 2 (NPS 3); T3's survey went out and was never answered.
    expect(m.csat).toEqual({ score: 0.5, responses: 2, distribution: [0, 1, 0, 0, 1] });
    expect(m.nps).toEqual({ score: 0, responses: 2, promoters: 1, passives: 0, detractors: 1 });
    expect(m.surveys).toEqual({ sent: 3, answered: 2, responseRate: 2 / 3 });
    expect(m.previous.surveys).toEqual({ sent: 1, answered: 0, responseRate: 0 });
    const bad = (await (await as("manager")).get(`/api/v1/metrics/tickets?${WEEK}&set=badRatings`)).body;
    expect(bad.data.map((t: { id: string }) => t.id)).toEqual([ids.T2]);
  });

  it("slice by channel, tag, team and agent, within the viewer's scope", async () => {
    expect(await summary("&channel=phone")).toMatchObject({ ticketsCreated: 1, ticketsSolved: 1, ticketsReopened: 1 });
    expect(await summary("&tag=late")).toMatchObject({ ticketsCreated: 2, ticketsSolved: 1 });
    expect(await summary(`&teamId=${teamId}`)).toMatchObject({ ticketsCreated: 3, ticketsSolved: 2 });
    // The supervisor sees their team only; the agent their own tickets.
    expect(await summary("", "supervisor")).toMatchObject({ ticketsCreated: 3, ticketsSolved: 2 });
    expect(await summary("", "agent")).toMatchObject({ ticketsCreated: 3, ticketsSolved: 3 });
    const other = await (await as("agent")).get(`/api/v1/metrics/summary?${WEEK}&agentId=${org.users.supervisor.id}`);
    expect(other.status).toBe(403);
  });

  it("chart days in the viewer's time zone", async () => {
    const utc = (await (await as("manager")).get(`/api/v1/metrics/series?${WEEK}&interval=day`)).body.data;
    expect(utc.points.map((p: { created: number }) => p.created)).toEqual([2, 0, 1, 1, 1, 0, 0]);
    expect(utc.points.map((p: { solved: number }) => p.solved)).toEqual([1, 1, 1, 0, 0, 0, 0]);
    expect(utc.points[2]).toMatchObject({ at: "2026-03-04T00:00:00.000Z", reopened: 1, resolutionMedian: 14400 });
    // In Tokyo (UTC+9) T4, Thursday 16:00 UTC, arrives on Friday and T5, Friday 16:30 UTC, on Saturday.
    const tokyo = (await (await as("manager")).get(`/api/v1/metrics/series?${WEEK}&interval=day&timeZone=Asia%2FTokyo`))
      .body.data;
    expect(tokyo.points[0].at).toBe("2026-03-01T15:00:00.000Z");
    expect(tokyo.points.map((p: { created: number }) => p.created)).toEqual([2, 0, 1, 0, 1, 1, 0, 0]);
  });

  it("flag the tags rising fastest", async () => {
    const trend = (await (await as("manager")).get(`/api/v1/metrics/complaints?${WEEK}&interval=week`)).body.data;
    expect(trend.tags).toEqual([
      { tag: "refund", total: 3, previous: 1, growth: 3, rising: true, counts: [3] },
      { tag: "late", total: 2, previous: 0, growth: null, rising: false, counts: [2] },
    ]);
  });

  it("list the tickets behind a number", async () => {
    const solved = (await (await as("manager")).get(`/api/v1/metrics/tickets?${WEEK}&set=solved`)).body;
    expect(solved.data.map((t: { id: string }) => t.id)).toEqual([ids.T3, ids.T2, ids.T1]);
    const firstPage = (await (await as("manager")).get(`/api/v1/metrics/tickets?${WEEK}&set=solved&limit=2`)).body;
    const rest = (
      await (
        await as("manager")
      ).get(`/api/v1/metrics/tickets?${WEEK}&set=solved&limit=2&cursor=${firstPage.nextCursor}`)
    ).body;
    expect(rest.data.map((t: { id: string }) => t.id)).toEqual([ids.T1]);
    const fcr = (await (await as("manager")).get(`/api/v1/metrics/tickets?${WEEK}&set=firstContactResolved`)).body;
    expect(fcr.data.map((t: { id: string }) => t.id)).toEqual([ids.T1]);
    const breached = (await (await as("manager")).get(`/api/v1/metrics/tickets?${WEEK}&set=slaBreached`)).body;
    expect(breached.data).toEqual([expect.objectContaining({ id: ids.T1, at: "2026-03-02T09:00:00.000Z" })]);
  });

  it("break the figures down per agent", async () => {
    const rows = (await (await as("manager")).get(`/api/v1/metrics/breakdown?${WEEK}&by=agent`)).body.data.rows;
    const agent = rows.find((r: { key: string }) => r.key === org.users.agent.id);
    expect(agent).toMatchObject({ created: 3, solved: 3, replies: 6, repliesPerTicket: 1.67, firstReplyMedian: 3600 });
    // Online 07:00–17:00 on Monday, holding open work 08:00–12:00 (T1) and 13:00–13:30 (T2): 4.5 of 10 hours.
    expect(agent.occupancy).toBe(0.45);
    // The manager, online for an idle hour, is in the table with nothing handled.
    expect(rows.find((r: { key: string }) => r.key === org.users.manager.id)).toMatchObject({
      created: 0,
      solved: 0,
      occupancy: 0,
    });
  });
});
