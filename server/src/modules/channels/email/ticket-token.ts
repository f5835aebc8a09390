const TOKEN = /\[#(\d{1,16})\]/;

// Reply and forward prefixes in the languages Frontline serves and the clients customers use:
// Re/Fwd/Fw, German AW/WG, Romanian Răspuns/Redirecționare, Russian Ответ/Отв/Пересл, Arabic رد/إعادة توجيه,
// and the Nordic, Dutch, French, Spanish and Polish forms mail often arrives with.
const PREFIXES = new Set([
  ...["re", "fw", "fwd", "aw", "wg", "antw", "ответ", "отв", "пересл", "rs", "răspuns", "raspuns", "redirecționare"],
  ...["redirectionare", "رد", "إعادة توجيه", "tr", "sv", "vs", "vb", "rif", "rv", "odp", "enc"],
]);

// One prefix at the start: a word, an optional counter "[2]" or "(2)", then a colon (ASCII, full-width or Arabic-spaced).
// Sticky, so each round continues where the last prefix ended without copying the rest.
// No two unbounded white-space runs can meet, so a long run of spaces cannot make it backtrack.
const ONE_PREFIX = /\s*([^\s:：[(]{1,20}(?: [^\s:：[(]{1,20})?)\s*(?:(?:\[\d{1,4}\]|\(\d{1,4}\))\s*)?[:：]/uy;

/** The token Frontline puts in the subject of its mail about a ticket, e.g. "[#1234]". */
export function formatTicketToken(ticketNumber: number): string {
  if (!Number.isSafeInteger(ticketNumber) || ticketNumber <= 0) throw new RangeError("ticket number must be positive");
  return `[#${ticketNumber}]`;
}

// A token is only a hint: the caller must still check that the sender may write to that ticket.
/** The ticket number in a subject's "[#1234]" token, or null. */
export function findTicketToken(subject: string): number | null {
  const digits = TOKEN.exec(subject)?.[1];
  if (digits === undefined) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The subject without leading reply/forward prefixes ("Re: AW: Fwd[2]: x" gives "x"), white space collapsed. */
export function normaliseSubject(subject: string): string {
  let pos = 0;
  for (;;) {
    ONE_PREFIX.lastIndex = pos;
    const match = ONE_PREFIX.exec(subject);
    if (!match || !PREFIXES.has((match[1] ?? "").toLowerCase())) break;
    pos = ONE_PREFIX.lastIndex;
  }
  return subject.slice(pos).replace(/\s+/g, " ").trim();
}
