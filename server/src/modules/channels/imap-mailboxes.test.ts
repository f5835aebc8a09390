import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { inOrg } from "../../platform/tenancy";
import { imapMailboxes } from "./channels.tables";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

// A closed port on loopback: whichever job runner polls it fails at once, and no test here runs one.
const NEW_BOX = { host: "127.0.0.1", port: 1, secure: false, username: "help@shop.test", password: "first-secret" };

async function addBox(o = org) {
  const res = await o.as.admin.post("/api/v1/channels/imap-mailboxes", NEW_BOX);
  expect(res.status).toBe(201);
  return res.body.data as { id: string };
}

async function storedPassword(o: TestOrg, id: string) {
  const [row] = await inOrg(h.deps.database, o.orgId, (s) =>
    s.tx
      .select({ password: imapMailboxes.password })
      .from(imapMailboxes)
      .where(and(eq(imapMailboxes.orgId, s.orgId), eq(imapMailboxes.id, id))),
  );
  return row!.password;
}

const url = (id: string) => `/api/v1/channels/imap-mailboxes/${id}`;

describe("editing a mailbox works", () => {
  it("changes only what is given, keeps the password unless a new one is given, and is audited without it", async () => {
    const box = await addBox();
    const sealed = await storedPassword(org, box.id);
    const moved = await org.as.admin.patch(url(box.id), { host: "imap.shop.test", port: 993, secure: true });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toEqual({
      id: box.id,
      host: "imap.shop.test",
      port: 993,
      secure: true,
      username: "help@shop.test",
      folder: "INBOX",
      enabled: true,
      lastUid: 0,
      lastPolledAt: null,
      lastError: null,
    });
    expect(await storedPassword(org, box.id)).toBe(sealed);

    const renamed = await org.as.admin.patch(url(box.id), {
      username: "care@shop.test",
      folder: "Support",
      password: "second-secret",
      enabled: false,
    });
    expect(renamed.body.data).toMatchObject({ username: "care@shop.test", folder: "Support", enabled: false });
    const stored = await storedPassword(org, box.id);
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toBe(sealed);
    expect(h.deps.secrets!.open(stored, ["imap_mailboxes.password", org.orgId, box.id])).toBe("second-secret");

    const audit = await org.as.admin.get(`/api/v1/audit-events?entityType=imap_mailbox&entityId=${box.id}`);
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual([
      "imap_mailbox.updated",
      "imap_mailbox.updated",
      "imap_mailbox.created",
    ]);
    expect(audit.body.data[0].changes).toEqual({
      username: ["help@shop.test", "care@shop.test"],
      folder: ["INBOX", "Support"],
      enabled: [true, false],
      passwordChanged: [false, true],
    });
    expect(audit.body.data[1].changes).toEqual({
      host: ["127.0.0.1", "imap.shop.test"],
      port: [1, 993],
      secure: [false, true],
    });
    const everything = JSON.stringify([audit.body, (await org.as.admin.get("/api/v1/channels/imap-mailboxes")).body]);
    for (const secret of ["first-secret", "second-secret", sealed, stored]) expect(everything).not.toContain(secret);
  });

  it("answers an empty change with the mailbox as it is", async () => {
    const box = await addBox();
    const res = await org.as.admin.patch(url(box.id), {});
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: box.id, host: "127.0.0.1", enabled: true });
  });
});

describe("editing a mailbox rejects bad input", () => {
  it("with 400 naming each failing field, and changes nothing", async () => {
    const box = await addBox();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ port: 0 }, ["port"]],
      [{ port: 70_000 }, ["port"]],
      [{ port: "993" }, ["port"]],
      [{ host: "" }, ["host"]],
      [{ host: "imap example.com" }, ["host"]],
      [{ secure: "yes" }, ["secure"]],
      [{ password: "" }, ["password"]],
      [{ folder: "   " }, ["folder"]],
      [{ enabled: null }, ["enabled"]],
      [{ lastUid: 0, password: "x".repeat(1001) }, ["lastUid", "password"]],
      [{ orgId: org.orgId }, ["orgId"]],
    ];
    for (const [body, fields] of cases) {
      const res = await org.as.admin.patch(url(box.id), body);
      expect([res.status, res.body.code], JSON.stringify(body)).toEqual([400, "validation_failed"]);
      expect(Object.keys(res.body.fields).sort(), JSON.stringify(body)).toEqual(fields);
    }
    const notJson = await org.as.admin.send("PATCH", url(box.id), "{nope", { "content-type": "application/json" });
    expect([notJson.status, notJson.body.code]).toEqual([400, "malformed_json"]);
    const badId = await org.as.admin.patch(url("not-an-id"), { enabled: false });
    expect([badId.status, Object.keys(badId.body.fields)]).toEqual([400, ["id"]]);
    const list = (await org.as.admin.get("/api/v1/channels/imap-mailboxes")).body.data;
    expect(list.find((b: { id: string }) => b.id === box.id)).toMatchObject({ host: "127.0.0.1", port: 1 });
  });

  it("with 404 for an unknown mailbox", async () => {
    const res = await org.as.admin.patch(url("01900000-0000-7000-8000-000000000000"), { enabled: false });
    expect([res.status, res.body.code]).toEqual([404, "not_found"]);
  });
});

describe("editing a mailbox refuses the wrong user", () => {
  it("403 for every role but admin", async () => {
    const box = await addBox();
    for (const role of ["agent", "supervisor", "manager"] as const) {
      const res = await org.as[role].patch(url(box.id), { enabled: false });
      expect([res.status, res.body.code], role).toEqual([403, "forbidden"]);
    }
    const list = (await org.as.admin.get("/api/v1/channels/imap-mailboxes")).body.data;
    expect(list.find((b: { id: string }) => b.id === box.id).enabled).toBe(true);
  });

  it("404 for another organisation's mailbox, which stays as it was", async () => {
    const box = await addBox();
    const other = await makeOrg(h);
    const sealed = await storedPassword(org, box.id);
    const res = await other.as.admin.patch(url(box.id), { host: "evil.test", password: "planted", enabled: false });
    expect([res.status, res.body.code]).toEqual([404, "not_found"]);
    expect((await other.as.admin.delete(url(box.id))).status).toBe(404);
    const list = (await org.as.admin.get("/api/v1/channels/imap-mailboxes")).body.data;
    expect(list.find((b: { id: string }) => b.id === box.id)).toMatchObject({ host: "127.0.0.1", enabled: true });
    expect(await storedPassword(org, box.id)).toBe(sealed);
    expect((await other.as.admin.get("/api/v1/channels/imap-mailboxes")).body.data).toEqual([]);
  });
});
