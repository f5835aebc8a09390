import type { AuditEvent } from "@frontline/common";
import type { AuditRow } from "./audit.service";

/** Audit row → API shape. */
export function presentAuditEvent(r: AuditRow): AuditEvent {
  return {
    id: r.id,
    action: r.action,
    actorType: r.actorType,
    actorId: r.actorId,
    actorName: r.actorName,
    entityType: r.entityType,
    entityId: r.entityId,
    changes: r.changes,
    requestId: r.requestId,
    ip: r.ip,
    createdAt: r.createdAt.toISOString(),
  };
}
