import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { createOrganization } from "../orgs";
import { type SmtpListener, startSmtpListener } from "./smtp-listener";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

let n = 0;
function mail(opts: {
  from: string;
  subject: string;
  body: string;
  messageId?: string;
  headers?: string[];
  to?: string;
}) {
  n += 1;
  return [
    `From: Ana Pop <${opts.from}>`,
    `To: ${opts.to ?? "support@acme.test"}`,
    `Subject: ${opts.subject}`,
    `Date: Fri, 20 Nov 2026 10:0${n % 10}:00 +0200`,
    `Message-ID: <${opts.messageId ?? `m${n}-${Math.random()}@mail.example`}>`,
    ...(opts.headers ?? []),
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    opts.body,
    "",
  ].join("\r\n");
}

const post = (raw: string, as: Client = org.as.admin) =>
  as.send("POST", "/api/v1/channels/email/inbound", raw, { "content-type": "message/rfc822" });

describe("inbound mail works", () => {
  it("turns a mail into a ticket from the sender, once, however often it arrives", async () => {
    const from = uniqueEmail("ana");
    const raw = mail({
      from,
      subject: "Broken kettle",
      body: "The kettle stopped working.",
      messageId: `kettle-${Math.random()}@mail.example`,
    });
    const first = await post(raw);
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ outcome: "ticket_created", duplicate: false });
    const again = await post(raw);
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ duplicate: true, ticketId: first.body.data.ticketId });
    const ticket = (await org.as.agent.get(`/api/v1/tickets/${first.body.data.ticketId}`)).body.data;
    expect(ticket).toMatchObject({ subject: "Broken kettle", channel: "email", status: "new" });
    const messages = (await org.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: "inbound",
      bodyText: "The kettle stopped working.",
      author: { name: "Ana Pop" },
    });
  });

  it("adds the requester's answer to their ticket by the [#number] in the subject, strips the quote and reopens it", async () => {
    const from = uniqueEmail("ana");
    const created = (await post(mail({ from, subject: "Invoice missing", body: "Where is my invoice?" }))).body.data;
    const ticket = (await org.as.agent.get(`/api/v1/tickets/${created.ticketId}`)).body.data;
    await org.as.agent.patch(`/api/v1/tickets/${ticket.id}`, { status: "solved" });
    const reply = mail({
      from,
      subject: `Re: Invoice missing [#${ticket.number}]`,
      body: "Still nothing, sorry.\r\n\r\nOn Fri, 20 Nov 2026 at 10:00, Support <support@acme.test> wrote:\r\n> We sent it.",
    });
    const res = await post(reply);
    expect(res.body.data).toMatchObject({ outcome: "message_added", ticketId: ticket.id });
    const after = (await org.as.agent.get(`/api/v1/tickets/${ticket.id}`)).body.data;
    expect(after.status).toBe("open");
    const last = (await org.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data.at(-1);
    expect(last.bodyText).toBe("Still nothing, sorry.");
  });

  it("gives a stranger quoting someone else's ticket number a ticket of their own", async () => {
    const owner = (await post(mail({ from: uniqueEmail("owner"), subject: "Private matter", body: "secret" }))).body
      .data;
    const number = (await org.as.agent.get(`/api/v1/tickets/${owner.ticketId}`)).body.data.number;
    const res = await post(mail({ from: uniqueEmail("stranger"), subject: `Re: [#${number}]`, body: "let me in" }));
    expect(res.body.data.outcome).toBe("ticket_created");
    expect(res.body.data.ticketId).not.toBe(owner.ticketId);
  });

  it("opens a follow-up when the answered ticket is closed", async () => {
    const from = uniqueEmail("ana");
    const created = (await post(mail({ from, subject: "Old issue", body: "first" }))).body.data;
    const t = (await org.as.agent.get(`/api/v1/tickets/${created.ticketId}`)).body.data;
    await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { status: "solved" });
    await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { status: "closed" });
    const res = await post(mail({ from, subject: `Re: Old issue [#${t.number}]`, body: "It is back" }));
    expect(res.body.data.outcome).toBe("follow_up");
    const follow = (await org.as.agent.get(`/api/v1/tickets/${res.body.data.ticketId}`)).body.data;
    expect(follow).toMatchObject({ subject: "Old issue", tags: ["follow-up"], status: "new" });
  });

  it("keeps a mail's attachments on its message, downloadable", async () => {
    const raw = [
      `From: Ana Pop <${uniqueEmail("att")}>`,
      "To: support@acme.test",
      "Subject: Receipt attached",
      `Message-ID: <att-${Math.random()}@mail.example>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Receipt below.",
      "--b1",
      'Content-Type: application/pdf; name="chitanță.pdf"',
      "Content-Transfer-Encoding: base64",
      "Content-Disposition: attachment; filename*=UTF-8''chitan%C8%9B%C4%83.pdf",
      "",
      Buffer.from("%PDF-1.4\n%test\n").toString("base64"),
      "--b1--",
      "",
    ].join("\r\n");
    const res = await post(raw);
    const messages = (await org.as.agent.get(`/api/v1/tickets/${res.body.data.ticketId}/messages`)).body.data;
    expect(messages[0].attachments).toEqual([
      expect.objectContaining({ filename: "chitanță.pdf", contentType: "application/pdf", inline: false }),
    ]);
    const file = await h.app.request(messages[0].attachments[0].url, {
      headers: { cookie: org.as.agent.creds.cookie! },
    });
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe("%PDF-1.4\n%test\n");
  });

  it("sets aside auto-replies and bounces without a ticket, keeping them", async () => {
    const auto = await post(
      mail({
        from: uniqueEmail("ooo"),
        subject: "Out of office",
        body: "Away",
        headers: ["Auto-Submitted: auto-replied"],
      }),
    );
    expect(auto.status).toBe(201);
    expect(auto.body.data).toMatchObject({ outcome: "suppressed", ticketId: null });
    expect(auto.body.data.reason).toMatch(/^auto_reply/);
  });
});

describe("inbound mail rejects bad input and the wrong caller", () => {
  it("refuses another content type, an empty body and non-admins", async () => {
    const json = await org.as.admin.post("/api/v1/channels/email/inbound", { raw: "x" });
    expect(json.status).toBe(415);
    expect((await post("")).status).toBe(400);
    expect((await post(mail({ from: uniqueEmail(), subject: "x", body: "y" }), org.as.agent)).status).toBe(403);
  });

  it("stores a mail it cannot read, flagged, without a ticket", async () => {
    const res = await post("this is not a mail at all");
    expect([200, 201]).toContain(res.status);
    expect(res.body.data.outcome).toBe("broken");
  });
});

describe("inbound mail over SMTP", () => {
  let listener: SmtpListener;
  let orgId: string;
  const address = `help-${Math.random().toString(36).slice(2, 8)}@acme.test`;
  beforeAll(async () => {
    orgId = await createOrganization(h.deps, { name: `Mailed ${Math.random()}`, supportEmail: address });
    listener = await startSmtpListener(h.deps, 0, "127.0.0.1");
  });
  afterAll(() => listener.close());

  it("accepts mail for a support address from a real SMTP conversation and refuses unknown recipients", async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: listener.port,
      secure: false,
      ignoreTLS: true,
    });
    const from = uniqueEmail("smtp");
    const info = await transport.sendMail({
      from: `Mihai <${from}>`,
      to: address,
      subject: "Sent over SMTP",
      text: "Hello over the wire",
    });
    expect(info.accepted).toEqual([address]);
    await expect(transport.sendMail({ from, to: "nobody@nowhere.test", subject: "x", text: "y" })).rejects.toThrow(
      /550/,
    );
    transport.close();
    const { inOrg } = await import("../../platform/tenancy");
    const { sql } = await import("drizzle-orm");
    const rows = await inOrg(h.deps.database, orgId, (s) =>
      s.tx.execute(sql`SELECT t.subject, t.channel FROM tickets t WHERE t.org_id = ${orgId}`),
    );
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ subject: "Sent over SMTP", channel: "email" }]);
  });
});
