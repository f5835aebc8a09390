import { randomBytes } from "node:crypto";
import type { ImapMailbox } from "@frontline/common";
import { and, eq } from "drizzle-orm";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { type Dovecot, startDovecot } from "../../../test/dovecot";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import type { Deps } from "../../platform/context";
import { JobRunner } from "../../platform/jobs";
import { SecretBox } from "../../platform/secrets";
import { inOrg } from "../../platform/tenancy";
import { registerChannelJobs } from ".";
import { imapMailboxes } from "./channels.tables";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;
let dovecot: Dovecot;

beforeAll(async () => {
  [h, dovecot] = await Promise.all([testApp(), startDovecot()]);
  org = await makeOrg(h);
});
afterAll(() => dovecot?.stop());

/** Puts a mail in the mailbox as a mail server would. */
async function deliver(subject: string, from = "client@example.com") {
  const c = new ImapFlow({
    host: "127.0.0.1",
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  } as ConstructorParameters<typeof ImapFlow>[0]);
  await c.connect();
  await c.append(
    "INBOX",
    `From: Client <${from}>\r\nTo: ${dovecot.user}\r\nSubject: ${subject}\r\nMessage-ID: <${Math.random()}@example.com>\r\n\r\n${subject} — body\r\n`,
  );
  await c.logout();
}

const subjects = async (o = org) =>
  (
    (await o.as.agent.get("/api/v1/tickets?channel=email&limit=50&sort=created_asc")).body.data as {
      subject: string;
    }[]
  ).map((t) => t.subject);

/** Runs the organisation's due jobs, as a node with these dependencies would (others' are other tests'). */
async function runPolls(o: TestOrg, deps: Deps = h.deps, now?: Date) {
  const runner = new JobRunner(deps, { nodeId: `imap-${Math.random()}`, orgIds: [o.orgId] });
  registerChannelJobs(runner, deps);
  await runner.runDue(now);
}

/** The mailbox row as the database holds it. */
async function storedRow(o: TestOrg, id: string) {
  const [row] = await inOrg(h.deps.database, o.orgId, (s) =>
    s.tx
      .select()
      .from(imapMailboxes)
      .where(and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, id))),
  );
  return row!;
}

const mailboxOf = async (o: TestOrg, id: string) =>
  ((await o.as.admin.get("/api/v1/channels/imap-mailboxes")).body.data as ImapMailbox[]).find((b) => b.id === id);

const dovecotBox = (password = dovecot.password) => ({
  host: "127.0.0.1",
  port: dovecot.port,
  secure: false,
  username: dovecot.user,
  password,
});

describe("IMAP polling works", () => {
  it("reads the mailbox into tickets, then only what is new, never twice", async () => {
    await deliver("First by IMAP");
    await deliver("Second by IMAP");
    const added = await org.as.admin.post("/api/v1/channels/imap-mailboxes", {
      host: "127.0.0.1",
      port: dovecot.port,
      secure: false,
      username: dovecot.user,
      password: dovecot.password,
    });
    expect(added.status).toBe(201);
    expect(added.body.data).not.toHaveProperty("password");
    const runner = new JobRunner(h.deps, { nodeId: `imap-${Math.random()}`, orgIds: [org.orgId] });
    registerChannelJobs(runner, h.deps);
    await runner.runDue();
    expect(await subjects()).toEqual(["First by IMAP", "Second by IMAP"]);

    await deliver("Third by IMAP");
    // The next poll is scheduled a minute on: move the clock there.
    await runner.runDue(new Date(Date.now() + 61_000));
    expect(await subjects()).toEqual(["First by IMAP", "Second by IMAP", "Third by IMAP"]);
    const box = (await org.as.admin.get("/api/v1/channels/imap-mailboxes")).body.data[0];
    expect(box).toMatchObject({ lastUid: 3, lastError: null });
    await runner.runDue(new Date(Date.now() + 122_000));
    expect(await subjects()).toHaveLength(3);
  });

  it("keeps the password encrypted at rest, and still signs in with it", async () => {
    const o = await makeOrg(h);
    const added = (await o.as.admin.post("/api/v1/channels/imap-mailboxes", dovecotBox())).body.data;
    const row = await storedRow(o, added.id);
    expect(row.password).toMatch(/^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(JSON.stringify(row)).not.toContain(dovecot.password);
    await runPolls(o);
    expect(await mailboxOf(o, added.id)).toMatchObject({ lastUid: 3, lastError: null });
    expect(await subjects(o)).toHaveLength(3);
    // The row is bound to its tenant and id: copied onto another mailbox, the ciphertext does not open.
    const other = (await o.as.admin.post("/api/v1/channels/imap-mailboxes", dovecotBox("placeholder"))).body.data;
    await inOrg(h.deps.database, o.orgId, (s) =>
      s.tx
        .update(imapMailboxes)
        .set({ password: row.password })
        .where(and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, other.id))),
    );
    await runPolls(o);
    expect((await mailboxOf(o, other.id))?.lastError).toMatch(/cannot be decrypted .*SECRETS_KEY/);
  });

  it("reads a password stored as plaintext before encryption at rest, then stores it sealed", async () => {
    const o = await makeOrg(h);
    const added = (await o.as.admin.post("/api/v1/channels/imap-mailboxes", dovecotBox())).body.data;
    await inOrg(h.deps.database, o.orgId, (s) =>
      s.tx
        .update(imapMailboxes)
        .set({ password: dovecot.password })
        .where(and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, added.id))),
    );
    await runPolls(o);
    expect(await mailboxOf(o, added.id)).toMatchObject({ lastUid: 3, lastError: null });
    const row = await storedRow(o, added.id);
    expect(row.password).toMatch(/^v1:/);
    expect(h.deps.secrets!.open(row.password, ["imap_mailboxes.password", o.orgId, added.id])).toBe(dovecot.password);
  });

  it("signs in with a new password given by PATCH at once, and stops polling a disabled mailbox", async () => {
    const o = await makeOrg(h);
    const added = (await o.as.admin.post("/api/v1/channels/imap-mailboxes", dovecotBox("wrong"))).body.data;
    await runPolls(o);
    expect((await mailboxOf(o, added.id))?.lastError).toBe("Authentication failed.");
    const fixed = await o.as.admin.patch(`/api/v1/channels/imap-mailboxes/${added.id}`, { password: dovecot.password });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data).toMatchObject({ lastError: null });
    expect(JSON.stringify(fixed.body)).not.toContain(dovecot.password);
    // The edit brought the next poll forward: no clock to move.
    await runPolls(o);
    expect(await mailboxOf(o, added.id)).toMatchObject({ lastUid: 3, lastError: null });
    expect(await subjects(o)).toHaveLength(3);

    await o.as.admin.patch(`/api/v1/channels/imap-mailboxes/${added.id}`, { enabled: false });
    await deliver("Sent while disabled");
    const { lastPolledAt } = (await mailboxOf(o, added.id))!;
    await runPolls(o, h.deps, new Date(Date.now() + 61_000));
    expect(await mailboxOf(o, added.id)).toMatchObject({ lastUid: 3, lastPolledAt });
    await o.as.admin.patch(`/api/v1/channels/imap-mailboxes/${added.id}`, { enabled: true });
    await runPolls(o);
    expect(await mailboxOf(o, added.id)).toMatchObject({ lastUid: 4, lastError: null });
    expect(await subjects(o)).toContain("Sent while disabled");
  });
});

