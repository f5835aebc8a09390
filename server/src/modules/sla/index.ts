import type { JobRunner } from "../../platform/jobs";
import "./sla.events";
import { checkSlaHandler } from "./sla-check";
import { CHECK_SLA } from "./sla-targets";

export { slaRoutes } from "./sla.routes";
export { SLA_BREACHED, SLA_WARNING, type SlaAlert } from "./sla-check";
export { createSlaPolicy } from "./sla-policies.service";

/** Registers the checks that record warnings and breaches when targets fall due. */
export function registerSlaJobs(runner: JobRunner): void {
  runner.register(CHECK_SLA, checkSlaHandler);
}
