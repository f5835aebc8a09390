/** A reply split into what the customer wrote now and the history they quoted. */
export interface StrippedReply {
  visible: string;
  quoted: string | null;
}

// Every check below works on one line, or on at most three joined lines of bounded length,
// with plain string operations: the whole pass is linear in the size of the text.
const MAX_HEADER_LINE = 400;

// Direction marks that Gmail and Outlook put around Arabic and Hebrew attributions.
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

const ATTRIBUTION_ENDINGS = [
  "wrote:",
  "a scris:",
  "schrieb:",
  "написал(а):",
  "написал:",
  "написала:",
  "пишет:",
  "كتب:",
  "a écrit :",
  "a écrit:",
  "escribió:",
];

const SEPARATORS = new Set([
  "original message",
  "original nachricht",
  "ursprüngliche nachricht",
  "mesaj original",
  "mesajul original",
  "исходное сообщение",
  "الرسالة الأصلية",
  "message d'origine",
  "mensaje original",
]);

// Forwarded mail is content the customer wants read, not history: nothing after these is cut.
const FORWARD_MARKERS = new Set([
  ...[
    "forwarded message",
    "weitergeleitete nachricht",
    "mesaj redirecționat",
    "mesaj redirectionat",
    "пересылаемое сообщение",
  ],
  ...[
    "الرسالة المُعاد توجيهها",
    "الرسالة المعاد توجيهها",
    "message transféré",
    "mensaje reenviado",
    "begin forwarded message:",
  ],
  ...[
    "anfang der weitergeleiteten nachricht:",
    "începutul mesajului redirecționat:",
    "начало переадресованного сообщения:",
  ],
  ...["بداية الرسالة المُعاد توجيهها:"],
]);

const FROM_LABELS = new Set(["from", "von", "de", "de la", "от", "от кого", "من", "expéditeur", "van"]);
const HEADER_LABELS = new Set([
  ...["sent", "date", "to", "cc", "subject", "gesendet", "datum", "an", "betreff", "trimis", "data", "către"],
  ...["catre", "subiect", "отправлено", "дата", "кому", "копия", "тема", "التاريخ", "أرسل", "تم الإرسال", "إلى"],
  ...["نسخة", "الموضوع", "envoyé", "à", "objet"],
]);

function clean(line: string): string {
  return line.replace(BIDI_MARKS, "").trim();
}

function isQuoteLine(line: string): boolean {
  return line.trimStart().startsWith(">");
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function isSignature(line: string): boolean {
  return line === "-- " || line === "--";
}

// The words between the dashes of "-----Original Message-----", or null when the line is not such a line.
function dashedWords(line: string): string | null {
  if (!line.startsWith("--")) return null;
  let start = 0;
  let end = line.length;
  while (start < end && line[start] === "-") start++;
  while (end > start && line[end - 1] === "-") end--;
  return start >= 2 && line.length - end >= 2 ? line.slice(start, end).trim().toLowerCase() : null;
}

function isForwardMarker(line: string): boolean {
  if (line.length > MAX_HEADER_LINE) return false;
  const cleaned = clean(line);
  return FORWARD_MARKERS.has(dashedWords(cleaned) ?? cleaned.toLowerCase());
}

// The label of an Outlook-style header line: "From:", "*Von:*", "De :" give "from", "von", "de".
function label(raw: string): string | null {
  if (raw.length > MAX_HEADER_LINE) return null;
  const line = clean(raw);
  const colon = line.indexOf(":");
  if (colon <= 0 || colon > 24) return null;
  return line.slice(0, colon).replace(/\*/g, "").trim().toLowerCase();
}

// A "From:" line followed, within four lines, by two more header lines (Sent, To, Subject...).
function isHeaderBlock(lines: string[], i: number): boolean {
  const first = label(lines[i] ?? "");
  if (first === null || !FROM_LABELS.has(first)) return false;
  let headers = 0;
  for (let j = i + 1; j <= i + 4 && j < lines.length; j++) {
    const next = label(lines[j] ?? "");
    if (next !== null && HEADER_LABELS.has(next)) headers++;
  }
  return headers >= 2;
}

function isAttributionText(text: string, nextIsQuote: boolean): boolean {
  if (text.length > MAX_HEADER_LINE || !text.endsWith(":")) return false;
  const hasDigit = /\d/.test(text);
  const lower = text.toLowerCase();
  if (ATTRIBUTION_ENDINGS.some((ending) => lower.endsWith(ending))) {
    return hasDigit || text.includes("@") || nextIsQuote;
  }
  // "Am 04.03.2025 um 10:02 schrieb Ana <ana@example.com>:"
  if (lower.startsWith("am ") && lower.includes(" schrieb ")) return true;
  // Gmail in Arabic: "في ...، كتب أحمد <ahmad@example.com>:"
  if (text.includes("كتب")) return hasDigit || text.includes("@");
  // Gmail in Russian and Yandex: "вт, 4 мар. 2025 г. в 10:02, Анна <anna@example.ru>:"
  return text.endsWith(">:") && text.includes("@") && hasDigit;
}

// An attribution may be wrapped over up to three lines by the sender's mailer.
function isAttribution(lines: string[], i: number): boolean {
  let text = "";
  for (let j = i; j < i + 3 && j < lines.length; j++) {
    const line = lines[j] ?? "";
    if (line.length > MAX_HEADER_LINE || isBlank(line) || (j > i && isQuoteLine(line))) return false;
    text = text ? `${text} ${clean(line)}` : clean(line);
    // A quote right below (after at most one blank line) confirms a short attribution without a date.
    const below = isBlank(lines[j + 1] ?? "") ? lines[j + 2] : lines[j + 1];
    if (isAttributionText(text, isQuoteLine(below ?? ""))) return true;
  }
  return false;
}

function startsHistory(lines: string[], i: number): boolean {
  const line = lines[i] ?? "";
  if (isSignature(line)) return true;
  if (line.length > MAX_HEADER_LINE || isQuoteLine(line) || isBlank(line)) return false;
  const cleaned = clean(line);
  if (SEPARATORS.has(dashedWords(cleaned) ?? "")) return true;
  // Outlook on the web draws a line of underscores above the header block.
  if (/^_{10,}$/.test(cleaned)) return isHeaderBlock(lines, i + 1) || isHeaderBlock(lines, i + 2);
  return isHeaderBlock(lines, i) || isAttribution(lines, i);
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start] ?? "")) start++;
  while (end > start && isBlank(lines[end - 1] ?? "")) end--;
  return lines.slice(start, end);
}

function whole(lines: string[]): StrippedReply {
  return { visible: trimBlankLines(lines).join("\n"), quoted: null };
}

/** Splits a customer's reply into the new text and the quoted history below it (attributions, ">" blocks, signature). */
export function stripQuotedReply(text: string): StrippedReply {
  const lines = text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (isForwardMarker(lines[i] ?? "")) return whole(lines);
    if (startsHistory(lines, i)) {
      cut = i;
      break;
    }
  }
  // A trailing block of "> " lines is history too; quotes with answers after them stay, they give context.
  let tail = cut;
  while (tail > 0 && (isBlank(lines[tail - 1] ?? "") || isQuoteLine(lines[tail - 1] ?? ""))) tail--;
  while (tail < cut && isBlank(lines[tail] ?? "")) tail++;
  if (tail < cut) cut = tail;

  const visible = trimBlankLines(lines.slice(0, cut));
  const quoted = trimBlankLines(lines.slice(cut));
  if (visible.length === 0) return whole(lines);
  return { visible: visible.join("\n"), quoted: quoted.length > 0 ? quoted.join("\n") : null };
}
