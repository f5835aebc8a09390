import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, signedIn, TEST_PASSWORD, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { startRelay } from "../../../test/smtp-relay";
import { systemCtx } from "../../platform/context";
import { type JobRow, JobRunner } from "../../platform/jobs";
import { smtpTransport } from "../channels";
import { registerNotificationJobs } from ".";
import { mailNoticeHandler } from "./notice-mail";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
let relay: Awaited<ReturnType<typeof startRelay>>;

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp({ SMTP_URL: `smtp://127.0.0.1:${relay.port}`, PUBLIC_URL: "https://help.example.test" });
  org = await makeOrg(h);
});
afterAll(() => relay.close());

/** A colleague with their own language, signed in. */
async function colleague(name: string, locale: string) {
  const email = uniqueEmail("colleague");
  const res = await org.as.admin.post("/api/v1/users", { email, name, role: "agent", password: TEST_PASSWORD, locale });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.data.id as string, email, as: await signedIn(h, org.orgId, res.body.data.id) };
}

async function ticketWithNote(subject: string, body: string, as: Client = org.as.agent) {
  const ticket = (
    await as.post("/api/v1/tickets", {
      subject,
      requester: { email: uniqueEmail("customer") },
      message: { body: "Hello" },
    })
  ).body.data;
  const note = await as.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: "note", body });
  expect(note.status, JSON.stringify(note.body)).toBe(201);
  return ticket as { id: string; number: number };
}

function runner(withRelay = true) {
  const r = new JobRunner(h.deps, { nodeId: `test-${Math.random()}`, orgIds: [org.orgId] });
  const transport = withRelay ? smtpTransport(h.deps.config.SMTP_URL!) : undefined;
  registerNotificationJobs(r, h.deps, transport);
  return { r, close: () => transport?.close() };
}

const mailsTo = (address: string) => relay.received.filter((m) => m.to.includes(address));
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const agentName = async () => (await org.as.agent.get("/api/v1/me")).body.data.name as string;

describe("mail notices work", () => {
  it("mails each mentioned colleague a short notice in their own language, a little later", async () => {
    const ioana = await colleague("Ioana Marin", "ro");
    const layla = await colleague("ليلى حداد", "ar");
    const ticket = await ticketWithNote("Colet pierdut", "@Ioana Marin și @ليلى حداد: sunați curierul, vă rog.");
    const { r, close } = runner();
    try {
      await r.runDue();
      expect(mailsTo(ioana.email), "not before the delay").toHaveLength(0);
      await r.runDue(later(3));
    } finally {
      close();
    }
    const author = await agentName();
    const [ro] = mailsTo(ioana.email);
    const mail = await simpleParser(ro!.raw);
    expect(mail.subject).toBe(`${author} te-a menționat pe #${ticket.number}: Colet pierdut`);
    expect(mail.text).toBe(
      [
        `${author} te-a menționat într-o notă internă pe tichetul #${ticket.number} „Colet pierdut”:`,
        "",
        "> @Ioana Marin și @ليلى حداد: sunați curierul, vă rog.",
        "",
        "Deschide tichetul:",
        `https://help.example.test/tickets/${ticket.id}`,
        "",
        "--",
        "Primești acest e-mail pentru că un coleg te-a menționat în Frontline.",
        "",
      ].join("\n"),
    );
    expect(mail.headers.get("content-language")).toBe("ro");
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : undefined).toEqual([
      { address: ioana.email, name: "Ioana Marin" },
    ]);
    const ar = await simpleParser(mailsTo(layla.email)[0]!.raw);
    expect(ar.subject).toBe(`أشار إليك ${author} في التذكرة #${ticket.number}: Colet pierdut`);
    expect(ar.headers.get("content-language")).toBe("ar");
    expect(mailsTo(org.users.agent.email), "the author gets none").toHaveLength(0);
  });

  it("sends a notice once, even when its job runs again", async () => {
    const jonas = await colleague("Jonas Weber", "de");
    const ticket = await ticketWithNote("Rechnung doppelt", "@Jonas Weber bitte prüfen");
    const { r, close } = runner();
    const transport = smtpTransport(h.deps.config.SMTP_URL!);
    try {
      await r.runDue(later(3));
      expect(mailsTo(jonas.email)).toHaveLength(1);
      // A job that dies after sending runs again once its claim expires; the notice knows it went out.
      const [notice] = (await jonas.as.get("/api/v1/notifications")).body.data;
      const again = mailNoticeHandler(h.deps, transport);
      await again(systemCtx(h.deps, org.orgId), { notificationId: notice.id }, {} as JobRow, later(3));
    } finally {
      close();
      transport.close();
    }
    expect(mailsTo(jonas.email)).toHaveLength(1);
    const mail = await simpleParser(mailsTo(jonas.email)[0]!.raw);
    expect(mail.subject).toBe(`${await agentName()} hat Sie in #${ticket.number} erwähnt: Rechnung doppelt`);
  });
});

