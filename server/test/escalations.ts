import { expect } from "vitest";
import type { Client } from "./client";
import { signedIn, TEST_PASSWORD, type TestOrg, uniqueEmail } from "./factories";
import type { testApp } from "./harness";

// Helpers shared by the escalations module's tests.

type Harness = Awaited<ReturnType<typeof testApp>>;

/** A ticket opened by the organisation's agent for a new customer. */
export async function newTicket(o: TestOrg, subject = "Refund for order 7781", extra: Record<string, unknown> = {}) {
  const res = await o.as.agent.post("/api/v1/tickets", {
    subject,
    requester: { email: uniqueEmail("buyer"), name: "Ioana Marin" },
    message: { body: "Where is my refund?" },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as { id: string; number: number; subject: string; requesterId: string };
}

/** Another colleague of the organisation with a role, signed in. */
export async function colleague(h: Harness, o: TestOrg, role: string, name: string) {
  const user = (
    await o.as.admin.post("/api/v1/users", { email: uniqueEmail(role), name, role, password: TEST_PASSWORD })
  ).body.data;
  return { id: user.id as string, as: await signedIn(h, o.orgId, user.id) };
}

/** Escalates a ticket as `as`. */
export const escalate = (as: Client, ticketId: string, body: Record<string, unknown>) =>
  as.post(`/api/v1/tickets/${ticketId}/escalations`, body);

/** A ticket's escalation level as the API shows it. */
export const levelOf = async (as: Client, ticketId: string) =>
  (await as.get(`/api/v1/tickets/${ticketId}`)).body.data.escalationLevel as number;

/** The caller's notifications, newest first. */
export const noticesOf = async (as: Client) =>
  (await as.get("/api/v1/notifications")).body.data as { kind: string; escalation: unknown; excerpt: string }[];
