import { createRequire } from "node:module";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { AppEnv } from "./http";

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Frontline API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// A file rather than an inline script, so the strict Content-Security-Policy holds on this page too.
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs", deepLinking: true });`;

/** Readable API docs at /api/docs, served from the bundled swagger-ui (no outside CDN). */
export function docsPage() {
  return new Hono<AppEnv>()
    .get("/", (c) => c.html(PAGE))
    .get("/init.js", (c) => c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }))
    .use(
      "/assets/*",
      serveStatic({ root: swaggerDir, rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, "") }),
    );
}
