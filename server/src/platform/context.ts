import type { Role } from "@frontline/common";
import type { Config } from "./config";
import type { Database } from "./db";
import type { Logger } from "./logger";
import type { SecretBox } from "./secrets";

/** Who is acting: a signed-in user, an API token, the CLI, the system itself, or a customer in the portal. */
export interface Actor {
  type: "user" | "api_token" | "cli" | "system" | "anonymous" | "customer";
  userId: string | null;
  /** Set when a customer acts for themselves in the portal. */
  customerId?: string;
  name: string;
  role: Role;
  sessionId?: string;
  tokenId?: string;
}

/** What a service needs to act for a caller inside one organisation. */
export interface Ctx {
  readonly database: Database;
  readonly config: Config;
  readonly log: Logger;
  /** Seals stored secrets; null on a server without SECRETS_KEY. */
  readonly secrets: SecretBox | null;
  readonly orgId: string;
  readonly actor: Actor;
  readonly requestId: string | null;
  readonly ip: string | null;
}

/** The process-wide dependencies every request handler reaches. */
export interface Deps {
  readonly database: Database;
  readonly config: Config;
  readonly log: Logger;
  /** Seals stored secrets; null on a server without SECRETS_KEY (features that need it refuse). */
  readonly secrets: SecretBox | null;
}

/** A context for work started outside HTTP (CLI, seeding, jobs). */
export function systemCtx(deps: Deps, orgId: string, actor?: Partial<Actor>): Ctx {
  return {
    ...deps,
    orgId,
    actor: { type: "system", userId: null, name: "system", role: "admin", ...actor },
    requestId: null,
    ip: null,
  };
}
