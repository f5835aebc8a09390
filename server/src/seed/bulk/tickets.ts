import { LANGUAGES, type Language, TOPICS, type Topic } from "./bank";
import { opt, text, ts, words } from "./copy";
import type { Customers } from "./customers";
import type { Rng } from "./random";
import { Weighted } from "./random";
import type { TicketTables } from "./rows";
import { DAY, HOUR } from "./season";
import { type OrgStaff, type Person, teamsFor } from "./staff";
import { type TicketTopic, VOCABULARY, type Writer } from "./text";

const MINUTE = 60_000;
const CHANNELS = new Weighted([
  ["email", 45],
  ["web", 15],
  ["portal", 10],
  ["chat", 15],
  ["phone", 10],
  ["social", 3],
  ["api", 2],
] as const);
const PRIORITIES = new Weighted([
  ["low", 15],
  ["normal", 60],
  ["high", 20],
  ["urgent", 5],
] as const);
const EVERYDAY_TOPICS = new Weighted(
  TOPICS.filter((t) => t !== "recall").map((t, i) => [t, [18, 20, 10, 14, 9, 8, 13, 8][i]!] as const),
);
const CONFIG: Record<Language, string> = { en: "english", ro: "romanian", de: "german", ru: "russian", ar: "arabic" };
/** First reply's median wait by priority, and the SLA minutes of the two policies (staff.ts). */
const FIRST_REPLY_MEDIAN = { urgent: 40 * MINUTE, high: 90 * MINUTE, normal: 3 * HOUR, low: 6 * HOUR };
const ESCALATION_REASONS = [
  "angry_customer",
  "refund_above_limit",
  "legal_threat",
  "technical_expertise",
  "vip",
  "repeated_contact",
];
const OUTCOMES = [
  "resolved_by_supervisor",
  "returned_to_agent",
  "refund_approved",
  "refund_denied",
  "customer_compensated",
  "no_action",
];
const RATINGS = new Weighted([
  [5, 45],
  [4, 25],
  [3, 12],
  [2, 8],
  [1, 10],
] as const);

type Status = "new" | "open" | "pending" | "on_hold" | "solved" | "closed";

/** A ticket's status from its age: old ones are done, recent ones still being worked. */
function statusFor(rng: Rng, ageMs: number): Status {
  const x = rng.next();
  if (ageMs < 2 * HOUR) return x < 0.6 ? "new" : "open";
  if (ageMs < DAY) return x < 0.15 ? "new" : x < 0.6 ? "open" : x < 0.85 ? "pending" : "solved";
  if (ageMs < 3 * DAY) return x < 0.3 ? "open" : x < 0.55 ? "pending" : x < 0.6 ? "on_hold" : "solved";
  if (ageMs < 14 * DAY) return x < 0.08 ? "open" : x < 0.15 ? "pending" : x < 0.18 ? "on_hold" : "solved";
  if (ageMs < 30 * DAY) return x < 0.03 ? "open" : x < 0.05 ? "pending" : "solved";
  return x < 0.9 ? "closed" : "solved";
}

export interface TicketContext {
  rng: Rng;
  orgId: string;
  staff: OrgStaff;
  customers: Customers;
  writer: Writer;
  now: number;
  out: TicketTables;
}

interface Msg {
  at: number;
  kind: "inbound" | "reply" | "note";
  body: string;
  /** For a staff reply: first, or next after a customer's message at `waitFrom`. */
  reply?: "first" | "next";
  waitFrom?: number;
}

