import { parseArgs } from "node:util";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";

// A local mail relay for trying Frontline without a mail server: point SMTP_URL at it, and every
// mail Frontline sends (replies, portal sign-in links) is printed here instead of delivered.

const { values } = parseArgs({
  options: { port: { type: "string", default: "1025" }, host: { type: "string", default: "127.0.0.1" } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a port number (got "${values.port}")\n`);
  process.exit(1);
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", async () => {
      const mail = await PostalMime.parse(Buffer.concat(chunks));
      const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
      const rule = "-".repeat(72);
      process.stdout.write(
        `${rule}\nFrom:    ${mail.from?.address ?? ""}\nTo:      ${to}\nSubject: ${mail.subject ?? ""}\n\n${(mail.text ?? "").trim()}\n${rule}\n`,
      );
      callback();
    });
  },
});

server.listen(port, values.host, () => {
  process.stdout.write(
    `Catching mail on smtp://${values.host}:${port}. Start Frontline with SMTP_URL=smtp://${values.host}:${port}\n`,
  );
});
