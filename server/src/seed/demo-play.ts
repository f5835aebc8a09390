import {
  createEscalationInput,
  createMessageInput,
  createTicketInput,
  type EscalationOutcome,
  logCallInput,
  resolveEscalationInput,
  type TICKET_PRIORITIES,
  type TicketStatus,
} from "@frontline/common";
import { ingestMail, logCall } from "../modules/channels";
import { createEscalation, resolveEscalation, takeEscalation } from "../modules/escalations";
import {
  addCustomerMessage,
  addStaffMessage,
  checkCustomerFiles,
  createTicket,
  findTicket,
  type TicketRow,
  updateTicket,
} from "../modules/tickets";
import { inOrg } from "../platform/tenancy";
import { asStaff, customerOf, type DemoCast, type DemoTeam, seedCtx, staffId } from "./demo-cast";
import { type DemoFile, demoMail } from "./demo-mail";

/** One step of a ticket's story, in the order it happens. */
export type DemoStep =
  | { reply: string; by: string; status?: TicketStatus }
  | { note: string; by: string }
  | { customer: string; files?: DemoFile[] }
  | { status: TicketStatus; by: string }
  | { escalate: string; by: string; why: string; to?: string }
  | { take: string }
  | { resolve: EscalationOutcome; by: string; summary: string };

/** A ticket's story: how the customer came, what they wrote, and what happened next. */
export interface DemoTicket {
  customer: string;
  channel: "email" | "web" | "portal" | "phone" | "api";
  subject: string;
  /** The customer's first words; for a call, the agent's notes of it. */
  body: string;
  priority?: (typeof TICKET_PRIORITIES)[number];
  /** Left out where a rule chooses the team (refund requests). */
  team?: DemoTeam;
  /** Who takes it once it is in. */
  assignee?: string;
  tags?: string[];
  files?: DemoFile[];
  steps?: DemoStep[];
}

const SUPPORT_ADDRESS = "support@demo.test";

interface Story {
  ticketId: string;
  /** The Message-ID of the customer's first mail, which their later mails answer. */
  mailId: string | null;
  escalationId: string | null;
}

/** Plays one ticket's story through the modules' own services: channels, tickets, escalations. */
export async function playTicket(cast: DemoCast, script: DemoTicket, index: number): Promise<void> {
  const story = await open(cast, script, index);
  for (const [n, step] of (script.steps ?? []).entries()) await play(cast, script, story, step, `${index}-${n}`);
}

async function open(cast: DemoCast, script: DemoTicket, index: number): Promise<Story> {
  const customer = customerOf(cast, script.customer);
  const teamId = script.team ? cast.teams[script.team] : undefined;
  if (script.channel === "email") {
    const mailId = `demo-${index}@${script.customer.split("@")[1]}`;
    const raw = demoMail({
      from: { name: customer.name, address: script.customer },
      to: SUPPORT_ADDRESS,
      subject: script.subject,
      body: script.body,
      messageId: mailId,
      ...(script.files ? { files: script.files } : {}),
    });
    const { ticketId } = await ingestMail(seedCtx(cast), raw, "api");
    // Read once: a rule may have tagged it on the way in, and triage keeps those tags.
    const ticket = await inOrg(cast.deps.database, cast.orgId, async (s) => (await findTicket(s, ticketId!))!);
    await triage(cast, script, ticket, teamId);
    return { ticketId: ticket.id, mailId, escalationId: null };
  }
  if (script.channel === "phone") {
    const agent = script.assignee ?? "agent@demo.test";
    const call = logCallInput.parse({
      direction: "inbound",
      customerNumber: customer.phone,
      customerName: customer.name,
      agentId: staffId(cast, agent),
      subject: script.subject,
      startedAt: new Date().toISOString(),
      // A few minutes, a little different for each call.
      durationSeconds: 180 + index * 17,
      notes: script.body,
    });
    const { ticket } = await logCall(asStaff(cast, agent), call);
    await triage(cast, script, ticket, teamId);
    return { ticketId: ticket.id, mailId: null, escalationId: null };
  }
  const input = createTicketInput.parse({
    subject: script.subject,
    requester: { email: script.customer, name: customer.name },
    message: { body: script.body },
    channel: script.channel,
    priority: script.priority ?? "normal",
    tags: script.tags ?? [],
    ...(teamId ? { teamId } : {}),
    ...(script.assignee ? { assigneeId: staffId(cast, script.assignee) } : {}),
  });
  const ticket = await createTicket(seedCtx(cast), input);
  return { ticketId: ticket.id, mailId: null, escalationId: null };
}

