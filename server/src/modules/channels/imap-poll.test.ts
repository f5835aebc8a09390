import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dovecot, startDovecot } from "../../../test/dovecot";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { JobRunner } from "../../platform/jobs";
import { registerChannelJobs } from ".";

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

const subjects = async () =>
  (
    (await org.as.agent.get("/api/v1/tickets?channel=email&limit=50&sort=created_asc")).body.data as {
      subject: string;
    }[]
  ).map((t) => t.subject);

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
    const runner = new JobRunner(h.deps, { nodeId: `imap-${Math.random()}` });
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
});

describe("IMAP polling refuses", () => {
  it("non-admins, and records a wrong password on the mailbox instead of failing silently", async () => {
    const body = { host: "127.0.0.1", port: dovecot.port, secure: false, username: dovecot.user, password: "wrong" };
    expect((await org.as.supervisor.post("/api/v1/channels/imap-mailboxes", body)).status).toBe(403);
    const other = await makeOrg(h);
    const added = (await other.as.admin.post("/api/v1/channels/imap-mailboxes", body)).body.data;
    const runner = new JobRunner(h.deps, { nodeId: `imap-${Math.random()}` });
    registerChannelJobs(runner, h.deps);
    await runner.runDue();
    const box = (await other.as.admin.get("/api/v1/channels/imap-mailboxes")).body.data.find(
      (b: { id: string }) => b.id === added.id,
    );
    expect(box.lastError).toBeTruthy();
    expect((await org.as.admin.delete(`/api/v1/channels/imap-mailboxes/${added.id}`)).status).toBe(404);
  });
});