/** One ticket with everything that happened to it, appended to the chunk's tables. */
export function makeTicket(c: TicketContext, number: number, created: number, spike: "recall" | "campaign" | null) {
  const { rng, orgId, out } = c;
  const customerIndex = rng.chance(0.8) ? rng.int(c.customers.ids.length) : rng.zipf(c.customers.ids.length);
  const requester = c.customers.ids[customerIndex]!;
  const language = LANGUAGES[c.customers.language[customerIndex]!]!;
  const topic: Topic =
    spike === "recall"
      ? "recall"
      : spike === "campaign"
        ? rng.chance(0.5)
          ? "delivery"
          : "billing"
        : EVERYDAY_TOPICS.pick(rng);
  const channel = CHANNELS.pick(rng);
  const priority = spike === "recall" && rng.chance(0.5) ? "high" : PRIORITIES.pick(rng);
  const id = rng.uuidAt(created);
  const teams = teamsFor(c.staff, topic);
  const team = teams[rng.int(teams.length)]!;
  const status = statusFor(rng, c.now - created);
  const assignee: Person | null =
    team.agents.length === 0 || (status === "new" && rng.chance(0.7)) ? null : rng.pick(team.agents);
  const t: TicketTopic = {
    language,
    topic,
    product: rng.zipf(VOCABULARY),
    kind: rng.int(10),
    order: String(100000 + rng.int(9_900_000)),
    customerFirst: c.customers.first[customerIndex]!,
  };
  const subject = c.writer.subject(t);
  const author = assignee ?? team.supervisor;

  // The conversation as planned, in offsets from creation; squeezed below if it would reach past now.
  const msgs: Msg[] = [{ at: 0, kind: "inbound", body: c.writer.inbound(t, rng.chance(0.05)) }];
  let solveAt: number | null = null;
  let firstSolve: number | null = null;
  if (status !== "new") {
    const first = rng.logNormal(FIRST_REPLY_MEDIAN[priority], 1);
    if (rng.chance(0.35)) msgs.push({ at: first * 0.6, kind: "note", body: c.writer.note(t) });
    msgs.push({ at: first, kind: "reply", body: c.writer.reply(t, author.first, true), reply: "first" });
    let at = first;
    let exchanges = 0;
    while (exchanges < 5 && rng.chance(exchanges === 0 ? 0.5 : 0.3)) exchanges++;
    const reopened = (status === "solved" || status === "closed") && exchanges > 0 && rng.chance(0.12);
    if (reopened) firstSolve = at + rng.logNormal(4 * HOUR, 0.8);
    for (let i = 0; i < exchanges; i++) {
      const asked = Math.max(at, firstSolve ?? 0) + rng.logNormal(DAY, 1);
      msgs.push({ at: asked, kind: "inbound", body: c.writer.followup(t) });
      // An open ticket waits on the agent: its last customer message has no answer yet.
      if (status === "open" && i === exchanges - 1) break;
      at = asked + rng.logNormal(3 * HOUR, 1);
      msgs.push({ at, kind: "reply", body: c.writer.reply(t, author.first, false), reply: "next", waitFrom: asked });
    }
    if (status === "solved" || status === "closed") {
      const last = msgs[msgs.length - 1]!.at;
      solveAt = last + rng.logNormal(6 * HOUR, 1);
      if (rng.chance(0.25)) msgs.push({ at: (last + solveAt) / 2, kind: "inbound", body: c.writer.thanks(t) });
    }
  }
  const span = Math.max(solveAt ?? 0, ...msgs.map((m) => m.at));
  const room = c.now - created - MINUTE;
  // (A ticket of the last minute has nothing to squeeze: its one message is at its creation.)
  const squeeze = span > 0 && span > room ? Math.max(0, room) / span : 1;
  const when = (offset: number) => created + Math.floor(offset * squeeze);
  msgs.sort((a, b) => a.at - b.at);

  let staffReplies = 0;
  let firstReplyAt: number | null = null;
  const body: string[] = [];
  for (const m of msgs) {
    const at = when(m.at);
    const messageId = rng.uuidAt(at);
    const byStaff = m.kind !== "inbound";
    out.messages.add(
      orgId,
      messageId,
      id,
      m.kind,
      channel,
      byStaff ? "user" : "customer",
      byStaff ? author.id : "\\N",
      byStaff ? "\\N" : requester,
      text(m.body),
      ts(at),
    );
    body.push(m.body);
    if (m.kind === "reply") {
      staffReplies++;
      firstReplyAt ??= at;
      const waited = Math.round((at - (m.reply === "first" ? created : when(m.waitFrom!))) / 1000);
      out.replies.add(orgId, messageId, id, author.id, m.reply!, ts(at), String(waited), String(waited));
    }
  }
  const lastMessage = when(msgs[msgs.length - 1]!.at);
  const solvedAt = solveAt === null ? null : when(solveAt);
  let closedAt = status === "closed" && solvedAt !== null ? solvedAt + 4 * DAY : null;
  let finalStatus: Status = status;
  if (closedAt !== null && closedAt > c.now) {
    closedAt = null;
    finalStatus = "solved";
  }
  if (firstSolve !== null) {
    const s1 = when(firstSolve);
    const repliesBy = msgs.filter((m) => m.kind === "reply" && m.at <= firstSolve!).length;
    const s1secs = String(Math.round((s1 - created) / 1000));
    out.events.add(orgId, rng.uuidAt(s1), id, "solved", ts(s1), author.id, s1secs, s1secs, String(repliesBy));
    const reopenAt = when(msgs.find((m) => m.kind === "inbound" && m.at > firstSolve!)!.at);
    out.events.add(orgId, rng.uuidAt(reopenAt), id, "reopened", ts(reopenAt), "\\N", "\\N", "\\N", "\\N");
  }
  if (solvedAt !== null) {
    const secs = String(Math.round((solvedAt - created) / 1000));
    out.events.add(
      orgId,
      rng.uuidAt(solvedAt),
      id,
      "solved",
      ts(solvedAt),
      author.id,
      secs,
      secs,
      String(staffReplies),
    );
  }

  const sla = slaOf(c, id, created, priority, finalStatus, firstReplyAt, solvedAt, lastMessage);
  const escalationLevel = escalate(
    c,
    id,
    created,
    priority,
    topic,
    finalStatus,
    team.supervisor,
    assignee,
    requester,
    solvedAt ?? c.now,
  );
  if (solvedAt !== null) survey(c, id, language, channel, solvedAt);

  const tags: string[] = [topic];
  if (spike === "campaign") tags.push("campaign");
  if (priority === "urgent" && rng.chance(0.5)) tags.push("urgent");
  if (rng.chance(0.1)) tags.push(channel === "phone" ? "callback" : "follow-up");
  const updated = Math.max(lastMessage, solvedAt ?? 0, closedAt ?? 0);
  out.tickets.add(
    orgId,
    id,
    String(number),
    text(subject),
    finalStatus,
    priority,
    channel,
    requester,
    opt(assignee?.id),
    team.id,
    words(tags),
    language,
    String(escalationLevel),
    ts(created),
    ts(updated),
    ts(solvedAt),
    ts(closedAt),
    ts(lastMessage),
    ts(sla.dueAt),
    sla.breached ? "t" : "f",
  );
  out.search.add(id, CONFIG[language], text(subject), text(body.join(" ")), ts(updated));
}

