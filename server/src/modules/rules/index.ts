import type { JobRunner } from "../../platform/jobs";
import "./rules.events";
import { RUN_AUTOMATIONS, runAutomationsHandler } from "./rules-automations";

export { ruleRoutes } from "./rules.routes";
export { createRule } from "./rules.service";
export { RUN_AUTOMATIONS } from "./rules-automations";

/** Registers the automations' recurring checks. */
export function registerRuleJobs(runner: JobRunner): void {
  runner.register(RUN_AUTOMATIONS, runAutomationsHandler);
}
