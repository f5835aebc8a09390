import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

/** What sending needs of a mail relay; a test may hand in its own. */
export interface MailTransport {
  send(message: Mail.Options): Promise<void>;
  close(): void;
}

/** An SMTP relay at `url` (smtp:// or smtps://). Connection failures reject, so the job retries. */
export function smtpTransport(url: string): MailTransport {
  const parsed = new URL(url);
  const settings: SMTPTransport.Options = {
    host: parsed.hostname,
    port: Number(parsed.port) || (parsed.protocol === "smtps:" ? 465 : 587),
    secure: parsed.protocol === "smtps:",
    ...(parsed.username
      ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
      : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transporter = nodemailer.createTransport(settings);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
    close() {
      transporter.close();
    },
  };
}