/** The ticket's first-reply and resolution clocks: kept, missed, still counting or paused. */
function slaOf(
  c: TicketContext,
  ticketId: string,
  created: number,
  priority: "low" | "normal" | "high" | "urgent",
  status: Status,
  firstReplyAt: number | null,
  solvedAt: number | null,
  lastMessage: number,
) {
  const urgent = priority === "urgent" || priority === "high";
  const policy = urgent ? c.staff.policies.urgent : c.staff.policies.standard;
  const targets = [
    ["firstReply", urgent ? 60 : 480, firstReplyAt],
    ["resolution", urgent ? 480 : 2880, solvedAt],
  ] as const;
  let dueAt: number | null = null;
  let breached = false;
  for (const [target, minutes, doneAt] of targets) {
    const due = created + minutes * MINUTE;
    const paused = doneAt === null && target === "resolution" && (status === "pending" || status === "on_hold");
    let state: "met" | "breached" | "active" | "paused";
    if (doneAt !== null) state = doneAt <= due ? "met" : "breached";
    else if (paused) state = "paused";
    else state = due <= c.now ? "breached" : "active";
    const metAt = state === "met" ? doneAt : null;
    const breachedAt = state === "breached" ? due : null;
    const consumed = paused ? Math.round((lastMessage - created) / MINUTE) : 0;
    if (state === "active") dueAt = dueAt === null ? due : Math.min(dueAt, due);
    if (state === "breached") breached = true;
    const end = metAt ?? breachedAt ?? lastMessage;
    c.out.slaTargets.add(
      c.orgId,
      ticketId,
      target,
      policy,
      String(minutes),
      "f",
      state,
      ts(created),
      ts(paused ? lastMessage : created),
      String(consumed),
      ts(paused ? null : due),
      ts(metAt),
      ts(breachedAt),
      ts(end),
    );
    if (state === "met" || state === "breached") {
      const at = (metAt ?? breachedAt)!;
      c.out.slaEvents.add(c.orgId, c.rng.uuidAt(at), ticketId, target, state, ts(at), policy);
    }
  }
  return { dueAt, breached };
}

