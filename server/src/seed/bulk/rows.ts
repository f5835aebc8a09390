import { TableRows } from "./copy";

/** The rows of a chunk of tickets, table by table, in the order foreign keys allow copying them. */
export class TicketTables {
  readonly tickets = new TableRows("tickets", [
    "org_id",
    "id",
    "number",
    "subject",
    "status",
    "priority",
    "channel",
    "requester_id",
    "assignee_id",
    "team_id",
    "tags",
    "language",
    "escalation_level",
    "created_at",
    "updated_at",
    "solved_at",
    "closed_at",
    "last_message_at",
    "sla_due_at",
    "sla_breached",
  ]);
  readonly messages = new TableRows("messages", [
    "org_id",
    "id",
    "ticket_id",
    "kind",
    "channel",
    "author_type",
    "author_user_id",
    "author_customer_id",
    "body_text",
    "created_at",
  ]);
  /** The text of each ticket's search document, turned into one in the database (its stemmers). */
  readonly search = new TableRows("bulk_search", ["ticket_id", "config", "subject", "body", "updated_at"]);
  readonly replies = new TableRows("metric_replies", [
    "org_id",
    "message_id",
    "ticket_id",
    "agent_id",
    "kind",
    "at",
    "calendar_seconds",
    "business_seconds",
  ]);
  readonly events = new TableRows("metric_ticket_events", [
    "org_id",
    "id",
    "ticket_id",
    "kind",
    "at",
    "agent_id",
    "calendar_seconds",
    "business_seconds",
    "replies",
  ]);
  readonly slaTargets = new TableRows("ticket_sla_targets", [
    "org_id",
    "ticket_id",
    "target",
    "policy_id",
    "minutes",
    "business_time",
    "state",
    "started_at",
    "resumed_at",
    "consumed_minutes",
    "due_at",
    "met_at",
    "breached_at",
    "updated_at",
  ]);
  readonly slaEvents = new TableRows("sla_events", ["org_id", "id", "ticket_id", "target", "kind", "at", "policy_id"]);
  readonly escalations = new TableRows("escalations", [
    "org_id",
    "id",
    "ticket_id",
    "type",
    "via",
    "reason",
    "level",
    "status",
    "to_user_id",
    "created_by_user_id",
    "created_by_customer_id",
    "created_by_rule",
    "created_at",
    "taken_by_user_id",
    "taken_at",
    "resolved_by_user_id",
    "resolved_at",
    "outcome",
  ]);
  readonly surveyRequests = new TableRows("survey_requests", [
    "org_id",
    "id",
    "ticket_id",
    "token_hash",
    "status",
    "scheduled_for",
    "sent_at",
    "expires_at",
    "language",
    "created_at",
  ]);
  readonly surveyResponses = new TableRows("survey_responses", [
    "org_id",
    "ticket_id",
    "request_id",
    "rating",
    "nps",
    "comment",
    "created_at",
    "updated_at",
  ]);

  all(): TableRows[] {
    return [
      this.tickets,
      this.messages,
      this.search,
      this.replies,
      this.events,
      this.slaTargets,
      this.slaEvents,
      this.escalations,
      this.surveyRequests,
      this.surveyResponses,
    ];
  }

  get count(): number {
    return this.tickets.lines.length;
  }

  clear(): void {
    for (const t of this.all()) t.clear();
  }
}
