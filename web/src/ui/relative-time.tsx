import { Text, type TextProps } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatRelative } from "../i18n/format";
import { useFormatters } from "./use-formatters";

let listeners = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

// One shared clock for every relative time on screen, rather than a timer per row.
function subscribe(listener: (now: number) => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    const now = Date.now();
    for (const l of listeners) l(now);
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
      listeners = new Set();
    }
  };
}

/** The current time, refreshed every half minute so "5 minutes ago" keeps moving. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => subscribe(setNow), []);
  return now;
}

/** "5 minutes ago" ("5 min. ago" when short) with the exact date and time (in the profile's zone) on hover and for machines. */
export function RelativeTime({ iso, short, ...props }: { iso: string; short?: boolean } & TextProps) {
  const { i18n } = useTranslation();
  const format = useFormatters();
  const now = useNow();
  const exact = format.dateTime(iso);
  return (
    <Text component="time" dateTime={iso} title={exact} size="sm" style={{ whiteSpace: "nowrap" }} {...props}>
      {formatRelative(iso, i18n.language, now, short ? "short" : "long")}
    </Text>
  );
}
