import type { AuthCheck, AuthResults } from "./mail-types";

// Removes RFC 5322 comments, "(...)" possibly nested, outside quoted strings, in one pass.
function stripComments(value: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && (quoted || depth > 0)) {
      if (depth === 0) out += value.slice(i, i + 2);
      i++;
    } else if (depth === 0 && c === '"') {
      quoted = !quoted;
      out += c;
    } else if (!quoted && c === "(") {
      depth++;
    } else if (!quoted && depth > 0 && c === ")") {
      depth--;
      if (depth === 0) out += " ";
    } else if (depth === 0) {
      out += c;
    }
  }
  return out;
}

// `reason="key ok; body ok"` is one property: only a semicolon outside quotes ends a result.
function splitOutsideQuotes(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\") i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ";" && !quoted) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

function domainOf(value: string | undefined): string | null {
  if (!value) return null;
  const unquoted = value.replace(/"/g, "").trim().toLowerCase();
  const at = unquoted.lastIndexOf("@");
  const domain = at >= 0 ? unquoted.slice(at + 1) : unquoted;
  return domain || null;
}

interface ResInfo {
  method: string;
  result: string;
  props: Map<string, string>;
}

function parseResInfo(segment: string): ResInfo | null {
  const words = segment.trim().split(/\s+/);
  const first = words[0] ?? "";
  const eq = first.indexOf("=");
  if (eq <= 0) return null;
  const props = new Map<string, string>();
  for (const word of words.slice(1)) {
    const at = word.indexOf("=");
    if (at > 0) props.set(word.slice(0, at).toLowerCase(), word.slice(at + 1));
  }
  // "dkim/1=pass": the method may carry a version.
  const method = first.slice(0, eq).toLowerCase().split("/")[0] ?? "";
  return { method, result: first.slice(eq + 1).toLowerCase(), props };
}

function check(results: ResInfo[], method: string, domainKeys: string[]): AuthCheck | null {
  const mine = results.filter((r) => r.method === method);
  // Several DKIM signatures are usual: one good signature is what counts.
  const chosen = mine.find((r) => r.result === "pass") ?? mine[0];
  if (!chosen) return null;
  const key = domainKeys.find((k) => chosen.props.has(k));
  return { result: chosen.result, domain: key ? domainOf(chosen.props.get(key)) : null };
}

/** Reads one Authentication-Results header value (RFC 8601); null when it is not one. */
export function parseAuthResultsHeader(value: string): AuthResults | null {
  const segments = splitOutsideQuotes(stripComments(value));
  const authservId = (segments[0] ?? "").trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  // Even "no result" is written "; none": a value without a semicolon is not a result header.
  if (!authservId || segments.length < 2) return null;
  const results = segments.slice(1).flatMap((s) => parseResInfo(s) ?? []);
  return {
    authservId,
    spf: check(results, "spf", ["smtp.mailfrom", "smtp.helo"]),
    dkim: check(results, "dkim", ["header.d", "header.i"]),
    dmarc: check(results, "dmarc", ["header.from"]),
  };
}

// A sender can add Authentication-Results of its own below ours: only our own server's header is evidence.
/** SPF/DKIM/DMARC from the topmost Authentication-Results header (the topmost by a trusted server, if named), or null. */
export function parseAuthResults(values: string[], trustedAuthservIds?: readonly string[]): AuthResults | null {
  const trusted = trustedAuthservIds?.map((id) => id.toLowerCase());
  for (const value of values) {
    const parsed = parseAuthResultsHeader(value);
    if (!parsed) continue;
    if (!trusted || trusted.includes(parsed.authservId)) return parsed;
  }
  return null;
}
