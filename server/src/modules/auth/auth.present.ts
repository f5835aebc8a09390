import type { ApiToken } from "@frontline/common";
import type { ApiTokenRow } from "./tokens.service";

/** Token row → API shape; the hash never leaves the server. */
export function presentApiToken(r: ApiTokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    userId: r.userId,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}
