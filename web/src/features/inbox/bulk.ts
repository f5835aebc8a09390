import type { Ticket } from "@frontline/common";
import { ApiError } from "../../api/api-error";

/** Per-ticket problems from a refused bulk update: `ids.N.<field>` names the N-th ticket sent. */
export function bulkProblems(error: unknown, tickets: readonly Ticket[]): { number: number; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  const out: { number: number; message: string }[] = [];
  for (const [field, messages] of Object.entries(error.fields)) {
    const match = /^ids\.(\d+)(?:\.|$)/.exec(field);
    const ticket = match ? tickets[Number(match[1])] : undefined;
    if (ticket) out.push({ number: ticket.number, message: messages.join(" ") });
  }
  return out.sort((a, b) => a.number - b.number);
}
