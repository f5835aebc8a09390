import {
  listNotificationsQuery,
  markNotificationsReadInput,
  notificationSchema,
  pageOf,
  unreadCountSchema,
} from "@frontline/common";
import { createRoute } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody } from "../../platform/http";
import { authSecurity, okResponses } from "../../platform/openapi";
import { canReadNotifications } from "./notifications.policy";
import { presentNotification } from "./notifications.present";
import { countUnread, listNotifications, markRead } from "./notifications.service";

const n = { security: authSecurity, tags: ["Notifications"] };

const routes = {
  list: createRoute({
    ...n,
    method: "get",
    path: "/notifications",
    summary: "The caller's own notifications, newest first",
    request: { query: listNotificationsQuery },
    responses: okResponses(pageOf(notificationSchema), "A page of notifications"),
  }),
  count: createRoute({
    ...n,
    method: "get",
    path: "/notifications/count",
    summary: "How many of the caller's notifications are unread",
    responses: okResponses(unreadCountSchema, "The unread count"),
  }),
  read: createRoute({
    ...n,
    method: "post",
    path: "/notifications/read",
    summary: "Mark some ({ids}) or all ({all: true}) of the caller's notifications read",
    request: { body: jsonBody(markNotificationsReadInput) },
    responses: okResponses(unreadCountSchema, "How many stay unread"),
  }),
};

/** The caller as a user; the policy has refused anyone without one. */
function me(c: Parameters<typeof ctxOf>[0]) {
  const ctx = ctxOf(c);
  authorize(canReadNotifications(ctx.actor));
  return { ctx, userId: ctx.actor.userId! };
}

export const notificationRoutes = createRouter()
  .openapi(routes.list, async (c) => {
    const { ctx, userId } = me(c);
    const { page, nextCursor } = await listNotifications(ctx, userId, c.req.valid("query"));
    return c.json({ data: page.map(presentNotification), nextCursor }, 200);
  })
  .openapi(routes.count, async (c) => {
    const { ctx, userId } = me(c);
    return c.json({ data: { unread: await countUnread(ctx, userId) } }, 200);
  })
  .openapi(routes.read, async (c) => {
    const { ctx, userId } = me(c);
    return c.json({ data: { unread: await markRead(ctx, userId, c.req.valid("json")) } }, 200);
  });
