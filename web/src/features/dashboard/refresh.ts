/** How often the figures are asked for again while the dashboard is open: a floor changes by the minute. */
export const REFRESH_MS = 60_000;
