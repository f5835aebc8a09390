import type { Deps } from "../../platform/context";
import type { JobRunner } from "../../platform/jobs";
import type { MailTransport } from "../channels";
import { SEND_PORTAL_LINK, sendLinkHandler } from "./portal-links";

export { portalRoutes } from "./portal.routes";
export { LINKS_PER_HOUR, SEND_PORTAL_LINK } from "./portal-links";

/**
 * Registers the portal's mail: sign-in links go out through the same relay as replies, or wait for
 * one. `baseUrl` is where links point (PUBLIC_URL, else the port this process listens on).
 */
export function registerPortalJobs(
  runner: JobRunner,
  deps: Deps,
  transport: MailTransport | undefined,
  baseUrl?: () => string,
): void {
  if (transport) runner.register(SEND_PORTAL_LINK, sendLinkHandler(deps, transport, baseUrl));
}
