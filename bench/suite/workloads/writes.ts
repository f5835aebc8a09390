import { v7 as uuid } from "uuid";
import type { Query } from "../target";

/** A customer's first words, about 200 characters as most messages are. */
export const BODY =
  "Hello, I ordered a pair of running shoes two weeks ago and the parcel still has not arrived. " +
  "The tracking page says it left the warehouse on Monday. Could you tell me where it is? Thanks, Ana";

const TSV = `setweight(to_tsvector('english', $3), 'A') || setweight(to_tsvector('simple', $3), 'A')
  || setweight(to_tsvector('english', $4), 'B') || setweight(to_tsvector('simple', $4), 'B')`;

/**
 * The rows Frontline writes when a new customer opens a ticket (read from its statements): the
 * customer and their identity, the next ticket number, the ticket, its first message, its search
 * document and the audit entry, in one transaction. Returns the ticket's and message's ids.
 */
export async function rawOpenTicket(
  q: Query,
  orgId: string,
  input: { email: string; name: string; subject: string; body: string; channel: string; actorId: string | null },
): Promise<{ ticketId: string; messageId: string }> {
  const customerId = uuid();
  await q(
    `INSERT INTO customers (org_id, id, name, email, created_at, updated_at) VALUES ($1, $2, $3, $4, now(), now())`,
    [orgId, customerId, input.name, input.email],
  );
  await q(
    `INSERT INTO customer_identities (org_id, id, customer_id, channel, value) VALUES ($1, $2, $3, 'email', $4)`,
    [orgId, uuid(), customerId, input.email],
  );
  const [counter] = await q<{ next: number }>(
    `INSERT INTO ticket_counters (org_id, next) VALUES ($1, 2)
     ON CONFLICT (org_id) DO UPDATE SET next = ticket_counters.next + 1 RETURNING next`,
    [orgId],
  );
  const ticketId = uuid();
  const messageId = uuid();
  await q(
    `INSERT INTO tickets (org_id, id, number, subject, status, priority, channel, requester_id, language,
       created_at, updated_at, last_message_at)
     VALUES ($1, $2, $3, $4, 'new', 'normal', $5, $6, 'en', now(), now(), now())`,
    [orgId, ticketId, counter!.next - 1, input.subject, input.channel, customerId],
  );
  await q(
    `INSERT INTO messages (org_id, id, ticket_id, kind, channel, author_type, author_customer_id, body_text, created_at)
     VALUES ($1, $2, $3, 'inbound', $4, 'customer', $5, $6, now())`,
    [orgId, messageId, ticketId, input.channel, customerId, input.body],
  );
  await q(`INSERT INTO ticket_search (org_id, ticket_id, tsv) SELECT $1, $2, ${TSV}`, [
    orgId,
    ticketId,
    input.subject,
    input.body,
  ]);
  await q(
    `INSERT INTO audit_events (org_id, id, action, actor_type, actor_id, entity_type, entity_id, changes)
     VALUES ($1, $2, 'ticket.created', $3, $4, 'ticket', $5, $6)`,
    [
      orgId,
      uuid(),
      input.actorId ? "user" : "system",
      input.actorId,
      ticketId,
      JSON.stringify({ subject: [null, input.subject], status: [null, "new"], requesterId: [null, customerId] }),
    ],
  );
  return { ticketId, messageId };
}
