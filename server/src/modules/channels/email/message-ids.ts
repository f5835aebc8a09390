import { createHash } from "node:crypto";

const MAX_ID_LENGTH = 998;
const MAX_REFERENCES = 100;

// Headers that relays and mailbox servers add on the way in. They differ between two
// copies of the same mail (one delivered over SMTP, one fetched over IMAP), so the
// synthetic id leaves them out.
const TRACE_HEADERS = new Set([
  "received",
  "x-received",
  "return-path",
  "delivered-to",
  "x-original-to",
  "envelope-to",
  "authentication-results",
  "received-spf",
  "arc-seal",
  "arc-message-signature",
  "arc-authentication-results",
]);

function clean(id: string): string | null {
  // Folding whitespace and controls are never part of an id.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const compact = id.replace(/[\s\u0000-\u001f\u007f]+/g, "");
  return compact ? compact.slice(0, MAX_ID_LENGTH) : null;
}

/** The first message id in a header value, without angle brackets; null when there is none. */
export function normaliseMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const open = value.indexOf("<");
  const close = open < 0 ? -1 : value.indexOf(">", open + 1);
  if (open >= 0 && close > open) return clean(value.slice(open + 1, close));
  // Some mailers leave the brackets out: take the first word.
  const word = value.trim().split(/[\s,]+/, 1)[0];
  return word ? clean(word.replace(/^<|>$/g, "")) : null;
}

/** Every message id in a References or In-Reply-To value, in order, without duplicates (the last 100). */
export function parseIdList(value: string | null | undefined): string[] {
  if (!value) return [];
  const ids: string[] = [];
  let pos = 0;
  for (;;) {
    const open = value.indexOf("<", pos);
    if (open < 0) break;
    const close = value.indexOf(">", open + 1);
    if (close < 0) break;
    const id = clean(value.slice(open + 1, close));
    if (id) ids.push(id);
    pos = close + 1;
  }
  if (ids.length === 0) {
    for (const word of value.split(/[\s,]+/)) {
      const id = clean(word);
      if (id) ids.push(id);
    }
  }
  return [...new Set(ids)].slice(-MAX_REFERENCES);
}

/** A stable id for a mail without Message-ID: SHA-256 of the raw message, line endings and trace headers aside. */
export function syntheticMessageId(raw: Buffer): string {
  const text = raw.toString("latin1").replace(/\r\n?/g, "\n");
  const end = text.indexOf("\n\n");
  const head = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? "" : text.slice(end);
  const kept: string[] = [];
  let keep = true;
  for (const line of head.split("\n")) {
    const continuation = line.startsWith(" ") || line.startsWith("\t");
    if (!continuation) {
      const colon = line.indexOf(":");
      keep = !TRACE_HEADERS.has((colon < 0 ? line : line.slice(0, colon)).trim().toLowerCase());
    }
    if (keep) kept.push(line);
  }
  const digest = createHash("sha256")
    .update(Buffer.from(kept.join("\n") + body, "latin1"))
    .digest("hex");
  return `${digest}@synthetic.frontline.invalid`;
}
