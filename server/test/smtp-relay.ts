import net from "node:net";
import { SMTPServer } from "smtp-server";

export interface Received {
  raw: string;
  to: string[];
}

/**
 * A real SMTP server on loopback that keeps what it receives (a mail relay for tests). With
 * `answerAfterMs`, it takes that long to accept each mail, so senders are caught with mail in flight.
 */
export async function startRelay(port = 0, answerAfterMs = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString()));
      stream.on("end", () => {
        received.push({ raw, to: session.envelope.rcptTo.map((r) => r.address) });
        if (answerAfterMs > 0) setTimeout(callback, answerAfterMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as net.AddressInfo;
  return { received, port: address.port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A port nothing listens on (taken and released). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
