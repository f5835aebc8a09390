import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp({ ATTACHMENT_MAX_BYTES: "4096" });
  org = await makeOrg(h);
});

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0), Buffer.from("PE\0\0")]);

async function upload(as: Client, name: string, bytes: Buffer, type = "application/octet-stream") {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await h.app.request("/api/v1/attachments", {
    method: "POST",
    body: form,
    headers: { cookie: as.creds.cookie!, "x-csrf-token": as.creds.csrfToken! },
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies by shape and assert exact values
  return { status: res.status, body: (await res.json()) as any };
}

async function ticket() {
  return (
    await org.as.agent.post("/api/v1/tickets", {
      subject: "Photo of the damage",
      requester: { email: uniqueEmail() },
      message: { body: "see below" },
    })
  ).body.data;
}

describe("attachments work", () => {
  it("stores an upload by its bytes' type, sends it with a reply, and serves it as a download", async () => {
    const up = await upload(org.as.agent, "damage.png", PNG, "text/html");
    expect(up.status).toBe(201);
    expect(up.body.data).toMatchObject({
      filename: "damage.png",
      contentType: "image/png",
      size: PNG.length,
      inline: false,
    });
    const t = await ticket();
    const reply = await org.as.agent.post(`/api/v1/tickets/${t.id}/messages`, {
      kind: "reply",
      body: "Here it is",
      attachmentIds: [up.body.data.id],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.data.attachments).toEqual([up.body.data]);
    const listed = (await org.as.agent.get(`/api/v1/tickets/${t.id}/messages`)).body.data.at(-1);
    expect(listed.attachments.map((a: { id: string }) => a.id)).toEqual([up.body.data.id]);
    const file = await h.app.request(up.body.data.url, { headers: { cookie: org.as.supervisor.creds.cookie! } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="damage.png"; filename*=UTF-8''damage.png`,
    );
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG);
  });

  it("names files in any language safely in the download header", async () => {
    const up = await upload(org.as.agent, "../../factură ș.txt", Buffer.from("total: 10 lei"));
    expect(up.body.data).toMatchObject({ filename: "factură ș.txt", contentType: "text/plain" });
    const file = await h.app.request(up.body.data.url, { headers: { cookie: org.as.agent.creds.cookie! } });
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="factur_ _.txt"; filename*=UTF-8''${encodeURIComponent("factură ș.txt")}`,
    );
  });
});

describe("attachments reject bad files", () => {
  it("refuses programs, disguised files, empty files, other encodings and oversized files", async () => {
    expect((await upload(org.as.agent, "setup.exe", PNG)).body.fields).toEqual({
      file: [".exe files are not accepted"],
    });
    expect((await upload(org.as.agent, "invoice.pdf", EXE)).status).toBe(422);
    const disguised = await upload(org.as.agent, "photo.pdf", PNG);
    expect(disguised.status).toBe(422);
    expect(disguised.body.fields).toEqual({ file: ["Named .pdf but its content is png"] });
    expect((await upload(org.as.agent, "empty.txt", Buffer.alloc(0))).status).toBe(400);
    expect((await upload(org.as.agent, "big.txt", Buffer.alloc(5000, 65))).status).toBe(413);
    const json = await org.as.agent.post("/api/v1/attachments", { file: "x" });
    expect(json.status).toBe(415);
  });
});

describe("attachments refuse the wrong user", () => {
  it("keeps an unsent upload to its uploader, and another organisation out", async () => {
    const up = await upload(org.as.agent, "draft.txt", Buffer.from("draft"));
    const t = await ticket();
    const stolen = await org.as.supervisor.post(`/api/v1/tickets/${t.id}/messages`, {
      kind: "reply",
      body: "x",
      attachmentIds: [up.body.data.id],
    });
    expect(stolen.status).toBe(422);
    expect(stolen.body.fields).toEqual({ "attachmentIds.0": ["Not an upload of yours waiting to be sent"] });
    expect(
      (await h.app.request(up.body.data.url, { headers: { cookie: org.as.supervisor.creds.cookie! } })).status,
    ).toBe(404);
    const other = await makeOrg(h);
    expect((await h.app.request(up.body.data.url, { headers: { cookie: other.as.admin.creds.cookie! } })).status).toBe(
      404,
    );
    // Used once, an upload cannot be attached again.
    await org.as.agent.post(`/api/v1/tickets/${t.id}/messages`, {
      kind: "note",
      body: "x",
      attachmentIds: [up.body.data.id],
    });
    const again = await org.as.agent.post(`/api/v1/tickets/${t.id}/messages`, {
      kind: "note",
      body: "y",
      attachmentIds: [up.body.data.id],
    });
    expect(again.status).toBe(422);
  });
});