describe("rules' notices are mailed", () => {
  it("in the recipient's language, a little later, like a mention", async () => {
    const ioana = await colleague("Ioana Dobre", "ro");
    const rule = await org.as.admin.post("/api/v1/rules", {
      kind: "trigger",
      name: "Colete pierdute",
      events: ["ticket.created"],
      conditions: { all: [{ field: "subject", op: "contains", value: "colet" }] },
      actions: [{ type: "notify", to: ioana.id, text: "Sunați curierul pentru #{{ticket.number}}." }],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const ticket = (
      await org.as.agent.post("/api/v1/tickets", {
        subject: "Colet întârziat",
        requester: { email: uniqueEmail("customer") },
        message: { body: "Unde e coletul?" },
      })
    ).body.data as { id: string; number: number };
    const { r, close } = runner();
    try {
      await r.runDue();
      expect(mailsTo(ioana.email), "not before the delay").toHaveLength(0);
      await r.runDue(later(3));
    } finally {
      close();
    }
    const mail = await simpleParser(mailsTo(ioana.email)[0]!.raw);
    expect(mail.subject).toBe(`Regula „Colete pierdute” pe #${ticket.number}: Colet întârziat`);
    expect(mail.text).toBe(
      [
        `Regula „Colete pierdute” îți cere să te uiți la tichetul #${ticket.number} „Colet întârziat”:`,
        "",
        `> Sunați curierul pentru #${ticket.number}.`,
        "",
        "Deschide tichetul:",
        `https://help.example.test/tickets/${ticket.id}`,
        "",
        "--",
        "Primești acest e-mail pentru că o regulă din Frontline te anunță.",
        "",
      ].join("\n"),
    );
    expect(mail.headers.get("content-language")).toBe("ro");
    await org.as.admin.delete(`/api/v1/rules/${rule.body.data.id}`);
  });
});

describe("mail notices are not sent", () => {
  it("once the notice was read in the app, or to someone deactivated since", async () => {
    const reader = await colleague("Irina Volkova", "ru");
    const gone = await colleague("Stefan Keller", "de");
    await ticketWithNote("Router", "@Irina Volkova @Stefan Keller look");
    await reader.as.post("/api/v1/notifications/read", { all: true });
    await org.as.admin.patch(`/api/v1/users/${gone.id}`, { active: false });
    const { r, close } = runner();
    try {
      await r.runDue(later(3));
    } finally {
      close();
    }
    expect([mailsTo(reader.email), mailsTo(gone.email)]).toEqual([[], []]);
  });

  it("without a relay: the job finishes and nothing waits to go out later", async () => {
    const quiet = await colleague("Mara Ionescu", "ro");
    await ticketWithNote("Factura", "@Mara Ionescu vezi");
    const none = runner(false);
    await none.r.runDue(later(3));
    const { r, close } = runner();
    try {
      expect(await r.runDue(later(6))).toBe(0);
    } finally {
      close();
    }
    expect(mailsTo(quiet.email)).toEqual([]);
    expect((await quiet.as.get("/api/v1/notifications/count")).body.data.unread).toBe(1);
  });
});

describe("mail notices refuse header injection", () => {
  it("strips line breaks from the subject and names", async () => {
    const eve = await colleague("Eve Adams", "en");
    const mallory = await colleague("Mallory\r\nBcc: x@example.test", "en");
    const ticket = await ticketWithNote("Hello\r\nBcc: victim@example.test", "@Eve Adams see", mallory.as);
    const { r, close } = runner();
    try {
      await r.runDue(later(3));
    } finally {
      close();
    }
    const got = mailsTo(eve.email);
    expect(got.map((m) => m.to)).toEqual([[eve.email]]);
    const mail = await simpleParser(got[0]!.raw);
    expect(mail.headers.has("bcc")).toBe(false);
    expect(mail.subject).toBe(
      `Mallory Bcc: x@example.test mentioned you on #${ticket.number}: Hello Bcc: victim@example.test`,
    );
  });
});
