import type { SurveyQuestion } from "@frontline/common";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, orgId } from "../../platform/columns";
import { organizations } from "../orgs/orgs.tables";
import { tickets } from "../tickets/tickets.tables";

// The metrics module reads these tables through SQL views: rename or drop a column only together
// with those views.

/** An organisation's survey settings; without a row the defaults apply (SURVEY_DEFAULTS). */
export const surveySettings = pgTable("survey_settings", {
  orgId: orgId()
    .primaryKey()
    .references(() => organizations.orgId),
  enabled: boolean("enabled").notNull(),
  delayMinutes: integer("delay_minutes").notNull(),
  nps: boolean("nps").notNull(),
  questions: jsonb("questions").$type<SurveyQuestion[]>().notNull().default([]),
  badRatingAtOrBelow: smallint("bad_rating_at_or_below").notNull(),
  expiresDays: integer("expires_days").notNull(),
});

/**
 * One survey per ticket, however often it is solved. The token is minted by the mail job, so only
 * its hash is ever stored (none while the survey waits to go out).
 */
export const surveyRequests = pgTable(
  "survey_requests",
  {
    orgId: orgId(),
    id: uuid("id").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    tokenHash: text("token_hash"),
    status: text("status", { enum: ["scheduled", "sent", "skipped", "failed"] }).notNull(),
    scheduledFor: at("scheduled_for").notNull(),
    sentAt: at("sent_at"),
    expiresAt: at("expires_at").notNull(),
    language: text("language"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    uniqueIndex("survey_requests_org_ticket_key").on(t.orgId, t.ticketId),
    uniqueIndex("survey_requests_org_token_key").on(t.orgId, t.tokenHash),
    // A survey link names no organisation: it is found by its hash alone, before the tenant is known.
    index("survey_requests_token_hash_idx").on(t.tokenHash),
    check("survey_requests_status_check", sql`${t.status} IN ('scheduled', 'sent', 'skipped', 'failed')`),
  ],
);

/** A ticket's one answer: a second answer changes it (created_at: the first, updated_at: the last). */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    orgId: orgId(),
    ticketId: uuid("ticket_id").notNull(),
    requestId: uuid("request_id").notNull(),
    rating: smallint("rating").notNull(),
    nps: smallint("nps"),
    comment: text("comment"),
    answers: jsonb("answers").$type<Record<string, string>>().notNull().default({}),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.ticketId] }),
    foreignKey({ columns: [t.orgId, t.ticketId], foreignColumns: [tickets.orgId, tickets.id] }),
    foreignKey({ columns: [t.orgId, t.requestId], foreignColumns: [surveyRequests.orgId, surveyRequests.id] }),
    // Reports count answers by when they came.
    index("survey_responses_org_created_idx").on(t.orgId, t.createdAt),
    check("survey_responses_rating_check", sql`${t.rating} BETWEEN 1 AND 5`),
    check("survey_responses_nps_check", sql`${t.nps} IS NULL OR ${t.nps} BETWEEN 0 AND 10`),
  ],
);
