import "./metrics.events";

export { refreshAgentState } from "./agent-state";
export { breakdownRows, metricsBreakdown } from "./breakdown.service";
export { complaintTrend } from "./complaints.service";
export { metricTickets } from "./drill.service";
export { figuresOf } from "./figures";
export { metricsRoutes } from "./metrics.routes";
export { metricsSeries } from "./series.service";
export { metricsSummary } from "./summary.service";
