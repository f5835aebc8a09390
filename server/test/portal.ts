import { simpleParser } from "mailparser";
import { smtpTransport } from "../src/modules/channels/smtp-transport";
import { findOrganizations } from "../src/modules/orgs";
import { SEND_PORTAL_LINK, sendLinkHandler } from "../src/modules/portal/portal-links";
import { createPortalSession } from "../src/modules/portal/portal-sessions";
import { JobRunner } from "../src/platform/jobs";
import { inOrg } from "../src/platform/tenancy";
import { Client } from "./client";
import type { testApp } from "./harness";
import type { startRelay } from "./smtp-relay";

// Helpers shared by the portal's tests: deliver the link mails, read them as the customer would,
// and act as a signed-in customer.

type Harness = Awaited<ReturnType<typeof testApp>>;
type Relay = Awaited<ReturnType<typeof startRelay>>;

/** The slug of an organisation made by a test. */
export async function slugOf(h: Harness, orgId: string): Promise<string> {
  return (await findOrganizations(h.deps.database, orgId))[0]!.slug;
}

/**
 * Runs the portal's mail jobs of these organisations once against the test relay (other test files
 * sharing a PostgreSQL database must not take each other's mail to their own relays).
 */
export async function deliverLinks(h: Harness, relay: Relay, orgIds: string[]): Promise<void> {
  const runner = new JobRunner(h.deps, { nodeId: `portal-test-${Math.random()}`, orgIds });
  const transport = smtpTransport(`smtp://127.0.0.1:${relay.port}`);
  runner.register(SEND_PORTAL_LINK, sendLinkHandler(h.deps, transport));
  try {
    await runner.runDue();
  } finally {
    transport.close();
  }
}

/** The mails the relay received for `email`, parsed. */
export async function mailsTo(relay: Relay, email: string) {
  return Promise.all(relay.received.filter((m) => m.to.includes(email)).map((m) => simpleParser(m.raw)));
}

/** The token of the sign-in link in a mail's text. */
export function tokenIn(text: string | undefined): string {
  const match = /#token=([A-Za-z0-9_-]+)/.exec(text ?? "");
  if (!match) throw new Error(`No sign-in link in: ${text}`);
  return match[1]!;
}

/** Signs in with a link token; the client then acts as that customer (portal cookie and CSRF token). */
export async function portalClient(h: Harness, slug: string, token: string): Promise<Client> {
  const res = await new Client(h.app).post(`/api/v1/portal/${slug}/session`, { token });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = /frontline_portal=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  return new Client(h.app, { cookie: `frontline_portal=${cookie}`, csrfToken: res.body.data.customer.csrfToken });
}

/** Sends a multipart form to the app, as a browser's FormData would. */
export async function postForm(
  h: Harness,
  path: string,
  fields: Record<string, string>,
  files: { name: string; bytes: Buffer | string; type?: string }[] = [],
  client?: Client,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append("files", new File([f.bytes], f.name, { type: f.type ?? "application/octet-stream" }));
  const headers: Record<string, string> = {};
  if (client?.creds.cookie) headers.cookie = client.creds.cookie;
  if (client?.creds.csrfToken) headers["x-csrf-token"] = client.creds.csrfToken;
  const res = await h.app.request(path, { method: "POST", body: form, headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** A client signed in to the portal as an existing customer, without a mailed link (for tests of access). */
export async function portalSignedIn(h: Harness, orgId: string, customerId: string): Promise<Client> {
  const session = await inOrg(h.deps.database, orgId, (s) =>
    createPortalSession(s, { customerId, ip: null, userAgent: "test" }),
  );
  return new Client(h.app, { cookie: `frontline_portal=${session.token}`, csrfToken: session.csrfToken });
}
