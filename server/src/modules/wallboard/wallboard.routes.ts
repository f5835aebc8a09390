import { one, wallboardQuery, wallboardSchema } from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf } from "../../platform/http";
import { authSecurity, okResponses, problemResponses } from "../../platform/openapi";
import { FloorWatch } from "./floor-stream";
import { canWatchFloor } from "./wallboard.policy";
import { presentWallboard } from "./wallboard.present";
import { floorSnapshot } from "./wallboard.service";

const r = { security: authSecurity, tags: ["Wallboard"] };
const WHO = "Only supervisors, managers and admins watch the floor";

const routes = {
  snapshot: createRoute({
    ...r,
    method: "get",
    path: "/wallboard",
    summary:
      "The live floor now: each team's queue by channel (waiting, oldest wait, due within the hour, missed), its people and the escalations nobody took (supervisors: their teams; managers, admins: all)",
    request: { query: wallboardQuery },
    responses: okResponses(one(wallboardSchema), "The floor"),
  }),
  stream: createRoute({
    ...r,
    method: "get",
    path: "/wallboard/stream",
    summary:
      "The live floor as server-sent events: a `snapshot` event (the same body as GET /wallboard, without the data envelope) at once and after every change, a comment as heartbeat every 20 seconds",
    request: { query: wallboardQuery },
    responses: {
      ...problemResponses,
      200: { content: { "text/event-stream": { schema: z.string() } }, description: "The stream of snapshots" },
    },
  }),
};

export const wallboardRoutes = createRouter()
  .openapi(routes.snapshot, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWatchFloor(ctx.actor), WHO);
    return c.json({ data: presentWallboard(await floorSnapshot(ctx, c.req.valid("query"))) }, 200);
  })
  .openapi(routes.stream, async (c) => {
    const ctx = ctxOf(c);
    authorize(canWatchFloor(ctx.actor), WHO);
    // Refusals (403, 404) are answered as problems before the stream starts.
    const watch = await FloorWatch.open(ctx, c.req.valid("query"));
    // A proxy that buffers answers (nginx) would hold every snapshot back.
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, (stream) => watch.run(stream));
  });
