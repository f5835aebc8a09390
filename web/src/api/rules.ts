import {
  type CreateRuleInput,
  one,
  type Rule,
  ruleListSchema,
  ruleSchema,
  type UpdateRuleInput,
} from "@frontline/common";
import { apiDelete, apiGet, apiPatch, apiPost } from "./client";

const ruleResponse = one(ruleSchema);
const ruleList = ruleListSchema;

/** Every trigger and automation, in their order (supervisors and above). */
export async function listRules(signal?: AbortSignal): Promise<Rule[]> {
  return (await apiGet("/rules", ruleList, undefined, signal)).data;
}

/** Adds a rule at the end of its kind (admins). */
export async function createRule(input: CreateRuleInput): Promise<Rule> {
  return (await apiPost("/rules", input, ruleResponse)).data;
}

/** Changes a rule (admins). */
export async function updateRule(id: string, input: UpdateRuleInput): Promise<Rule> {
  return (await apiPatch(`/rules/${encodeURIComponent(id)}`, input, ruleResponse)).data;
}

/** Deletes a rule (admins). */
export function deleteRule(id: string): Promise<void> {
  return apiDelete(`/rules/${encodeURIComponent(id)}`);
}

/** Puts one kind's rules in this order (admins). */
export async function reorderRules(kind: Rule["kind"], ids: string[]): Promise<Rule[]> {
  return (await apiPost("/rules/reorder", { kind, ids }, ruleList)).data;
}
