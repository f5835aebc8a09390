/** Dates and numbers always go through Intl with the reader's language and time zone. */

const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // A zone the browser does not know (older ICU) must not blank the page; fall back to UTC.
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    }
    cache.set(key, format);
  }
  return format;
}

/** "22 Nov 2025, 07:48" style, in the given zone. */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, timeZone, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** Date only, in the given zone. */
export function formatDate(iso: string, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, timeZone, { dateStyle: "medium" }).format(new Date(iso));
}

/** A whole number with the locale's grouping and digits. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/**
 * A period as the locale writes a range of days ("1–7 Mar 2026"); `to` is exclusive, so a period
 * ending at midnight ends on the day before.
 */
export function formatDateRange(from: string, to: string, locale: string, timeZone: string): string {
  const last = new Date(Math.max(Date.parse(from), Date.parse(to) - 1));
  return dateTimeFormat(locale, timeZone, { dateStyle: "medium" }).formatRange(new Date(from), last);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A fraction from 0 to 1 as a percentage in the locale's own way ("87.5 %", "%87,5"); null is a dash. */
export function formatPercent(fraction: number | null, locale: string, maximumFractionDigits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return "—";
  return numberFormat(locale, { style: "percent", maximumFractionDigits }).format(fraction);
}

/** A number with at most `digits` decimals (replies per ticket, NPS); null is a dash. */
export function formatDecimal(value: number | null, locale: string, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** The browser's own zone, used before a profile is loaded. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Every IANA zone the browser knows, UTC first, plus `extra` if it is missing (a stored value must stay selectable). */
export function timeZoneOptions(extra?: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const all = new Set(["UTC", ...zones]);
  if (extra) all.add(extra);
  return [...all];
}

const relativeCache = new Map<string, Intl.RelativeTimeFormat>();

// Largest unit first: the first one the difference reaches is used ("3 hours ago", not "190 minutes ago").
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "5 minutes ago", "yesterday", "in 2 hours" in the reader's language; under a minute is "now". */
export function formatRelative(iso: string, locale: string, now: number, style: "long" | "short" = "long"): string {
  const key = `${locale}|${style}`;
  let format = relativeCache.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style });
    relativeCache.set(key, format);
  }
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, "second");
}

/**
 * Wraps words a person typed in Unicode isolates (FSI…PDI) before they go into a sentence, so a
 * Latin query inside an Arabic sentence (or the reverse) keeps its own direction and the quotes stay put.
 */
export function isolateDirection(text: string): string {
  return `\u2068${text}\u2069`;
}
