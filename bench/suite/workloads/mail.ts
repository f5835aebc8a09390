import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import PostalMime from "postal-mime";
import { v7 as uuid } from "uuid";
import { type Throughput, throughput } from "../stats";
import type { Line, Measures, Workload } from "./context";
import { BODY, rawOpenTicket } from "./writes";

const stamp = Date.now().toString(36);
const CONCURRENCY = 8;
const plan = (quick: boolean) => ({
  concurrency: CONCURRENCY,
  total: quick ? 1_500 : 10_000,
  maxMs: quick ? 4_000 : 30_000,
});

/** One new customer's mail to the support address, as a mail client writes it. */
function mime(to: string, kind: string, i: number): Buffer {
  const from = `${kind}-${i}-${stamp}@sender.test`;
  return Buffer.from(
    [
      `From: Customer ${i} <${from}>`,
      `To: ${to}`,
      `Subject: Where is my order ${i}?`,
      `Message-ID: <${kind}-${i}-${stamp}@sender.test>`,
      `Date: ${new Date().toUTCString()}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      BODY,
      "",
    ].join("\r\n"),
  );
}

/** 2. Inbound mail: over SMTP and as raw MIME to the API, against parsing it with postal-mime and the same inserts. */
export const mailWorkload: Workload = {
  name: "mail",
  async http(h) {
    const to = h.ws.live.supportAddress;
    const smtp = nodemailer.createTransport({
      host: "127.0.0.1",
      port: h.server.smtpPort,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: CONCURRENCY,
      maxMessages: Number.POSITIVE_INFINITY,
    });
    const out: Measures = {};
    try {
      out.smtp = await throughput(
        (i) => smtp.sendMail({ envelope: { from: `smtp-${i}-${stamp}@sender.test`, to }, raw: mime(to, "smtp", i) }),
        plan(h.quick),
      );
    } finally {
      smtp.close();
    }
    const admin = await h.as(h.ws.live.admin);
    out.api = await throughput(
      (i) => admin.send("POST", "/api/v1/channels/email/inbound", mime(to, "api", i), "message/rfc822", [201]),
      plan(h.quick),
    );
    return out;
  },
  async raw(r) {
    const orgId = r.ws.live.orgId;
    const to = r.ws.live.supportAddress;
    const one = async (i: number) => {
      const bytes = mime(to, "raw", i);
      const mail = await PostalMime.parse(bytes);
      const messageId = mail.messageId ?? "";
      const dedupKey = createHash("sha256").update(messageId).digest("hex");
      await r.raw.tx(async (q) => {
        await q(`SELECT id FROM inbound_mails WHERE org_id = $1 AND dedup_key = $2`, [orgId, dedupKey]);
        const { ticketId, messageId: msgId } = await rawOpenTicket(q, orgId, {
          email: mail.from?.address ?? "",
          name: mail.from?.name ?? "",
          subject: mail.subject ?? "",
          body: mail.text ?? "",
          channel: "email",
          actorId: null,
        });
        await q(
          `INSERT INTO inbound_mails (org_id, id, dedup_key, mail_message_id, from_address, subject, outcome, ticket_id,
             message_id, size, raw, source) VALUES ($1, $2, $3, $4, $5, $6, 'ticket_created', $7, $8, $9, $10, 'api')`,
          [orgId, uuid(), dedupKey, messageId, mail.from?.address, mail.subject, ticketId, msgId, bytes.length, bytes],
        );
        await q(
          `INSERT INTO mail_thread_ids (org_id, mail_id, ticket_id, message_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [orgId, messageId, ticketId, msgId],
        );
      });
    };
    return { raw: await throughput(one, plan(r.quick)) };
  },
  lines(f, r) {
    const rr = (r.raw as Throughput | undefined)?.rate ?? null;
    return (["smtp", "api"] as const).map((k): Line => {
      const fr = (f[k] as Throughput).rate;
      return {
        workload: "inbound mail (parsed, new ticket)",
        case: k === "smtp" ? `SMTP, ${CONCURRENCY} connections` : `raw MIME endpoint, concurrency ${CONCURRENCY}`,
        unit: "mails/s",
        frontline: fr,
        raw: rr,
        ratio: rr ? fr / rr : null,
        target: "≥ 200 mails/s",
        pass: fr >= 200,
      };
    });
  },
};
