import {
  type CreateSlaPolicyInput,
  one,
  pageOf,
  type SlaPolicy,
  slaPolicySchema,
  type TicketSlaTarget,
  ticketSlaTargetSchema,
  type UpdateSlaPolicyInput,
} from "@frontline/common";
import { apiDelete, apiGet, apiPatch, apiPost } from "./client";

const PATH = "/sla-policies";
const policyResponse = one(slaPolicySchema);
// Plain lists ({data}), without paging: organisations have few policies, and a ticket at most four targets.
const policyList = pageOf(slaPolicySchema).pick({ data: true });
const targetList = pageOf(ticketSlaTargetSchema).pick({ data: true });

/** Every SLA policy, in the order they are tried: the first that covers a ticket applies. */
export async function listSlaPolicies(signal?: AbortSignal): Promise<SlaPolicy[]> {
  return (await apiGet(PATH, policyList, undefined, signal)).data;
}

/** Adds a policy, last in the order unless a position is given (admins). */
export async function createSlaPolicy(input: CreateSlaPolicyInput): Promise<SlaPolicy> {
  return (await apiPost(PATH, input, policyResponse)).data;
}

/** Changes a policy (admins); tickets take the change when their properties next change. */
export async function updateSlaPolicy(id: string, input: UpdateSlaPolicyInput): Promise<SlaPolicy> {
  return (await apiPatch(`${PATH}/${encodeURIComponent(id)}`, input, policyResponse)).data;
}

/** Deletes a policy and the clocks it set (admins). */
export function deleteSlaPolicy(id: string): Promise<void> {
  return apiDelete(`${PATH}/${encodeURIComponent(id)}`);
}

/** Sets the order policies are tried in, every policy's id once (admins); answers the list in that order. */
export async function reorderSlaPolicies(ids: string[]): Promise<SlaPolicy[]> {
  return (await apiPost(`${PATH}/reorder`, { ids }, policyList)).data;
}

/** A ticket's SLA targets: each one's state, due time and time left. */
export async function ticketSla(ticketId: string, signal?: AbortSignal): Promise<TicketSlaTarget[]> {
  return (await apiGet(`/tickets/${encodeURIComponent(ticketId)}/sla`, targetList, undefined, signal)).data;
}
