import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { meQuery } from "../api/queries";
import { formatSeconds } from "../i18n/duration";
import {
  browserTimeZone,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDecimal,
  formatNumber,
  formatPercent,
} from "../i18n/format";

/** Date, number, percentage and duration formatting in the reader's language and their profile's time zone. */
export function useFormatters() {
  const { i18n } = useTranslation();
  // Read from the cache only: signed-in pages load /me before they render, and public pages (the
  // customer portal) have no staff profile to fetch.
  const { data: me } = useQuery({ ...meQuery, enabled: false });
  const locale = i18n.language;
  const timeZone = me?.timeZone ?? browserTimeZone();
  return useMemo(
    () => ({
      timeZone,
      dateTime: (iso: string) => formatDateTime(iso, locale, timeZone),
      date: (iso: string) => formatDate(iso, locale, timeZone),
      /** The days from `from` to before `to`. */
      dateRange: (from: string, to: string) => formatDateRange(from, to, locale, timeZone),
      number: (value: number) => formatNumber(value, locale),
      /** Seconds as "1 hr 5 min"; null as a dash. */
      duration: (seconds: number | null) => formatSeconds(seconds, locale),
      /** A 0–1 fraction as a percentage; null as a dash. */
      percent: (fraction: number | null, digits?: number) => formatPercent(fraction, locale, digits),
      decimal: (value: number | null, digits?: number) => formatDecimal(value, locale, digits),
    }),
    [locale, timeZone],
  );
}
