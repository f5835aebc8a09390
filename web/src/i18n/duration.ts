// Spans of time in the reader's language: the SLA screens count in minutes, the metrics in seconds.

const HOUR = 60;
const DAY = 24 * HOUR;

type Unit = "day" | "hour" | "minute" | "second";

/** Days, hours and minutes of a span; `approximate` keeps the two largest units ("2 days 3 hours"). */
export function durationParts(minutes: number, approximate: boolean): [Exclude<Unit, "second">, number][] {
  const whole = Math.max(0, Math.round(minutes));
  const parts: [Exclude<Unit, "second">, number][] = [
    ["day", Math.floor(whole / DAY)],
    ["hour", Math.floor((whole % DAY) / HOUR)],
    ["minute", whole % HOUR],
  ];
  const first = parts.findIndex(([, n]) => n > 0);
  if (first < 0) return [["minute", 0]];
  const kept = approximate ? parts.slice(first, first + 2) : parts.slice(first);
  return kept.filter(([, n]) => n > 0);
}

const unitFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function unitFormat(locale: string, unit: Unit, display: "short" | "long"): Intl.NumberFormat {
  const key = `${locale}|${unit}|${display}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: display });
    unitFormats.set(key, format);
  }
  return format;
}

function listFormat(locale: string, style: "narrow" | "long"): Intl.ListFormat {
  const key = `${locale}|${style}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: "unit", style });
    listFormats.set(key, format);
  }
  return format;
}

/**
 * A span in the reader's language, with the language's own units and plurals (CLDR, through Intl):
 * short and approximate for countdowns ("1 hr 20 min"), long and exact for a policy's targets
 * ("1 day, 2 hours").
 */
export function formatDuration(minutes: number, locale: string, style: "short" | "long"): string {
  const parts = durationParts(minutes, style === "short");
  const words = parts.map(([unit, n]) => unitFormat(locale, unit, style).format(n));
  return listFormat(locale, style === "short" ? "narrow" : "long").format(words);
}

/**
 * A measured duration of `seconds` as its two largest units ("1 hr 5 min", "2 days 3 hr"); under a
 * minute in seconds, so a quick first reply does not read as "0 min". Null (nothing measured) is a dash.
 */
export function formatSeconds(seconds: number | null, locale: string): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  if (seconds < 59.5) return unitFormat(locale, "second", "short").format(Math.max(0, Math.round(seconds)));
  return formatDuration(seconds / 60, locale, "short");
}
