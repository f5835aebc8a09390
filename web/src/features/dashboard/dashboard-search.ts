import {
  METRIC_DIMENSIONS,
  METRIC_INTERVALS,
  type MetricDimension,
  type MetricInterval,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type Ticket,
} from "@frontline/common";
import type { Query } from "../../api/client";
import { oneOf, text } from "../../ui/address-bar";
import { PERIOD_PRESETS, type Period, type PeriodPreset, validRange } from "./period";

/** What the trend chart shows. */
export const TREND_VIEWS = ["volume", "speed", "quality"] as const;
export type TrendView = (typeof TREND_VIEWS)[number];

/**
 * The dashboard's address bar: the period, the slice, business time and the chosen views, so a
 * supervisor can bookmark "billing, last 30 days, business hours" or send it to a colleague.
 */
export interface DashboardSearch {
  period?: PeriodPreset;
  /** A custom range's first and last day, "YYYY-MM-DD" in the viewer's zone. */
  from?: string;
  to?: string;
  teamId?: string;
  agentId?: string;
  channel?: Ticket["channel"];
  priority?: Ticket["priority"];
  tag?: string;
  language?: string;
  companyId?: string;
  /** Durations in business hours. */
  business?: true;
  interval?: MetricInterval;
  trend?: TrendView;
  /** The dimension of the breakdown table. */
  by?: MetricDimension;
}

/** The filters that slice every figure; clearing the filter bar drops these. */
export const SLICE_KEYS = ["teamId", "agentId", "channel", "priority", "tag", "language", "companyId"] as const;

/** The period a dashboard opens with. */
export const DEFAULT_PERIOD: PeriodPreset = "7d";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAG = /^[\p{L}\p{N}_:.-]{1,50}$/u;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

const uuid = (value: unknown) => {
  const s = text(value);
  return s && UUID.test(s) ? s.toLowerCase() : undefined;
};

/** A tag as tickets store it (trimmed, lower case), or null when it could never match one. */
export function normaliseTag(value: string): string | null {
  const tag = value.trim().toLowerCase();
  return TAG.test(tag) ? tag : null;
}

/** Reads the address bar into clean dashboard settings; a hand-edited or stale link never breaks the page. */
export function parseDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const out: DashboardSearch = {};
  const period = oneOf(PERIOD_PRESETS, raw.period);
  if (period && period !== DEFAULT_PERIOD) out.period = period;
  if (period === "custom") {
    const from = text(raw.from);
    const to = text(raw.to);
    // A custom period without a valid range falls back to the default rather than showing nothing.
    if (from && to && validRange({ from, to })) Object.assign(out, { from, to });
    else delete out.period;
  }
  const teamId = uuid(raw.teamId);
  if (teamId) out.teamId = teamId;
  const agentId = uuid(raw.agentId);
  if (agentId) out.agentId = agentId;
  const companyId = uuid(raw.companyId);
  if (companyId) out.companyId = companyId;
  const channel = oneOf(TICKET_CHANNELS, raw.channel);
  if (channel) out.channel = channel;
  const priority = oneOf(TICKET_PRIORITIES, raw.priority);
  if (priority) out.priority = priority;
  const tag = normaliseTag(text(raw.tag) ?? "");
  if (tag) out.tag = tag;
  const language = text(raw.language);
  if (language && LANGUAGE.test(language)) out.language = language.toLowerCase();
  if (raw.business === true || raw.business === "true") out.business = true;
  const interval = oneOf(METRIC_INTERVALS, raw.interval);
  if (interval) out.interval = interval;
  const trend = oneOf(TREND_VIEWS, raw.trend);
  if (trend && trend !== "volume") out.trend = trend;
  const by = oneOf(METRIC_DIMENSIONS, raw.by);
  if (by) out.by = by;
  return out;
}

/** The preset in force (the default when none is in the address bar). */
export const presetOf = (search: DashboardSearch): PeriodPreset => search.period ?? DEFAULT_PERIOD;

/** How many slicing filters are set. */
export const sliceCount = (search: DashboardSearch): number => SLICE_KEYS.filter((k) => search[k] !== undefined).length;

/** The query every metrics endpoint takes for this period and slice. */
export function metricsFilter(search: DashboardSearch, period: Period): Query {
  return {
    from: period.from,
    to: period.to,
    teamId: search.teamId,
    agentId: search.agentId,
    channel: search.channel,
    priority: search.priority,
    tag: search.tag,
    language: search.language,
    companyId: search.companyId,
    businessTime: search.business ? "true" : undefined,
  };
}
