export { auditRoutes } from "./audit.routes";
export { type AuditEntry, diff, recordAudit } from "./audit.service";
export { auditEvents } from "./audit.tables";