/** Now and then a ticket goes to a supervisor: asked by the agent, by the customer, or by a rule. */
function escalate(
  c: TicketContext,
  ticketId: string,
  created: number,
  priority: string,
  topic: Topic,
  status: Status,
  supervisor: Person,
  assignee: Person | null,
  customerId: string,
  end: number,
): number {
  const { rng } = c;
  let p = 0.02;
  if (priority === "urgent") p *= 3;
  if (topic === "refund" || topic === "damaged" || topic === "recall") p *= 2;
  if (status === "new" || !rng.chance(p)) return 0;
  const at = created + Math.floor((end - created) * 0.3 * rng.next());
  const x = rng.next();
  const type = x < 0.65 && assignee ? "agent" : x < 0.88 ? "customer_request" : "automatic";
  const level = rng.chance(0.15) ? 2 : 1;
  const done = status === "solved" || status === "closed";
  const state = done ? "resolved" : rng.chance(0.5) ? "open" : "taken";
  const takenAt = state === "open" ? null : Math.min(end, at + Math.floor(rng.logNormal(30 * MINUTE, 0.8)));
  const resolvedAt = state === "resolved" ? Math.min(end, takenAt! + Math.floor(rng.logNormal(3 * HOUR, 0.8))) : null;
  c.out.escalations.add(
    c.orgId,
    rng.uuidAt(at),
    ticketId,
    type,
    type === "customer_request" ? "message" : "\\N",
    type === "customer_request" ? "customer_request" : rng.pick(ESCALATION_REASONS),
    String(level),
    state,
    supervisor.id,
    type === "agent" ? assignee!.id : "\\N",
    type === "customer_request" ? customerId : "\\N",
    type === "automatic" ? "Angry words" : "\\N",
    ts(at),
    takenAt === null ? "\\N" : supervisor.id,
    ts(takenAt),
    resolvedAt === null ? "\\N" : supervisor.id,
    ts(resolvedAt),
    resolvedAt === null ? "\\N" : rng.pick(OUTCOMES),
  );
  return state === "resolved" ? 0 : level;
}

/** A satisfaction survey an hour after the solve, for most written channels; some are answered. */
function survey(c: TicketContext, ticketId: string, language: Language, channel: string, solvedAt: number) {
  const { rng } = c;
  const sentAt = solvedAt + HOUR;
  if (sentAt > c.now || channel === "phone" || channel === "api" || !rng.chance(0.7)) return;
  const requestId = rng.uuidAt(solvedAt);
  c.out.surveyRequests.add(
    c.orgId,
    requestId,
    ticketId,
    rng.hex(32),
    "sent",
    ts(sentAt),
    ts(sentAt),
    ts(sentAt + 30 * DAY),
    language,
    ts(solvedAt),
  );
  const answeredAt = sentAt + Math.floor(rng.logNormal(3 * HOUR, 1.2));
  if (answeredAt > c.now || !rng.chance(0.3)) return;
  const rating = RATINGS.pick(rng);
  const nps = rng.chance(0.7) ? String(Math.min(10, Math.max(0, rating * 2 + rng.int(3) - 1))) : "\\N";
  c.out.surveyResponses.add(c.orgId, ticketId, requestId, String(rating), nps, "\\N", ts(answeredAt), ts(answeredAt));
}
