import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../test/factories";
import { testApp } from "../test/harness";

// Over a real socket, as the server runs: how a body's size is judged depends on what the client
// declares (a length, or chunks), which an in-process request does not show.
let small: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
let server: ReturnType<typeof serve>;
let port: number;

beforeAll(async () => {
  small = await testApp({ BODY_LIMIT_BYTES: "2048" });
  org = await makeOrg(small);
  server = serve({ fetch: small.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Posts `body` as the admin, with its length declared or sent in chunks. */
function post(path: string, body: string, framing: "length" | "chunked") {
  const { cookie, csrfToken } = org.as.admin.creds;
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: cookie ?? "",
          ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
          ...(framing === "length" ? { "content-length": Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    if (framing === "chunked") {
      // Two chunks, so the body's size is known only once it has been read.
      const half = Math.floor(body.length / 2);
      req.write(body.slice(0, half));
      req.end(body.slice(half));
    } else req.end(body);
  });
}

const ticketOf = (subjectBytes: number) =>
  JSON.stringify({
    subject: "s".repeat(subjectBytes),
    requester: { email: uniqueEmail("c") },
    message: { body: "Where is my parcel?" },
  });

describe("the body limit over a real socket", () => {
  for (const framing of ["length", "chunked"] as const) {
    it(`refuses a body over the limit sent with ${framing === "length" ? "its length" : "chunks"}, and takes one under it`, async () => {
      const over = await post("/api/v1/tickets", ticketOf(2100), framing);
      expect(over.status).toBe(413);
      expect(over.body).toMatchObject({ code: "payload_too_large", detail: "The request body is over 2048 bytes" });

      const under = await post("/api/v1/tickets", ticketOf(100), framing);
      expect(under.status, JSON.stringify(under.body)).toBe(201);
      expect(under.body).toMatchObject({ data: { subject: "s".repeat(100), status: "new" } });
    });
  }

  it("reads a body for the idempotency key and for the route alike: a retry gets the same ticket", async () => {
    const { cookie, csrfToken } = org.as.admin.creds;
    const body = ticketOf(20);
    const key = `key-${crypto.randomUUID()}`;
    const send = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/tickets`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: cookie ?? "",
          "idempotency-key": key,
          ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
        },
        body,
      });
      return { status: res.status, body: (await res.json()) as { data: { id: string; subject: string } } };
    };
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body.data.subject).toBe("s".repeat(20));
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.body.data.id).toBe(first.body.data.id);
  });
});
