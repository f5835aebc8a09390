import { useEffect, useState } from "react";
import { formatDuration } from "../sla/sla-time";

const DAY = 24 * 3600;

const digits = new Map<string, Intl.NumberFormat>();

function twoDigits(locale: string): Intl.NumberFormat {
  let format = digits.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
    digits.set(locale, format);
  }
  return format;
}

/**
 * A wait as a clock reads it, in the reader's digits: "4:07", "1:04:07"; from a day on, in days and
 * hours ("2 days 3 hr"), where seconds no longer matter.
 */
export function formatWait(seconds: number, locale: string): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s >= DAY) return formatDuration(Math.floor(s / 60), locale, "short");
  const two = twoDigits(locale);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = two.format(s % 60);
  if (h === 0) return `${new Intl.NumberFormat(locale).format(m)}:${rest}`;
  return `${new Intl.NumberFormat(locale).format(h)}:${two.format(m)}:${rest}`;
}

/** A wait that was `seconds` when it arrived at `receivedAt`, as it stands now. */
export const waitedSince = (seconds: number, receivedAt: number, now: number): number =>
  seconds + Math.max(0, Math.floor((now - receivedAt) / 1000));

/**
 * The time, every second: the wallboard's waits tick on it. One timer per board, not per tile,
 * counted from when the data arrived so the viewer's clock may be wrong without harm.
 */
export function useSecondTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
