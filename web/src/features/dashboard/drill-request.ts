import type { DrillSet } from "@frontline/common";
import type { Query } from "../../api/client";

/** What the drill-down lists: a set of tickets under the dashboard's filter, perhaps narrowed to a bucket or a tag. */
export interface DrillRequest {
  set: DrillSet;
  /** The heading: the figure and, for a chart's bucket, its dates. */
  title: string;
  query: Query;
}

/** Opens a drill-down; the page fills in its own filter under `narrow`. */
export type OpenDrill = (set: DrillSet, title: string, narrow?: Query) => void;
