import type { Query } from "./client";

/** Every TanStack Query key in one place, so a write can invalidate exactly what it changed. */
export const queryKeys = {
  me: ["me"] as const,
  users: {
    all: ["users"] as const,
    list: (filters: Query) => ["users", "list", filters] as const,
    everyone: ["users", "everyone"] as const,
  },
  teams: {
    all: ["teams"] as const,
  },
  audit: {
    list: (filters: Query) => ["audit", filters] as const,
  },
  apiTokens: ["api-tokens"] as const,
  reportSchedules: ["report-schedules"] as const,
  mailboxes: ["imap-mailboxes"] as const,
  tickets: {
    /** Every ticket list, count and detail: what a ticket write invalidates. */
    all: ["tickets"] as const,
    list: (query: Query) => ["tickets", "list", query] as const,
    count: (query: Query) => ["tickets", "count", query] as const,
    detail: (id: string) => ["tickets", "detail", id] as const,
    messages: (id: string) => ["tickets", "detail", id, "messages"] as const,
    /** Under "tickets" so that any ticket write refreshes the saved views' counts too. */
    viewCounts: ["tickets", "view-counts"] as const,
  },
  views: {
    all: ["views"] as const,
  },
  customers: {
    detail: (id: string) => ["customers", id] as const,
    timeline: (id: string) => ["customers", id, "timeline"] as const,
  },
  companies: {
    all: ["companies", "all"] as const,
    detail: (id: string) => ["companies", id] as const,
  },
  customFields: (entity: string) => ["custom-fields", entity] as const,
  rules: ["rules"] as const,
  notifications: {
    /** The bell's count and list: what marking read invalidates. */
    all: ["notifications"] as const,
    count: ["notifications", "count"] as const,
    recent: ["notifications", "recent"] as const,
  },
  calendars: {
    /** Every calendar and what hangs off them: what a calendar write invalidates. */
    all: ["business-calendars"] as const,
    closedDays: (id: string, from: string, to: string, language: string) =>
      ["business-calendars", id, "closed-days", from, to, language] as const,
    countries: (language: string) => ["holiday-countries", language] as const,
  },
  routing: {
    /** Everything routing shows: what a routing write invalidates. */
    all: ["routing"] as const,
    presence: ["routing", "presence"] as const,
    skills: ["routing", "skills"] as const,
    team: (teamId: string) => ["routing", "team", teamId] as const,
    agents: (teamId: string | null) => ["routing", "agents", teamId] as const,
    queue: (teamId: string) => ["routing", "queue", teamId] as const,
    /** Under "tickets", so a change to the ticket refreshes what it requires too. */
    requirements: (ticketId: string) => ["tickets", "detail", ticketId, "requirements"] as const,
  },
  escalations: {
    /** The queue, the report and a ticket's escalations: what taking, resolving or escalating invalidates. */
    all: ["escalations"] as const,
    list: (query: Query) => ["escalations", "list", query] as const,
    report: (query: Query) => ["escalations", "report", query] as const,
    ofTicket: (ticketId: string) => ["escalations", "ticket", ticketId] as const,
    reasons: ["escalation-reasons"] as const,
    phrases: ["escalation-phrases"] as const,
  },
  /** The organisation's satisfaction survey settings. */
  surveySettings: ["survey-settings"] as const,
  sla: {
    policies: ["sla-policies"] as const,
    /** Under the ticket's detail, so any write to the ticket (a reply, a status) refreshes its clocks too. */
    ofTicket: (ticketId: string) => ["tickets", "detail", ticketId, "sla"] as const,
  },
  /** Under "tickets": a ticket write may change what a search finds. */
  search: (request: Query) => ["tickets", "search", request] as const,
  /** The dashboard's figures, keyed by endpoint and the whole query. */
  metrics: {
    all: ["metrics"] as const,
    of: (endpoint: string, query: Query) => ["metrics", endpoint, query] as const,
  },
};
