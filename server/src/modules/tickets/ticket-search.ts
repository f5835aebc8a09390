import type { SearchQuery } from "@frontline/common";
import { type SQL, sql } from "drizzle-orm";
import { deferredOnce } from "../../platform/built-once";
import { rowsOf } from "../../platform/db";
import type { OrgTx } from "../../platform/tenancy";

/** PostgreSQL text-search configuration for each interface language; anything else is indexed as is. */
const CONFIG_OF = sql`(CASE t.language WHEN 'en' THEN 'english' WHEN 'ro' THEN 'romanian' WHEN 'de' THEN 'german'
  WHEN 'ru' THEN 'russian' WHEN 'ar' THEN 'arabic' ELSE 'simple' END)::regconfig`;

/** The five languages' stemmed forms of the query, plus the words as typed: matches a ticket in any of them. */
export function searchQueryOf(q: string): SQL {
  return sql`(websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('english', ${q})
    || websearch_to_tsquery('romanian', ${q}) || websearch_to_tsquery('german', ${q})
    || websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('arabic', ${q}))`;
}

// Highlights come back between these markers and are turned into <mark> after escaping the text.
export const MARK_START = "\u27e6";
export const MARK_END = "\u27e7";
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`;

/** Rebuilds a ticket's search document from its subject and messages, in its language and word for word. */
export async function refreshTicketSearch(s: OrgTx, ticketId: string): Promise<void> {
  // Nobody reads its answer: on a server it travels with the next statement (decision 031).
  await searchDocument(s.tx, { org: s.orgId, ticket: ticketId });
}

const searchDocument = deferredOnce<{ org: string; ticket: string }>(
  () => sql`
    INSERT INTO ticket_search (org_id, ticket_id, tsv, updated_at)
    SELECT t.org_id, t.id,
      setweight(to_tsvector(${CONFIG_OF}, t.subject), 'A') || setweight(to_tsvector('simple', t.subject), 'A')
        || setweight(to_tsvector(${CONFIG_OF}, left(coalesce(m.body, ''), 300000)), 'B')
        || setweight(to_tsvector('simple', left(coalesce(m.body, ''), 300000)), 'B'),
      now()
    FROM tickets t
    LEFT JOIN LATERAL (SELECT string_agg(body_text, ' ' ORDER BY created_at) AS body FROM messages
      WHERE messages.org_id = t.org_id AND messages.ticket_id = t.id) m ON true
    WHERE t.org_id = ${sql.placeholder("org")} AND t.id = ${sql.placeholder("ticket")}
    ON CONFLICT (org_id, ticket_id) DO UPDATE SET tsv = excluded.tsv, updated_at = excluded.updated_at`,
);

export interface TicketHit {
  id: string;
  number: number;
  subject: string;
  rank: number;
  snippet: string;
}

/**
 * Tickets matching the words and the filters, best first. The documents are matched by
 * frontline_search_tickets (migrations 0031 and 0033), which can use the search index under row-level security.
 */
export async function searchTickets(s: OrgTx, query: SearchQuery): Promise<TicketHit[]> {
  const tsq = searchQueryOf(query.q);
  const filters: SQL[] = [];
  if (query.status)
    filters.push(
      sql`AND t.status IN (${sql.join(
        query.status.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  if (query.priority)
    filters.push(
      sql`AND t.priority IN (${sql.join(
        query.priority.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  if (query.channel)
    filters.push(
      sql`AND t.channel IN (${sql.join(
        query.channel.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  if (query.assigneeId) filters.push(sql`AND t.assignee_id = ${query.assigneeId}`);
  if (query.teamId) filters.push(sql`AND t.team_id = ${query.teamId}`);
  if (query.tag) filters.push(sql`AND t.tags @> ARRAY[${query.tag}]::text[]`);
  // Best first, then the most recently changed. Without ticket filters the page is chosen from the
  // matches alone and only its tickets are read (migration 0033); a filter needs every match's ticket.
  const best = sql`frontline_search_tickets(q.query) f`;
  const order = sql`f.rank DESC, f.updated_at DESC, f.ticket_id`;
  const matches =
    filters.length === 0
      ? sql`(SELECT f.* FROM q CROSS JOIN LATERAL ${best} ORDER BY ${order} LIMIT ${query.limit}) f CROSS JOIN q`
      : sql`q CROSS JOIN LATERAL ${best}`;
  const result = await s.tx.execute(sql`
    WITH q AS (SELECT ${tsq} AS query)
    SELECT t.id, t.number, t.subject, f.rank,
      ts_headline('simple', t.subject || ' — ' || left(coalesce(
        (SELECT m.body_text FROM messages m WHERE m.org_id = t.org_id AND m.ticket_id = t.id
          AND (to_tsvector(${CONFIG_OF}, m.body_text) || to_tsvector('simple', m.body_text)) @@ q.query
          ORDER BY m.created_at DESC LIMIT 1), ''), 20000), q.query, ${HEADLINE}) AS snippet
    FROM ${matches}
    JOIN tickets t ON t.org_id = ${s.orgId} AND t.id = f.ticket_id
    WHERE true ${sql.join(filters, sql` `)}
    ORDER BY ${order}
    LIMIT ${query.limit}`);
  return rowsOf<TicketHit>(result).map((r) => ({ ...r, number: Number(r.number), rank: Number(r.rank) }));
}

export interface MessageHit {
  id: string;
  ticketId: string;
  ticketNumber: number;
  subject: string;
  rank: number;
  snippet: string;
}

/** The messages that match, within the given tickets (the best tickets found), newest first. */
export async function searchMessages(s: OrgTx, q: string, ticketIds: string[], limit: number): Promise<MessageHit[]> {
  if (ticketIds.length === 0) return [];
  const tsq = searchQueryOf(q);
  const result = await s.tx.execute(sql`
    WITH q AS (SELECT ${tsq} AS query)
    SELECT m.id, m.ticket_id AS "ticketId", t.number AS "ticketNumber", t.subject,
      ts_rank(to_tsvector(${CONFIG_OF}, m.body_text) || to_tsvector('simple', m.body_text), q.query) AS rank,
      ts_headline('simple', left(m.body_text, 20000), q.query, ${HEADLINE}) AS snippet
    FROM messages m CROSS JOIN q
    JOIN tickets t ON t.org_id = m.org_id AND t.id = m.ticket_id
    WHERE m.org_id = ${s.orgId} AND m.ticket_id IN (${sql.join(
      ticketIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      AND (to_tsvector(${CONFIG_OF}, m.body_text) || to_tsvector('simple', m.body_text)) @@ q.query
    ORDER BY m.created_at DESC
    LIMIT ${limit}`);
  return rowsOf<MessageHit>(result).map((r) => ({ ...r, ticketNumber: Number(r.ticketNumber), rank: Number(r.rank) }));
}
