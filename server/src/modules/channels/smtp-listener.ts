import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { type Deps, systemCtx } from "../../platform/context";
import { organizationBySupportAddress } from "../orgs";
import { ingestMail } from "./email-in";

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** Reads a message stream whole; the server has already capped its size. */
async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function smtpError(message: string, code: number): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Receives mail for the organisations' support addresses. A recipient nobody owns is refused at RCPT;
 * a message is acknowledged only once stored, so a sender retries when the database is away.
 */
export async function startSmtpListener(deps: Deps, port: number, host: string): Promise<SmtpListener> {
  const orgsOf = new WeakMap<SMTPServerSession, Set<string>>();
  const server = new SMTPServer({
    name: "frontline",
    banner: "Frontline",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: deps.config.MAIL_MAX_BYTES,
    logger: false,
    async onRcptTo(address, session, callback) {
      try {
        const orgId = await organizationBySupportAddress(deps.database, address.address);
        if (!orgId) return callback(smtpError(`No mailbox ${address.address} here`, 550));
        const set = orgsOf.get(session) ?? new Set<string>();
        set.add(orgId);
        orgsOf.set(session, set);
        callback();
      } catch (err) {
        deps.log.error({ err }, "smtp recipient lookup failed");
        callback(smtpError("Try again later", 451));
      }
    },
    async onData(stream, session, callback) {
      try {
        const raw = await readAll(stream);
        if (stream.sizeExceeded) return callback(smtpError("Message too large", 552));
        for (const orgId of orgsOf.get(session) ?? []) {
          const mailFrom = session.envelope.mailFrom;
          await ingestMail(systemCtx(deps, orgId, { type: "system", name: "smtp" }), raw, "smtp", {
            from: mailFrom === false ? "" : mailFrom.address,
          });
        }
        callback();
      } catch (err) {
        deps.log.error({ err }, "storing an inbound mail failed");
        callback(smtpError("Could not store the message; try again later", 451));
      }
    },
  });
  server.on("error", (err) => deps.log.error({ err }, "smtp listener error"));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  return { port: bound, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
