import PostalMime, { type Address, type Email } from "postal-mime";
import { htmlToText, sanitizeHtml } from "../../../platform/html";
import { safeFilename } from "../../../platform/safe-filename";
import { parseAuthResults } from "./auth-results";
import type { MailAddress, MailAttachment, MailFlags, ParsedMail } from "./mail-types";
import { normaliseMessageId, parseIdList, syntheticMessageId } from "./message-ids";
import { parseHeaderParams, scanMime } from "./mime-scan";
import { repairC1Controls } from "./windows-1252";

export type { MailAddress, MailAttachment, MailFlags, ParsedMail } from "./mail-types";

/** How to read a mail: which servers' Authentication-Results to believe. */
export interface ParseMailOptions {
  /** authserv-ids of our own receiving servers; without them the topmost Authentication-Results header is used. */
  trustedAuthservIds?: readonly string[];
}

// Bounds on work per message; a mail that exceeds them is stored with a problem instead.
const LIMITS = { maxNestingDepth: 64, maxHeadersSize: 1024 * 1024, maxRfc822NestingDepth: 4 };
const HEADER_FALLBACK_BYTES = 64 * 1024;

/** Parses a raw RFC 5322 message; never throws: what could not be read is listed in `problems`. */
export async function parseMail(raw: Buffer | string, options: ParseMailOptions = {}): Promise<ParsedMail> {
  const bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  const scan = scanMime(bytes);
  const problems = [...scan.problems];
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, LIMITS);
  } catch (error) {
    problems.push(`the MIME structure could not be read: ${error instanceof Error ? error.message : String(error)}`);
    email = await parseHeadersOnly(bytes);
  }

  const header = (name: string) => email.headers.find((h) => h.key === name)?.value ?? null;
  const messageId = normaliseMessageId(email.messageId);
  const from = firstMailbox(email.from ? [email.from] : []);
  if (!from) problems.push("no sender address");
  const date = readDate(header("date"));
  if (header("date") !== null && !date) problems.push("unreadable Date header");
  if (email.headers.some((h) => h.value.includes("\ufffd"))) problems.push("header bytes that are not UTF-8");

  const rawHtml = scan.hasHtml && email.html ? decoded(email.html) : null;
  const html = rawHtml ? sanitizeHtml(rawHtml) || null : null;
  const shownCids = cidReferences(html);
  const text = tidyText(scan.hasPlainText || !html ? decoded(email.text ?? "") : htmlToText(html));

  return {
    messageId: messageId ?? syntheticMessageId(bytes),
    messageIdSynthetic: messageId === null,
    inReplyTo: normaliseMessageId(email.inReplyTo),
    references: parseIdList(email.references),
    subject: cleanLine(decoded(email.subject ?? "")),
    from,
    replyTo: firstMailbox(email.replyTo ?? []),
    to: mailboxes(email.to ?? []),
    cc: mailboxes(email.cc ?? []),
    date,
    text,
    html,
    attachments: email.attachments.map((a) => toAttachment(a, shownCids)),
    headers: flags(header),
    authResults: parseAuthResults(
      email.headers.filter((h) => h.key === "authentication-results").map((h) => h.value),
      options.trustedAuthservIds,
    ),
    problems,
  };
}

// When the structure is beyond reading, the header block alone still names sender, subject and ids.
async function parseHeadersOnly(bytes: Buffer): Promise<Email> {
  const head = bytes.subarray(0, HEADER_FALLBACK_BYTES).toString("latin1");
  const end = head.search(/\r?\n\r?\n/);
  const block = Buffer.from(end < 0 ? head : head.slice(0, end), "latin1");
  try {
    const email = await PostalMime.parse(Buffer.concat([block, Buffer.from("\r\n\r\n")]), LIMITS);
    return { ...email, text: undefined, html: undefined, attachments: [] };
  } catch {
    return { headers: [], headerLines: [], attachments: [] };
  }
}

// Every decoded string goes through here: PostgreSQL text cannot hold U+0000, and see repairC1Controls.
function decoded(value: string): string {
  return repairC1Controls(value.replaceAll("\u0000", ""));
}

// One line of header text: control characters (a CR/LF smuggled in by an encoded word) become a space.
function cleanLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

function tidyText(value: string): string {
  const text = value.replace(/\r\n?/g, "\n").trimEnd();
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") start = i + 1;
    else if (c !== " " && c !== "\t") break;
  }
  return text.slice(start);
}

function mailboxes(list: Address[]): MailAddress[] {
  const out: MailAddress[] = [];
  for (const entry of list) {
    for (const box of entry.group ?? [entry]) {
      const address = cleanLine(box.address ?? "").toLowerCase();
      if (address) out.push({ address, name: cleanLine(decoded(box.name)) });
    }
  }
  return out;
}

function firstMailbox(list: Address[]): MailAddress | null {
  return mailboxes(list)[0] ?? null;
}

function readDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// The Content-IDs the HTML shows as `cid:` images, lower-cased, collected in one pass.
function cidReferences(html: string | null): Set<string> {
  const ids = new Set<string>();
  for (const match of html?.matchAll(/\bcid:([^"'\s>]+)/gi) ?? []) ids.add((match[1] ?? "").toLowerCase());
  return ids;
}

function toAttachment(a: Email["attachments"][number], shownCids: Set<string>): MailAttachment {
  const content =
    typeof a.content === "string"
      ? Buffer.from(a.content, a.encoding === "base64" ? "base64" : "utf8")
      : Buffer.from(a.content instanceof ArrayBuffer ? new Uint8Array(a.content) : a.content);
  const contentId = normaliseMessageId(a.contentId);
  const inline = contentId !== null && shownCids.has(contentId.toLowerCase());
  return {
    filename: safeFilename(a.filename === null ? null : decoded(a.filename)),
    contentType: a.mimeType.toLowerCase(),
    size: content.length,
    contentId,
    inline,
    content,
  };
}

function flags(header: (name: string) => string | null): MailFlags {
  const keyword = (name: string) => header(name)?.trim().toLowerCase() || null;
  const contentType = parseHeaderParams(header("content-type") ?? "text/plain");
  return {
    autoSubmitted: keyword("auto-submitted"),
    precedence: keyword("precedence"),
    xAutoreply: keyword("x-autoreply"),
    xAutorespond: keyword("x-autorespond"),
    xAutoResponseSuppress: keyword("x-auto-response-suppress"),
    listId: header("list-id")?.trim() || null,
    listPost: header("list-post")?.trim() || null,
    returnPath: header("return-path")?.trim() ?? null,
    contentType: contentType.value || "text/plain",
    reportType: contentType.params["report-type"]?.toLowerCase() ?? null,
  };
}
