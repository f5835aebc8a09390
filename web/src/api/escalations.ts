import {
  type CreateEscalationInput,
  type CreateReasonInput,
  type Escalation,
  type EscalationPhrases,
  type EscalationReason,
  type EscalationReport,
  escalationPhrasesSchema,
  escalationReasonSchema,
  escalationReportSchema,
  escalationSchema,
  one,
  pageOf,
  type ResolveEscalationInput,
  type UpdatePhrasesInput,
  type UpdateReasonInput,
} from "@frontline/common";
import { apiGet, apiPatch, apiPost, type Query } from "./client";

const escalationResponse = one(escalationSchema);
const escalationPage = pageOf(escalationSchema);
const escalationList = escalationPage.pick({ data: true });
const reasonResponse = one(escalationReasonSchema);
const reasonList = pageOf(escalationReasonSchema).pick({ data: true });
const phrasesResponse = one(escalationPhrasesSchema);

/** The organisation's escalation reasons, retired ones included. */
export async function listReasons(signal?: AbortSignal): Promise<EscalationReason[]> {
  return (await apiGet("/escalation-reasons", reasonList, undefined, signal)).data;
}

/** Adds a reason (admins). */
export async function createReason(input: CreateReasonInput): Promise<EscalationReason> {
  return (await apiPost("/escalation-reasons", input, reasonResponse)).data;
}

/** Relabels, retires or moves a reason (admins). */
export async function updateReason(code: string, input: UpdateReasonInput): Promise<EscalationReason> {
  return (await apiPatch(`/escalation-reasons/${encodeURIComponent(code)}`, input, reasonResponse)).data;
}

/** The phrases that ask for a supervisor, per language (admins). */
export async function getPhrases(signal?: AbortSignal): Promise<EscalationPhrases> {
  return (await apiGet("/escalation-phrases", phrasesResponse, undefined, signal)).data;
}

/** Replaces some languages' phrases; `null` returns a language to the defaults. */
export async function updatePhrases(input: UpdatePhrasesInput): Promise<EscalationPhrases> {
  return (await apiPatch("/escalation-phrases", input, phrasesResponse)).data;
}

/** Escalates a ticket. */
export async function escalateTicket(ticketId: string, input: CreateEscalationInput): Promise<Escalation> {
  return (await apiPost(`/tickets/${encodeURIComponent(ticketId)}/escalations`, input, escalationResponse)).data;
}

/** A ticket's escalations, newest first. */
export async function ticketEscalations(ticketId: string, signal?: AbortSignal): Promise<Escalation[]> {
  return (await apiGet(`/tickets/${encodeURIComponent(ticketId)}/escalations`, escalationList, undefined, signal)).data;
}

/** One page of the escalation queue. */
export function listEscalations(query: Query, signal?: AbortSignal) {
  return apiGet("/escalations", escalationPage, query, signal);
}

/** Takes an escalation. */
export async function takeEscalation(id: string): Promise<Escalation> {
  return (await apiPost(`/escalations/${encodeURIComponent(id)}/take`, undefined, escalationResponse)).data;
}

/** Resolves an escalation with an outcome. */
export async function resolveEscalation(id: string, input: ResolveEscalationInput): Promise<Escalation> {
  return (await apiPost(`/escalations/${encodeURIComponent(id)}/resolve`, input, escalationResponse)).data;
}

/** Hands an escalation back to the agent with a coaching note. */
export async function deEscalate(id: string, coachingNote: string): Promise<Escalation> {
  return (await apiPost(`/escalations/${encodeURIComponent(id)}/de-escalate`, { coachingNote }, escalationResponse))
    .data;
}

/** The report of a period (default: the last 30 days). */
export async function escalationReport(query: Query, signal?: AbortSignal): Promise<EscalationReport> {
  return (await apiGet("/escalations/report", one(escalationReportSchema), query, signal)).data;
}
