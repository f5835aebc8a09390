const FALLBACK = "attachment";
const MAX_LENGTH = 200;

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that make
// "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Characters Windows refuses in a file name.
const RESERVED = /[<>:"|?*]/g;

/** A filename that is safe to store and offer for download: no path, no control characters, never empty. */
export function safeFilename(name: string | null | undefined): string {
  if (!name) return FALLBACK;
  const cleaned = name.normalize("NFC").replace(INVISIBLE, "");
  // Only the last path segment: "../../etc/passwd" and "C:\\x\\a.txt" name a file, not a place.
  const base = cleaned.slice(Math.max(cleaned.lastIndexOf("/"), cleaned.lastIndexOf("\\")) + 1);
  let safe = base.replace(RESERVED, "_").trim();
  // Windows drops trailing dots and spaces, so "a.exe." would become "a.exe" on download.
  let end = safe.length;
  while (end > 0 && (safe[end - 1] === "." || safe[end - 1] === " ")) end--;
  safe = safe.slice(0, end);
  if (!safe || /^\.+$/.test(safe)) return FALLBACK;
  return truncate(safe);
}

function truncate(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
  return chars.slice(0, MAX_LENGTH - Array.from(ext).length).join("") + ext;
}
