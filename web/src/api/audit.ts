import { auditEventSchema, pageOf } from "@frontline/common";
import { apiGet, type Query } from "./client";

const auditPage = pageOf(auditEventSchema);

/** Filters the audit log understands. */
export interface AuditFilters extends Query {
  action?: string | undefined;
  entityType?: string | undefined;
}

/** One page of audit events, newest first. */
export function listAuditEvents(filters: AuditFilters, cursor: string | null, signal?: AbortSignal) {
  return apiGet("/audit-events", auditPage, { ...filters, limit: 50, cursor }, signal);
}