/** Sets what the channel could not know: team, priority, tags, who takes it (tags already there stay). */
async function triage(cast: DemoCast, script: DemoTicket, ticket: TicketRow, teamId: string | undefined) {
  const changes = {
    ...(teamId ? { teamId } : {}),
    ...(script.priority ? { priority: script.priority } : {}),
    ...(script.tags ? { tags: [...new Set([...ticket.tags, ...script.tags])] } : {}),
    ...(script.assignee ? { assigneeId: staffId(cast, script.assignee) } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  await updateTicket(script.assignee ? asStaff(cast, script.assignee) : seedCtx(cast), ticket.id, changes);
}

async function play(cast: DemoCast, script: DemoTicket, story: Story, step: DemoStep, key: string): Promise<void> {
  if ("reply" in step || "note" in step) {
    const kind = "reply" in step ? "reply" : "note";
    const body = "reply" in step ? step.reply : step.note;
    const status = "reply" in step ? step.status : undefined;
    await addStaffMessage(
      asStaff(cast, step.by),
      story.ticketId,
      createMessageInput.parse({ kind, body, ...(status ? { status } : {}) }),
    );
  } else if ("customer" in step) {
    await customerWrites(cast, script, story, step.customer, step.files ?? [], key);
  } else if ("status" in step) {
    await updateTicket(asStaff(cast, step.by), story.ticketId, { status: step.status });
  } else if ("escalate" in step) {
    const input = createEscalationInput.parse({
      reason: step.escalate,
      note: step.why,
      ...(step.to ? { toUserId: staffId(cast, step.to) } : {}),
    });
    story.escalationId = (await createEscalation(asStaff(cast, step.by), story.ticketId, input)).id;
  } else if ("take" in step) {
    await takeEscalation(asStaff(cast, step.take), story.escalationId!);
  } else {
    const input = resolveEscalationInput.parse({ outcome: step.resolve, note: step.summary });
    await resolveEscalation(asStaff(cast, step.by), story.escalationId!, input);
  }
}

/** The customer answers on the channel they came by: a mail in the same thread, or a message as the portal sends it. */
async function customerWrites(
  cast: DemoCast,
  script: DemoTicket,
  story: Story,
  body: string,
  files: DemoFile[],
  key: string,
) {
  const customer = customerOf(cast, script.customer);
  if (story.mailId) {
    const raw = demoMail({
      from: { name: customer.name, address: script.customer },
      to: SUPPORT_ADDRESS,
      subject: `Re: ${script.subject}`,
      body,
      messageId: `demo-${key}@${script.customer.split("@")[1]}`,
      inReplyTo: story.mailId,
      files,
    });
    await ingestMail(seedCtx(cast), raw, "api");
    return;
  }
  const checked = await checkCustomerFiles(files.map((f) => ({ name: f.name, bytes: Buffer.from(f.text) })));
  const actor = {
    type: "customer" as const,
    userId: null,
    customerId: customer.id,
    name: customer.name,
    role: "agent" as const,
  };
  await inOrg(cast.deps.database, cast.orgId, async (s) => {
    const ticket = (await findTicket(s, story.ticketId, true))!;
    await addCustomerMessage(s, { actor, requestId: null, ip: null }, ticket, {
      customerId: customer.id,
      body,
      channel: ticket.channel,
      files: checked,
    });
  });
}
