import type { ParsedMail } from "./mail-types";

/** What kind of mail this is, for loop protection: only "normal" mail may ever be answered automatically. */
export type MailKind = "normal" | "auto_reply" | "bounce" | "bulk";

/** The verdict on one mail and the header that decided it. */
export interface MailClass {
  kind: MailKind;
  /** The signal that decided, such as "Auto-Submitted: auto-replied"; null for normal mail. */
  reason: string | null;
  /** True when no automatic answer (acknowledgement, out-of-office) may be sent to this mail. */
  suppressAutoResponse: boolean;
}

/** What the receiving side knows beyond the message itself. */
export interface ClassifyContext {
  /** The organisation's support addresses: a list mail addressed to one of them is personal. */
  ownAddresses?: readonly string[];
  /** SMTP MAIL FROM; "" is the null sender `<>` that bounces and auto-replies use. */
  envelopeFrom?: string | null;
}

type Classified = Pick<ParsedMail, "from" | "to" | "cc" | "subject" | "headers">;

const DAEMONS = new Set(["mailer-daemon", "mailer_daemon", "postmaster"]);
const NOT_AUTOMATIC = new Set(["no", "false", "0"]);
// Subjects of out-of-office replies sent with nothing but Precedence: bulk (old Exchange, Lotus Notes).
const OUT_OF_OFFICE = [
  "out of office",
  "out of the office",
  "automatic reply",
  "auto reply",
  "auto-reply",
  "autoreply",
  "abwesenheit",
  "automatische antwort",
  "răspuns automat",
  "raspuns automat",
  "absent",
  "автоответ",
  "автоматический ответ",
  "нет на месте",
  "رد تلقائي",
  "خارج المكتب",
  "réponse automatique",
];

function firstToken(value: string | null): string | null {
  if (value === null) return null;
  return value.split(/[;,\s]/, 1)[0]?.toLowerCase() || null;
}

function mailtoAddress(listPost: string | null): string | null {
  const match = listPost ? /<mailto:([^>?]+)/i.exec(listPost) : null;
  return match?.[1]?.toLowerCase() ?? null;
}

// Whether a list mail was also addressed to a person here, not only to the list.
function isPersonal(mail: Classified, context: ClassifyContext): boolean {
  const recipients = [...mail.to, ...mail.cc].map((a) => a.address);
  if (context.ownAddresses && context.ownAddresses.length > 0) {
    const own = new Set(context.ownAddresses.map((a) => a.toLowerCase()));
    return recipients.some((r) => own.has(r));
  }
  const list = mailtoAddress(mail.headers.listPost);
  return list !== null && recipients.some((r) => r !== list);
}

function decide(mail: Classified, context: ClassifyContext): Omit<MailClass, "suppressAutoResponse"> {
  const h = mail.headers;
  if (h.contentType === "multipart/report") {
    const kind = h.reportType === "delivery-status" ? "bounce" : "auto_reply";
    return { kind, reason: `multipart/report; report-type=${h.reportType ?? "(none)"}` };
  }
  const local = mail.from?.address.split("@", 1)[0] ?? "";
  if (DAEMONS.has(local)) return { kind: "bounce", reason: `sender is ${local}` };

  const submitted = firstToken(h.autoSubmitted);
  if (submitted && submitted !== "no") return { kind: "auto_reply", reason: `Auto-Submitted: ${submitted}` };
  if (h.xAutoreply && !NOT_AUTOMATIC.has(h.xAutoreply)) return { kind: "auto_reply", reason: "X-Autoreply" };
  if (h.xAutorespond && !NOT_AUTOMATIC.has(h.xAutorespond)) return { kind: "auto_reply", reason: "X-Autorespond" };

  const precedence = firstToken(h.precedence);
  if (precedence === "bulk" || precedence === "junk" || precedence === "list") {
    const subject = mail.subject.toLowerCase();
    if (precedence !== "list" && OUT_OF_OFFICE.some((words) => subject.includes(words))) {
      return { kind: "auto_reply", reason: `Precedence: ${precedence} with an out-of-office subject` };
    }
    if (precedence !== "list" || !isPersonal(mail, context)) {
      return { kind: "bulk", reason: `Precedence: ${precedence}` };
    }
  }
  if (h.listId && !isPersonal(mail, context)) return { kind: "bulk", reason: "List-Id without a personal recipient" };

  const nullSender = context.envelopeFrom === "" || h.returnPath?.replace(/\s/g, "") === "<>";
  if (nullSender) return { kind: "auto_reply", reason: "null return path <>" };
  return { kind: "normal", reason: null };
}

/** Classifies a mail as normal, auto-reply, bounce or bulk (RFC 3834 and common practice), so no loop starts. */
export function classifyMail(mail: Classified, context: ClassifyContext = {}): MailClass {
  const verdict = decide(mail, context);
  // Exchange asks for no automatic answers with X-Auto-Response-Suppress: All / OOF / AutoReply.
  const suppress = (mail.headers.xAutoResponseSuppress ?? "")
    .split(/[,\s]+/)
    .some((token) => token === "all" || token === "oof" || token === "autoreply");
  return { ...verdict, suppressAutoResponse: verdict.kind !== "normal" || suppress };
}
