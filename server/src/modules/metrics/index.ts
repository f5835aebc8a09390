import "./metrics.events";

export { refreshAgentState } from "./agent-state";
export { breakdownRows } from "./breakdown.service";
export { figuresOf } from "./figures";
export { metricsRoutes } from "./metrics.routes";
export { metricsSummary } from "./summary.service";
