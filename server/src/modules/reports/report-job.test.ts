import { simpleParser } from "mailparser";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { startRelay } from "../../../test/smtp-relay";
import { JobRunner } from "../../platform/jobs";
import { smtpTransport } from "../channels";
import { registerReportJobs } from ".";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
let relay: Awaited<ReturnType<typeof startRelay>>;

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` });
  org = await makeOrg(h);
  for (const subject of ["Colet pierdut", "Заказ не пришёл", "طلب متأخر"]) {
    const res = await org.as.admin.post("/api/v1/tickets", {
      subject,
      requester: { email: uniqueEmail(), name: "Ana" },
      message: { body: "Hello" },
      assigneeId: org.users.agent.id,
    });
    expect(res.status).toBe(201);
  }
});
afterAll(() => relay.close());

/** Runs every due job of the organisation as if the clock read `now`. */
async function runJobs(now: Date, withRelay = true) {
  const runner = new JobRunner(h.deps, { nodeId: `test-${Math.random()}`, orgIds: [org.orgId] });
  const transport = withRelay ? smtpTransport(h.deps.config.SMTP_URL!) : undefined;
  registerReportJobs(runner, h.deps, transport);
  try {
    return await runner.runDue(now);
  } finally {
    transport?.close();
  }
}

/** Tomorrow's weekday (1 Monday … 7 Sunday) in UTC: a weekly run then covers today. */
const tomorrowsWeekday = () => ((new Date(Date.now() + 86_400_000).getUTCDay() + 6) % 7) + 1;

async function schedule(name: string, over: Record<string, unknown> = {}) {
  const res = await org.as.manager.post("/api/v1/report-schedules", {
    name,
    dashboard: "agents",
    period: "last_7_days",
    cadence: "weekly",
    weekday: tomorrowsWeekday(),
    hour: 7,
    timeZone: "UTC",
    recipientUserIds: [org.users.supervisor.id],
    recipientEmails: ["director@example.test"],
    locale: "en",
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; nextRunAt: string };
}

const get = async (id: string) => (await org.as.manager.get(`/api/v1/report-schedules/${id}`)).body.data;
const mailsAbout = async (subject: string) => {
  const parsed = await Promise.all(relay.received.map(async (m) => ({ m, mail: await simpleParser(m.raw) })));
  return parsed.filter((p) => p.mail.subject?.startsWith(subject));
};

async function pdfText(content: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(content));
  return (await extractText(pdf, { mergePages: true })).text;
}

describe("scheduled reports are mailed", () => {
  it("at the due run: a PDF with the report and a CSV of its numbers, to staff and outside addresses", async () => {
    const s = await schedule("Floor report Ștefan");
    const due = new Date(Date.parse(s.nextRunAt) + 1000);
    await runJobs(new Date(Date.parse(s.nextRunAt) - 60_000));
    expect(await mailsAbout("Floor report Ștefan")).toHaveLength(0);
    await runJobs(due);
    const [sent, ...more] = await mailsAbout("Floor report Ștefan");
    expect(more).toHaveLength(0);
    expect(sent!.m.to.sort()).toEqual(["director@example.test", org.users.supervisor.email].sort());
    expect(sent!.mail.subject).toMatch(/^Floor report Ștefan — Last 7 days: /);
    expect(sent!.mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(sent!.mail.text).toContain("Tickets created: 3");
    const [pdf, csv] = sent!.mail.attachments;
    expect(pdf!.contentType).toBe("application/pdf");
    expect(pdf!.filename).toMatch(/^Floor-report-Ștefan-.*\.pdf$/);
    expect(pdf!.content.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf!.content);
    expect(text).toContain("Floor report Ștefan");
    expect(text).toContain("Key figures");
    expect(text).toContain("Per agent");
    expect(csv!.contentType).toMatch(/^text\/csv/);
    const lines = csv!.content
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(/^"Agent","Tickets created","Tickets solved",/);
    expect(lines.at(-1)).toMatch(/^"Overall",3,0,/);
    const after = await get(s.id);
    expect(after).toMatchObject({ lastSentAt: due.toISOString(), lastError: null, active: true });
    expect(Date.parse(after.nextRunAt) - Date.parse(s.nextRunAt)).toBe(7 * 86_400_000);
    // The job of that run is done: running again at the same time sends nothing more.
    await runJobs(due);
    expect(await mailsAbout("Floor report Ștefan")).toHaveLength(1);
  });

  it("in the schedule's language, Arabic included, when sent now", async () => {
    const s = await schedule("تقرير الفريق", { locale: "ar", recipientUserIds: [], dashboard: "overview" });
    expect((await org.as.manager.post(`/api/v1/report-schedules/${s.id}/send-now`)).status).toBe(202);
    await runJobs(new Date());
    const [sent] = await mailsAbout("تقرير الفريق");
    expect(sent!.mail.subject).toMatch(/^تقرير الفريق — آخر 7 أيام: /);
    expect(sent!.mail.headers.get("content-language")).toBe("ar");
    expect(sent!.mail.attachments[0]!.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(sent!.mail.attachments[1]!.content.toString("utf8")).toContain('"الفريق","التذاكر المنشأة"');
    expect((await get(s.id)).nextRunAt).toBe(s.nextRunAt);
  });

  it("does not send a run that was moved or paused since it was planned", async () => {
    const s = await schedule("Moved report");
    await org.as.manager.patch(`/api/v1/report-schedules/${s.id}`, { hour: 9 });
    await org.as.manager.patch(`/api/v1/report-schedules/${s.id}`, { active: false });
    await runJobs(new Date(Date.parse(s.nextRunAt) + 3 * 3_600_000));
    expect(await mailsAbout("Moved report")).toHaveLength(0);
  });
});

describe("scheduled reports stop or wait when they must", () => {
  it("stops, with last_error, once its creator is demoted below manager", async () => {
    const creator = await org.as.admin.post("/api/v1/users", {
      email: uniqueEmail("manager"),
      name: "Temporary Manager",
      role: "manager",
      password: "correct horse battery staple",
    });
    const { signedIn } = await import("../../../test/factories");
    const as = await signedIn(h, org.orgId, creator.body.data.id);
    const res = await as.post("/api/v1/report-schedules", {
      name: "Demoted report",
      dashboard: "overview",
      period: "yesterday",
      cadence: "daily",
      hour: 6,
      timeZone: "UTC",
      recipientEmails: ["director@example.test"],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const s = res.body.data;
    expect((await org.as.admin.patch(`/api/v1/users/${creator.body.data.id}`, { role: "agent" })).status).toBe(200);
    await runJobs(new Date(Date.parse(s.nextRunAt) + 1000));
    expect(await mailsAbout("Demoted report")).toHaveLength(0);
    const after = await get(s.id);
    expect(after).toMatchObject({ active: false, nextRunAt: null, lastSentAt: null });
    expect(after.lastError).toMatch(/^Stopped: its creator is no longer an active manager or admin/);
    const audit = await org.as.admin.get(`/api/v1/audit-events?entityId=${s.id}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toContain("report_schedule.stopped");
  });

  it("says so in last_error when no mail relay is set, and goes on to its next run", async () => {
    const s = await schedule("Relay-less report");
    await runJobs(new Date(Date.parse(s.nextRunAt) + 1000), false);
    const after = await get(s.id);
    expect(after.lastError).toBe("Not sent: no mail relay is configured (SMTP_URL)");
    expect(after.lastSentAt).toBeNull();
    expect(Date.parse(after.nextRunAt)).toBeGreaterThan(Date.parse(s.nextRunAt));
  });

  it("keeps the relay's failure in last_error and retries", async () => {
    const s = await schedule("Unlucky report");
    const down = await testApp({ SMTP_URL: "smtp://127.0.0.1:1" });
    const runner = new JobRunner(down.deps, { nodeId: `test-${Math.random()}`, orgIds: [org.orgId] });
    const transport = smtpTransport("smtp://127.0.0.1:1");
    registerReportJobs(runner, down.deps, transport);
    // Sent now, so the retry (10 s after the failure, by the real clock) is not due in the same pass.
    expect((await org.as.manager.post(`/api/v1/report-schedules/${s.id}/send-now`)).status).toBe(202);
    await runner.runDue(new Date());
    transport.close();
    expect((await get(s.id)).lastError).toMatch(/^Not sent \(attempt 1\/8\): .*ECONNREFUSED/);
    await runJobs(new Date(Date.now() + 60_000));
    expect(await mailsAbout("Unlucky report")).toHaveLength(1);
    expect((await get(s.id)).lastError).toBeNull();
  });
});