describe("IMAP polling refuses", () => {
  it("non-admins, and records a wrong password on the mailbox instead of failing silently", async () => {
    const body = { host: "127.0.0.1", port: dovecot.port, secure: false, username: dovecot.user, password: "wrong" };
    expect((await org.as.supervisor.post("/api/v1/channels/imap-mailboxes", body)).status).toBe(403);
    const other = await makeOrg(h);
    const added = (await other.as.admin.post("/api/v1/channels/imap-mailboxes", body)).body.data;
    await runPolls(other);
    const box = (await other.as.admin.get("/api/v1/channels/imap-mailboxes")).body.data.find(
      (b: { id: string }) => b.id === added.id,
    );
    expect(box.lastError).toBeTruthy();
    expect((await org.as.admin.delete(`/api/v1/channels/imap-mailboxes/${added.id}`)).status).toBe(404);
  });

  it("to store passwords on a server without SECRETS_KEY, and says so on the mailbox it cannot poll", async () => {
    const noKey = await testApp({ SECRETS_KEY: "" });
    expect(noKey.deps.secrets).toBeNull();
    const o = await makeOrg(h);
    const admin = new Client(noKey.app, o.as.admin.creds);
    const refused = await admin.post("/api/v1/channels/imap-mailboxes", dovecotBox());
    expect(refused.status).toBe(503);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.body).toMatchObject({ code: "unavailable", detail: expect.stringContaining("SECRETS_KEY") });
    // The rest runs: the list, edits that need no password, everything else.
    expect((await admin.get("/api/v1/me")).status).toBe(200);
    const added = (await o.as.admin.post("/api/v1/channels/imap-mailboxes", dovecotBox())).body.data;
    expect((await admin.get("/api/v1/channels/imap-mailboxes")).body.data).toHaveLength(1);
    const newPassword = await admin.patch(`/api/v1/channels/imap-mailboxes/${added.id}`, { password: "other" });
    expect([newPassword.status, newPassword.body.code]).toEqual([503, "unavailable"]);
    expect((await admin.patch(`/api/v1/channels/imap-mailboxes/${added.id}`, { folder: "INBOX" })).status).toBe(200);
    await runPolls(o, noKey.deps);
    expect((await mailboxOf(o, added.id))?.lastError).toMatch(/^SECRETS_KEY is not set on the server/);
  });

  it("a password sealed under another key, naming SECRETS_KEY on the mailbox", async () => {
    const o = await makeOrg(h);
    const added = (await o.as.admin.post("/api/v1/channels/imap-mailboxes", dovecotBox())).body.data;
    await runPolls(o, { ...h.deps, secrets: new SecretBox(randomBytes(32)) });
    expect((await mailboxOf(o, added.id))?.lastError).toBe(
      "The stored password cannot be decrypted with this server's SECRETS_KEY (was the key changed?): enter the password again",
    );
    expect(await subjects(o)).toEqual([]);
  });
});
