import fs from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { AppEnv } from "./http";

export const WEB_DIST = path.resolve(import.meta.dirname, "../../../web/dist");

/** Serves the built web app; any other non-API path gets index.html so the client router can take it. */
export function webAssets(dist = WEB_DIST) {
  const app = new Hono<AppEnv>();
  app.use("/assets/*", async (c, next) => {
    await next();
    // Built asset names carry a content hash, so they can be cached for good.
    if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  if (fs.existsSync(dist)) app.use("*", serveStatic({ root: dist }));
  app.get("*", (c) => {
    const index = path.join(dist, "index.html");
    if (!fs.existsSync(index)) {
      return c.text("The web app is not built. Run `npm start` (it builds it) or `npm run build -w web`.", 503);
    }
    c.header("Cache-Control", "no-cache");
    return c.html(fs.readFileSync(index, "utf8"));
  });
  return app;
}
