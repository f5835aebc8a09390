import {
  type Locale,
  one,
  type PortalCustomer,
  type PortalOrg,
  type PortalRequestResult,
  type PortalTicket,
  type PortalTicketDetail,
  pageOf,
  portalCustomerSchema,
  portalOrgSchema,
  portalRequestResultSchema,
  portalSessionSchema,
  portalTicketDetailSchema,
  portalTicketSchema,
  type SupervisorLink,
  type SupervisorRequest,
  supervisorLinkSchema,
  supervisorRequestSchema,
} from "@frontline/common";
import { ApiError, contractError, errorFromResponse, networkError } from "./api-error";
import { apiUrl, type Query, type Schema } from "./client";

// The customer portal speaks to its own API with its own session: a portal 401 means "sign in to
// the portal", never "the staff session ended", so it does not go through the staff client's hooks.

let csrfToken: string | null = null;

/** Remembers the portal session's CSRF token; sent on every portal write. */
export function setPortalCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function call<T>(
  method: string,
  path: string,
  opts: { json?: unknown; form?: FormData; schema?: Schema<T>; query?: Query } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (opts.json !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      credentials: "same-origin",
      body: opts.form ?? (opts.json === undefined ? null : JSON.stringify(opts.json)),
    });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (!opts.schema) return undefined as T;
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw contractError(path, cause);
  }
  const parsed = opts.schema.safeParse(body);
  if (!parsed.success) throw contractError(path, parsed.error);
  return parsed.data;
}

/** A request's fields and files as the multipart body the portal takes. */
function formOf(fields: Record<string, string | undefined>, files: File[]): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, value);
  for (const file of files) form.append("files", file, file.name);
  return form;
}

const base = (slug: string) => `/portal/${encodeURIComponent(slug)}`;

/** The organisation behind a portal address. */
export async function getPortalOrg(slug: string): Promise<PortalOrg> {
  return (await call("GET", base(slug), { schema: one(portalOrgSchema) })).data;
}

/** The signed-in customer, or null when nobody is signed in to this portal. */
export async function getPortalMe(slug: string): Promise<PortalCustomer | null> {
  try {
    const { data } = await call("GET", `${base(slug)}/me`, { schema: one(portalCustomerSchema) });
    setPortalCsrfToken(data.csrfToken);
    return data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export interface NewRequest {
  subject: string;
  body: string;
  name?: string;
  email?: string;
  locale?: Locale;
  website?: string;
}

/** Submits a request with its files (anonymous: with name and email; signed in: subject and body). */
export async function submitPortalRequest(
  slug: string,
  request: NewRequest,
  files: File[],
): Promise<PortalRequestResult> {
  const form = formOf({ ...request }, files);
  return (await call("POST", `${base(slug)}/requests`, { form, schema: one(portalRequestResultSchema) })).data;
}

/** Asks for a sign-in link by mail; the answer is the same whether or not the address is known. */
export async function requestPortalLink(slug: string, email: string, locale: Locale): Promise<void> {
  await call("POST", `${base(slug)}/sign-in-link`, { json: { email, locale } });
}

/** Trades a mailed link's token for a session. */
export async function signInToPortal(slug: string, token: string) {
  const { data } = await call("POST", `${base(slug)}/session`, { json: { token }, schema: one(portalSessionSchema) });
  setPortalCsrfToken(data.customer.csrfToken);
  return data;
}

/** Signs out of the portal. */
export async function signOutOfPortal(slug: string): Promise<void> {
  try {
    await call("DELETE", `${base(slug)}/session`);
  } finally {
    setPortalCsrfToken(null);
  }
}

/** Saves the customer's own language. */
export async function updatePortalLocale(slug: string, locale: Locale): Promise<PortalCustomer> {
  return (await call("PATCH", `${base(slug)}/me`, { json: { locale }, schema: one(portalCustomerSchema) })).data;
}

/** The signed-in customer's requests, one page. */
export async function listPortalTickets(slug: string, cursor?: string | null) {
  return call("GET", `${base(slug)}/tickets`, {
    schema: pageOf(portalTicketSchema),
    query: { limit: 50, cursor: cursor ?? undefined },
  }) as Promise<{ data: PortalTicket[]; nextCursor: string | null }>;
}

/** One request with its conversation. */
export async function getPortalTicket(slug: string, id: string): Promise<PortalTicketDetail> {
  return (await call("GET", `${base(slug)}/tickets/${id}`, { schema: one(portalTicketDetailSchema) })).data;
}

/** The customer writes on their request, with files. */
export async function replyOnPortalTicket(slug: string, id: string, body: string, files: File[]) {
  const form = formOf({ body }, files);
  return (await call("POST", `${base(slug)}/tickets/${id}/messages`, { form, schema: one(portalTicketDetailSchema) }))
    .data;
}

/** The signed-in customer asks for a supervisor on their request. */
export async function askForSupervisor(slug: string, id: string): Promise<SupervisorRequest> {
  return (await call("POST", `${base(slug)}/tickets/${id}/supervisor`, { schema: one(supervisorRequestSchema) })).data;
}

/** What a mailed "ask for a supervisor" link is for; reading it changes nothing. */
export async function previewSupervisorLink(slug: string, token: string): Promise<SupervisorLink> {
  return (await call("POST", `${base(slug)}/supervisor-link`, { json: { token }, schema: one(supervisorLinkSchema) }))
    .data;
}

/** The customer confirms a mailed link: a supervisor is asked (once while one is on it). */
export async function confirmSupervisorLink(slug: string, token: string): Promise<SupervisorRequest> {
  return (
    await call("POST", `${base(slug)}/supervisor-link/confirm`, {
      json: { token },
      schema: one(supervisorRequestSchema),
    })
  ).data;
}

/** Query keys of the portal's data. */
export const portalKeys = {
  org: (slug: string) => ["portal", slug, "org"] as const,
  me: (slug: string) => ["portal", slug, "me"] as const,
  tickets: (slug: string) => ["portal", slug, "tickets"] as const,
  ticket: (slug: string, id: string) => ["portal", slug, "tickets", id] as const,
};
