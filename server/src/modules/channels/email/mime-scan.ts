/** What a quick pass over the MIME structure found: which body types exist and what is broken. */
export interface MimeScan {
  hasPlainText: boolean;
  hasHtml: boolean;
  problems: string[];
}

/** A structured header value such as Content-Type: its lower-cased value and its parameters. */
export interface HeaderParams {
  value: string;
  params: Record<string, string>;
}

/** Splits `type/subtype; key=value; key="quoted value"` into value and parameters (names lower-cased). */
export function parseHeaderParams(header: string): HeaderParams {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (quoted && c === "\\") {
      current += header[++i] ?? "";
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ";" && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  const params: Record<string, string> = {};
  for (const part of parts.slice(1)) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    if (key && !Object.hasOwn(params, key)) params[key] = part.slice(eq + 1).trim();
  }
  return { value: (parts[0] ?? "").trim().toLowerCase(), params };
}

// Labels TextDecoder refuses but postal-mime maps to a decoder of its own.
const EXTRA_CHARSETS = new Set(["shiftjis", "windows31j", "mskanji", "eucjp", "iso2022jp", "iso2022jp1"]);
for (const label of ["iso2022jp2", "junet", "euckr", "uhc", "tis620", "iso88598i", "iso88598e"]) {
  EXTRA_CHARSETS.add(label);
}
const CODE_PAGES = new Set(["932", "936", "949", "950", "874", "51932", "50220", "50221", "50222"]);

function decoderExists(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Whether the parser can decode text in this charset (otherwise it falls back to windows-1252). */
export function isKnownCharset(label: string): boolean {
  const lower = label.trim().toLowerCase();
  if (decoderExists(lower)) return true;
  const normalised = lower.replace(/^(?:x-ms-|x-|cs)/, "").replace(/[\s._-]+/g, "");
  const codePage = /^(?:cp|windows|ms|ibm)(\d+)$/.exec(normalised)?.[1];
  return (
    EXTRA_CHARSETS.has(normalised) || (codePage !== undefined && CODE_PAGES.has(codePage)) || decoderExists(normalised)
  );
}

interface Frame {
  boundary: string;
  type: string;
  sawPart: boolean;
  nested: number;
}

interface Part {
  headers: string[];
  headerBytes: number;
  // How many message/rfc822 levels this part sits inside.
  nested: number;
  base64: { type: string; length: number; padded: boolean; bad: boolean } | null;
}

const MAX_PART_HEADER_BYTES = 256 * 1024;
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Scans a raw message once, in linear time, for body types and structural problems (never throws). */
export function scanMime(raw: Buffer): MimeScan {
  const problems = new Set<string>();
  const text = { plain: [false, false], html: [false, false] };
  let reportParts = false;
  const stack: Frame[] = [];
  let part: Part | null = { headers: [], headerBytes: 0, nested: 0, base64: null };
  let inHeaders = true;

  const endBody = () => {
    const b64 = part?.base64;
    if (b64 && (b64.bad || b64.length % 4 === 1)) problems.add(`invalid base64 in a part of type ${b64.type}`);
  };

  const endHeaders = (p: Part) => {
    inHeaders = false;
    const fields = new Map<string, string>();
    for (const field of unfold(p.headers)) {
      const colon = field.indexOf(":");
      const name = field.slice(0, colon).trim().toLowerCase();
      if (colon > 0 && !fields.has(name)) fields.set(name, field.slice(colon + 1).trim());
    }
    const contentType = parseHeaderParams(fields.get("content-type") ?? "text/plain");
    const type = contentType.value || "text/plain";
    const encoding = (fields.get("content-transfer-encoding") ?? "").toLowerCase();
    const attachment = parseHeaderParams(fields.get("content-disposition") ?? "").value === "attachment";
    if (type.startsWith("multipart/")) {
      const boundary = contentType.params.boundary;
      if (boundary) stack.push({ boundary, type, sawPart: false, nested: p.nested });
      else problems.add(`${type} without a boundary`);
      part = null;
    } else if (type === "message/rfc822" && !attachment && !/base64|quoted-printable/.test(encoding)) {
      // An inline forwarded message: its own headers follow.
      part = { headers: [], headerBytes: 0, nested: p.nested + 1, base64: null };
      inHeaders = true;
    } else {
      if (type === "message/delivery-status" || type === "message/feedback-report") reportParts = true;
      const kind = type === "text/plain" ? "plain" : type === "text/html" ? "html" : null;
      if (kind && !attachment) {
        text[kind][p.nested > 0 ? 1 : 0] = true;
        const charset = contentType.params.charset;
        if (charset && !isKnownCharset(charset)) problems.add(`unknown charset "${charset}" (read as windows-1252)`);
      }
      if (encoding.includes("base64")) p.base64 = { type, length: 0, padded: false, bad: false };
    }
  };

  forEachLine(raw.toString("latin1"), (line) => {
    if (stack.length > 0 && line.startsWith("--")) {
      const hit = matchBoundary(line, stack);
      if (hit) {
        if (inHeaders && part) endHeaders(part);
        endBody();
        for (const open of stack.splice(hit.index + 1)) {
          problems.add(`${open.type} ends without its closing boundary`);
        }
        const frame = stack[hit.index]!;
        if (hit.last) {
          stack.pop();
          part = null;
          inHeaders = false;
        } else {
          frame.sawPart = true;
          part = { headers: [], headerBytes: 0, nested: frame.nested, base64: null };
          inHeaders = true;
        }
        return;
      }
    }
    if (!part) return;
    if (inHeaders) {
      if (line === "") endHeaders(part);
      else if (part.headerBytes < MAX_PART_HEADER_BYTES) {
        part.headers.push(line);
        part.headerBytes += line.length;
      }
      return;
    }
    const b64 = part.base64;
    if (b64) {
      const data = line.replace(/[ \t]/g, "");
      if (!data) return;
      if (b64.padded || !BASE64_LINE.test(data)) b64.bad = true;
      if (data.endsWith("=")) b64.padded = true;
      b64.length += data.replace(/=/g, "").length;
    }
  });
  if (inHeaders && part) endHeaders(part);
  endBody();
  for (const open of stack) {
    problems.add(open.sawPart ? `${open.type} ends without its closing boundary` : `${open.type} has no parts`);
  }
  // A report carries the original message as evidence: its text is not the body.
  const nestedCounts = !reportParts;
  return {
    hasPlainText: text.plain[0] === true || (nestedCounts && text.plain[1] === true),
    hasHtml: text.html[0] === true || (nestedCounts && text.html[1] === true),
    problems: [...problems],
  };
}

function forEachLine(text: string, visit: (line: string) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    visit(text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end));
    start = end + 1;
  }
}

function unfold(lines: string[]): string[] {
  const fields: string[] = [];
  for (const line of lines) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && fields.length > 0) {
      fields[fields.length - 1] += line;
    } else {
      fields.push(line);
    }
  }
  return fields;
}

function matchBoundary(line: string, stack: Frame[]): { index: number; last: boolean } | null {
  for (let i = stack.length - 1; i >= 0; i--) {
    const boundary = stack[i]!.boundary;
    if (!line.startsWith(boundary, 2)) continue;
    let rest = line.slice(2 + boundary.length);
    const last = rest.startsWith("--");
    if (last) rest = rest.slice(2);
    // RFC 2046 allows trailing white space after a boundary.
    if (/^[ \t]*$/.test(rest)) return { index: i, last };
  }
  return null;
}
