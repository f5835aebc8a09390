import { type LogCallInput, statusOnCustomerMessage } from "@frontline/common";
import type { Ctx } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { inOrg } from "../../platform/tenancy";
import { recordAudit } from "../audit";
import { findOrCreateCustomerByPhone } from "../customers";
import { findUser } from "../staff";
import { applyChanges, findTicket, insertMessage, openTicket, type TicketRow } from "../tickets";

/** "4 min 12 s" style duration for the call's summary line. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : "", `${s} s`].filter(Boolean).join(" ");
}

/** The conversation entry of a call: who called whom, how long, then the notes and the transcript. */
export function callBody(input: LogCallInput): string {
  const who = input.direction === "inbound" ? `Call from ${input.customerNumber}` : `Call to ${input.customerNumber}`;
  const parts = [`${who}, ${formatDuration(input.durationSeconds)}`];
  if (input.notes) parts.push(input.notes);
  if (input.transcript) parts.push(`Transcript:\n${input.transcript}`);
  return parts.join("\n\n");
}

/**
 * Logs a phone call on the caller's ticket, or on a new phone ticket: the caller is found by number
 * (or email) or created, an inbound call reopens a waiting or solved ticket, and the call's details
 * stay with the message.
 */
export async function logCall(
  ctx: Ctx,
  input: LogCallInput,
): Promise<{ ticket: TicketRow; messageId: string; customerId: string }> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    if (input.agentId) {
      const agent = await findUser(s, input.agentId);
      if (!agent?.active)
        throw new AppError("unprocessable", "Unknown or inactive agent", { agentId: ["Unknown or inactive user"] });
    }
    const customer = await findOrCreateCustomerByPhone(s, input.customerNumber, {
      name: input.customerName,
      email: input.customerEmail,
    });
    const agentId = input.agentId ?? ctx.actor.userId;
    const author =
      input.direction === "inbound"
        ? { type: "customer" as const, id: customer.id }
        : agentId
          ? { type: "user" as const, id: agentId }
          : { type: "system" as const, id: null };
    const meta = {
      call: {
        direction: input.direction,
        customerNumber: input.customerNumber,
        lineNumber: input.lineNumber ?? null,
        agentId: agentId ?? null,
        startedAt: input.startedAt,
        durationSeconds: input.durationSeconds,
        recordingUrl: input.recordingUrl ?? null,
      },
    };
    const message = {
      kind: input.direction === "inbound" ? ("inbound" as const) : ("reply" as const),
      author,
      body: callBody(input),
      meta,
    };
    let ticket: TicketRow;
    let messageId: string;
    if (input.ticketId) {
      const found = await findTicket(s, input.ticketId, true);
      if (!found) throw new AppError("unprocessable", "Unknown ticket", { ticketId: ["Unknown ticket"] });
      if (found.mergedIntoId || found.status === "closed") {
        throw new AppError("conflict", "That ticket is closed; log the call without ticketId to open a new one", {
          ticketId: ["Closed ticket"],
        });
      }
      messageId = await insertMessage(s, {
        ...message,
        ticketId: found.id,
        channel: "phone",
      });
      const next = input.direction === "inbound" ? statusOnCustomerMessage(found.status) : found.status;
      ticket =
        next !== found.status && next !== "follow_up"
          ? await applyChanges(s, found, { status: next })
          : (await findTicket(s, found.id))!;
    } else {
      ({ ticket, messageId } = await openTicket(s, ctx, {
        subject:
          input.subject ??
          (input.direction === "inbound" ? `Call from ${input.customerNumber}` : `Call to ${input.customerNumber}`),
        requesterId: customer.id,
        channel: "phone",
        assigneeId: agentId,
        message,
      }));
    }
    await recordAudit(s, ctx, {
      action: "call.logged",
      entityType: "ticket",
      entityId: ticket.id,
      changes: { direction: [null, input.direction], durationSeconds: [null, input.durationSeconds] },
    });
    return { ticket, messageId, customerId: customer.id };
  });
}
