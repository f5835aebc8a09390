import {
  bulkUpdateTicketsInput,
  countTicketsQuery,
  createMessageInput,
  createTicketInput,
  idSchema,
  listTicketsQuery,
  mergeTicketsInput,
  messageSchema,
  one,
  pageOf,
  pageQuerySchema,
  ticketSchema,
  timelineEntrySchema,
  updateTicketInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody } from "../../platform/http";
import { idempotent } from "../../platform/idempotency";
import { authSecurity, createdResponses, okResponses } from "../../platform/openapi";
import { mergeTickets } from "./merge.service";
import { addStaffMessage, listMessages } from "./messages.service";
import { canMergeTickets, canWorkTickets } from "./tickets.policy";
import { presentMessage, presentTicket } from "./tickets.present";
import { bulkUpdateTickets, countTickets, createTicket, getTicket, listTickets, updateTicket } from "./tickets.service";
import { customerTimeline } from "./timeline.service";

const idParam = z.object({ id: idSchema });
const t = { security: authSecurity, tags: ["Tickets"] };
const ok = okResponses;
const created = createdResponses;

const routes = {
  list: createRoute({
    ...t,
    method: "get",
    path: "/tickets",
    summary: "List tickets with filters",
    request: { query: listTicketsQuery },
    responses: ok(pageOf(ticketSchema), "A page of tickets"),
  }),
  create: createRoute({
    ...t,
    method: "post",
    path: "/tickets",
    summary: "Open a ticket for a requester with their first message",
    request: { body: jsonBody(createTicketInput) },
    responses: created(one(ticketSchema), "The ticket"),
  }),
  get: createRoute({
    ...t,
    method: "get",
    path: "/tickets/{id}",
    summary: "Get a ticket",
    request: { params: idParam },
    responses: ok(one(ticketSchema), "The ticket"),
  }),
  update: createRoute({
    ...t,
    method: "patch",
    path: "/tickets/{id}",
    summary: "Change a ticket's status, priority, assignee, team, tags or fields",
    request: { params: idParam, body: jsonBody(updateTicketInput) },
    responses: ok(one(ticketSchema), "The ticket"),
  }),
  count: createRoute({
    ...t,
    method: "get",
    path: "/tickets/count",
    summary: "How many tickets match the list filters",
    request: { query: countTicketsQuery },
    responses: ok(z.object({ data: z.object({ count: z.number().int() }) }), "The count"),
  }),
  bulk: createRoute({
    ...t,
    method: "post",
    path: "/tickets/bulk",
    summary: "Change up to 200 tickets at once, all or nothing",
    request: { body: jsonBody(bulkUpdateTicketsInput) },
    responses: ok(z.object({ data: z.array(ticketSchema) }), "The changed tickets"),
  }),
  merge: createRoute({
    ...t,
    method: "post",
    path: "/tickets/{id}/merge",
    summary: "Merge another ticket into this one (supervisors+)",
    request: { params: idParam, body: jsonBody(mergeTicketsInput) },
    responses: ok(one(ticketSchema), "The surviving ticket"),
  }),
  messages: createRoute({
    ...t,
    method: "get",
    path: "/tickets/{id}/messages",
    summary: "A ticket's conversation, oldest first",
    request: { params: idParam },
    responses: ok(z.object({ data: z.array(messageSchema) }), "Messages"),
  }),
  addMessage: createRoute({
    ...t,
    method: "post",
    path: "/tickets/{id}/messages",
    summary: "Reply to the customer or add an internal note",
    request: { params: idParam, body: jsonBody(createMessageInput) },
    responses: created(one(messageSchema), "The message"),
  }),
  timeline: createRoute({
    security: authSecurity,
    tags: ["Customers"],
    method: "get",
    path: "/customers/{id}/timeline",
    summary: "Every message of a customer's tickets, newest first",
    request: { params: idParam, query: pageQuerySchema },
    responses: ok(pageOf(timelineEntrySchema), "Timeline"),
  }),
};

export const ticketRoutes = createRouter();
// Creating a ticket is the write a client retries after a timeout.
ticketRoutes.use("/tickets", idempotent());
ticketRoutes
  .openapi(routes.list, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    const { page, nextCursor } = await listTickets(ctx, c.req.valid("query"));
    return c.json({ data: page.map(presentTicket), nextCursor }, 200);
  })
  .openapi(routes.create, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    return c.json({ data: presentTicket(await createTicket(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.count, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    return c.json({ data: { count: await countTickets(ctx, c.req.valid("query")) } }, 200);
  })
  .openapi(routes.bulk, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    const { ids, changes } = c.req.valid("json");
    return c.json({ data: (await bulkUpdateTickets(ctx, ids, changes)).map(presentTicket) }, 200);
  })
  .openapi(routes.get, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    return c.json({ data: presentTicket(await getTicket(ctx, c.req.valid("param").id)) }, 200);
  })
  .openapi(routes.update, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    return c.json({ data: presentTicket(await updateTicket(ctx, c.req.valid("param").id, c.req.valid("json"))) }, 200);
  })
  .openapi(routes.merge, async (c) => {
    const ctx = ctxOf(c);
    authorize(canMergeTickets(ctx.actor));
    return c.json(
      { data: presentTicket(await mergeTickets(ctx, c.req.valid("param").id, c.req.valid("json").sourceId)) },
      200,
    );
  })
  .openapi(routes.messages, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    return c.json({ data: (await listMessages(ctx, c.req.valid("param").id)).map(presentMessage) }, 200);
  })
  .openapi(routes.addMessage, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    return c.json(
      { data: presentMessage(await addStaffMessage(ctx, c.req.valid("param").id, c.req.valid("json"))) },
      201,
    );
  })
  .openapi(routes.timeline, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWorkTickets(ctx.actor));
    const { page, nextCursor } = await customerTimeline(ctx, c.req.valid("param").id, c.req.valid("query"));
    const data = page.map((r) => ({
      ...presentMessage(r),
      ticketNumber: r.ticketNumber,
      ticketSubject: r.ticketSubject,
      ticketStatus: r.ticketStatus,
    }));
    return c.json({ data, nextCursor }, 200);
  });
