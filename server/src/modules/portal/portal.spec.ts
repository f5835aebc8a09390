import {
  idSchema,
  one,
  pageOf,
  portalCustomerSchema,
  portalOrgSchema,
  portalReplyInput,
  portalRequestInput,
  portalRequestResultSchema,
  portalSessionInput,
  portalSessionSchema,
  portalSignedInRequestInput,
  portalSignInLinkInput,
  portalTicketDetailSchema,
  portalTicketSchema,
  portalTicketsQuery,
  supervisorLinkInput,
  supervisorLinkSchema,
  supervisorRequestSchema,
  updatePortalMeInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { jsonBody, jsonResponse } from "../../platform/http";
import { problemResponses } from "../../platform/openapi";
import { portalFormBody } from "./portal-form";

// The customer portal's API: public (a customer signs in with a mailed link, not a staff session),
// every path naming its organisation by slug.

const tags = ["Customer portal"];
// Open to anyone; a signed-in customer's portal cookie adds who they are.
const security: Record<string, string[]>[] = [{}, { portalSession: [] }];
const slug = z.object({ slug: z.string().min(1).max(60) });
const slugAndId = slug.extend({ id: idSchema });
const noContent = { 204: { description: "Done" } };

export const portalSpec = {
  org: createRoute({
    tags,
    security,
    method: "get",
    path: "/portal/{slug}",
    summary: "The organisation behind a portal address",
    request: { params: slug },
    responses: { ...problemResponses, 200: jsonResponse(one(portalOrgSchema), "The organisation") },
  }),
  submit: createRoute({
    tags,
    security,
    method: "post",
    path: "/portal/{slug}/requests",
    summary:
      "Submit a request (JSON, or multipart with up to 5 `files`); signed-in customers send only subject and body",
    request: { params: slug, body: portalFormBody(portalRequestInput.or(portalSignedInRequestInput)) },
    responses: { ...problemResponses, 201: jsonResponse(one(portalRequestResultSchema), "Received") },
  }),
  signInLink: createRoute({
    tags,
    security,
    method: "post",
    path: "/portal/{slug}/sign-in-link",
    summary: "Mail a sign-in link to a customer; the answer is the same whether or not the address is known",
    request: { params: slug, body: jsonBody(portalSignInLinkInput) },
    responses: { ...problemResponses, 202: { description: "A link is on its way if the address is known" } },
  }),
  signIn: createRoute({
    tags,
    security,
    method: "post",
    path: "/portal/{slug}/session",
    summary: "Trade a mailed link's token (once) for a portal session cookie",
    request: { params: slug, body: jsonBody(portalSessionInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(portalSessionSchema), "Signed in") },
  }),
  signOut: createRoute({
    tags,
    security,
    method: "delete",
    path: "/portal/{slug}/session",
    summary: "Sign out of the portal",
    request: { params: slug },
    responses: { ...problemResponses, ...noContent },
  }),
  me: createRoute({
    tags,
    security,
    method: "get",
    path: "/portal/{slug}/me",
    summary: "The signed-in customer",
    request: { params: slug },
    responses: { ...problemResponses, 200: jsonResponse(one(portalCustomerSchema), "The customer") },
  }),
  updateMe: createRoute({
    tags,
    security,
    method: "patch",
    path: "/portal/{slug}/me",
    summary: "Change own name or language",
    request: { params: slug, body: jsonBody(updatePortalMeInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(portalCustomerSchema), "The customer") },
  }),
  tickets: createRoute({
    tags,
    security,
    method: "get",
    path: "/portal/{slug}/tickets",
    summary: "The signed-in customer's requests, latest activity first",
    request: { params: slug, query: portalTicketsQuery },
    responses: { ...problemResponses, 200: jsonResponse(pageOf(portalTicketSchema), "A page of requests") },
  }),
  ticket: createRoute({
    tags,
    security,
    method: "get",
    path: "/portal/{slug}/tickets/{id}",
    summary: "One of the signed-in customer's requests with its conversation (no internal notes)",
    request: { params: slugAndId },
    responses: { ...problemResponses, 200: jsonResponse(one(portalTicketDetailSchema), "The request") },
  }),
  reply: createRoute({
    tags,
    security,
    method: "post",
    path: "/portal/{slug}/tickets/{id}/messages",
    summary: "Write on one's own request (JSON, or multipart with up to 5 `files`)",
    request: { params: slugAndId, body: portalFormBody(portalReplyInput) },
    responses: { ...problemResponses, 201: jsonResponse(one(portalTicketDetailSchema), "The request") },
  }),
  askForSupervisor: createRoute({
    tags,
    security,
    method: "post",
    path: "/portal/{slug}/tickets/{id}/supervisor",
    summary: "Ask for a supervisor to look at one's own request (once while one is on it)",
    request: { params: slugAndId },
    responses: {
      ...problemResponses,
      200: jsonResponse(one(supervisorRequestSchema), "A supervisor had been asked already"),
      201: jsonResponse(one(supervisorRequestSchema), "A supervisor is asked"),
    },
  }),
  supervisorLink: createRoute({
    tags,
    security,
    method: "post",
    path: "/portal/{slug}/supervisor-link",
    summary: "What a mailed 'ask for a supervisor' link is for (the token in the body, never in a URL)",
    request: { params: slug, body: jsonBody(supervisorLinkInput) },
    responses: { ...problemResponses, 200: jsonResponse(one(supervisorLinkSchema), "The link's request") },
  }),
  confirmSupervisorLink: createRoute({
    tags,
    security,
    method: "post",
    path: "/portal/{slug}/supervisor-link/confirm",
    summary: "Confirm a mailed 'ask for a supervisor' link (once while one is on it)",
    request: { params: slug, body: jsonBody(supervisorLinkInput) },
    responses: {
      ...problemResponses,
      200: jsonResponse(one(supervisorRequestSchema), "A supervisor had been asked already"),
      201: jsonResponse(one(supervisorRequestSchema), "A supervisor is asked"),
    },
  }),
  attachment: createRoute({
    tags,
    security,
    method: "get",
    path: "/portal/{slug}/attachments/{id}",
    summary: "Download a file of one's own conversation, always as an attachment",
    request: { params: slugAndId },
    responses: { ...problemResponses, 200: { description: "The file's bytes" } },
  }),
};
