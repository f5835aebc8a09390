import { z } from "zod";
import { TICKET_STATUSES } from "../tickets/status";
import { idSchema } from "./shared";
import { TICKET_CHANNELS, TICKET_PRIORITIES } from "./tickets";

const csv = <const V extends readonly [string, ...string[]]>(values: V) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)).max(20));

export const SEARCH_TYPES = ["ticket", "message", "customer"] as const;

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  type: csv(SEARCH_TYPES).optional(),
  status: csv(TICKET_STATUSES).optional(),
  priority: csv(TICKET_PRIORITIES).optional(),
  channel: csv(TICKET_CHANNELS).optional(),
  assigneeId: idSchema.optional(),
  teamId: idSchema.optional(),
  tag: z.string().trim().toLowerCase().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResultSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  id: idSchema,
  ticketId: idSchema.optional(),
  ticketNumber: z.number().int().optional(),
  title: z.string(),
  /** Plain text with the matching words wrapped in <mark>…</mark>; everything else is escaped. */
  snippet: z.string(),
  rank: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
