import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A customer's mail server: a real SMTP server on loopback keeping what Frontline sends. */
export async function startMailRelay() {
  const inbox: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString()));
      stream.on("end", () => {
        inbox.push({ raw, to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    inbox,
    port: (server.server.address() as AddressInfo).port,
    /** The mails received for one address. */
    to: (address: string) => inbox.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
