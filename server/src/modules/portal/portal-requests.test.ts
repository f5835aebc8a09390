import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { deliverLinks, mailsTo, postForm, slugOf, tokenIn } from "../../../test/portal";
import { startRelay } from "../../../test/smtp-relay";

let h: Awaited<ReturnType<typeof testApp>>;
let relay: Awaited<ReturnType<typeof startRelay>>;
let org: TestOrg;
let slug: string;
const anonymous = () => new Client(h.app);

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp();
  org = await makeOrg(h);
  slug = await slugOf(h, org.orgId);
});
afterAll(() => relay.close());

// A PNG's first bytes: enough for the type to be read from the content.
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

describe("the public request form works", () => {
  it("names the organisation behind a portal address", async () => {
    const res = await anonymous().get(`/api/v1/portal/${slug}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ name: expect.stringMatching(/^Org /), slug, defaultLocale: "en" });
  });

  it("turns a request into a web ticket in the inbox and mails the customer a link in their language", async () => {
    const email = uniqueEmail("ana");
    const res = await anonymous().post(`/api/v1/portal/${slug}/requests`, {
      name: "Ana Pop",
      email,
      subject: "Meine Bestellung ist nicht angekommen",
      body: "Die Bestellung 5512 ist seit zwei Wochen unterwegs.",
      locale: "de",
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ number: expect.any(Number), ticketId: null });

    const inbox = await org.as.agent.get("/api/v1/tickets?channel=web");
    const ticket = inbox.body.data.find((t: { number: number }) => t.number === res.body.data.number);
    expect(ticket).toMatchObject({ subject: "Meine Bestellung ist nicht angekommen", status: "new", channel: "web" });
    const customer = (await org.as.agent.get(`/api/v1/customers/${ticket.requesterId}`)).body.data;
    expect(customer).toMatchObject({ name: "Ana Pop", email, locale: "de" });
    const messages = (await org.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: "inbound",
      bodyText: "Die Bestellung 5512 ist seit zwei Wochen unterwegs.",
    });

    await deliverLinks(h, relay, [org.orgId]);
    const [mail, ...more] = await mailsTo(relay, email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(
      `Wir haben Ihre Anfrage erhalten: Meine Bestellung ist nicht angekommen [#${ticket.number}]`,
    );
    expect(mail!.text).toContain("Guten Tag Ana Pop,");
    expect(mail!.text).toContain(`http://localhost:3000/portal/${slug}/sign-in#token=`);
    expect(mail!.headers.get("auto-submitted")).toBe("auto-generated");
    expect(tokenIn(mail!.text)).toHaveLength(43);
  });

  it("keeps files sent with the form on the ticket's first message, typed by their bytes", async () => {
    const email = uniqueEmail("files");
    const res = await postForm(h, `/api/v1/portal/${slug}/requests`, { email, subject: "Broken", body: "See photo" }, [
      { name: "photo.png", bytes: PNG, type: "text/plain" },
      { name: "notes.txt", bytes: "The box was crushed." },
    ]);
    expect(res.status).toBe(201);
    const ticket = (await org.as.agent.get("/api/v1/tickets?channel=web")).body.data.find(
      (t: { number: number }) => t.number === res.body.data.number,
    );
    const [message] = (await org.as.agent.get(`/api/v1/tickets/${ticket.id}/messages`)).body.data;
    expect(
      message.attachments.map((a: { filename: string; contentType: string }) => [a.filename, a.contentType]),
    ).toEqual([
      ["photo.png", "image/png"],
      ["notes.txt", "text/plain"],
    ]);
  });

  it("answers a robot's form (the hidden field filled in) like any other, but opens nothing", async () => {
    const email = uniqueEmail("robot");
    const res = await anonymous().post(`/api/v1/portal/${slug}/requests`, {
      email,
      subject: "Cheap watches",
      body: "Buy now",
      website: "http://spam.example",
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ number: null, ticketId: null });
    const found = await org.as.agent.get(`/api/v1/customers?q=${encodeURIComponent(email)}`);
    expect(found.body.data).toHaveLength(0);
  });
});

describe("the public request form rejects bad input", () => {
  const path = () => `/api/v1/portal/${slug}/requests`;

  it("names missing and wrong fields", async () => {
    const res = await anonymous().post(path(), { email: "not-an-email", subject: "", body: 5, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
    expect(Object.keys(res.body.fields).sort()).toEqual(["body", "email", "extra", "subject"]);
  });

  it("refuses malformed JSON, other content types and an unknown portal", async () => {
    const bad = await anonymous().send("POST", path(), "{not json", { "content-type": "application/json" });
    expect([bad.status, bad.body.code]).toEqual([400, "malformed_json"]);
    const text = await anonymous().send("POST", path(), "hello", { "content-type": "text/plain" });
    expect([text.status, text.body.code]).toEqual([415, "unsupported_media_type"]);
    const unknown = await anonymous().post("/api/v1/portal/no-such-org-here/requests", {});
    expect([unknown.status, unknown.body.code]).toEqual([404, "not_found"]);
    const weird = await anonymous().get("/api/v1/portal/..%2F..%2Fadmin");
    expect(weird.status).toBe(404);
  });

  it("refuses programs and disguised files by position, and writes nothing", async () => {
    const email = uniqueEmail("exe");
    const res = await postForm(h, path(), { email, subject: "Invoice", body: "attached" }, [
      { name: "invoice.pdf", bytes: "%PDF-1.4 fine" },
      { name: "invoice.exe", bytes: Buffer.from("4d5a900003", "hex") },
    ]);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.fields)).toEqual(["files.1"]);
    const found = await org.as.agent.get(`/api/v1/customers?q=${encodeURIComponent(email)}`);
    expect(found.body.data).toHaveLength(0);
  });

  it("refuses more than five files, empty files and files over the size limit", async () => {
    const email = uniqueEmail("many");
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `n${i}.txt`, bytes: "x" }));
    const many = await postForm(h, path(), { email, subject: "s", body: "b" }, six);
    expect([many.status, Object.keys(many.body.fields)]).toEqual([400, ["files"]]);
    const empty = await postForm(h, path(), { email, subject: "s", body: "b" }, [{ name: "e.txt", bytes: "" }]);
    expect([empty.status, Object.keys(empty.body.fields)]).toEqual([400, ["files.0"]]);
    const small = await testApp({ ATTACHMENT_MAX_BYTES: "2048" });
    const big = await postForm(small, path(), { email, subject: "s", body: "b" }, [
      { name: "big.txt", bytes: "y".repeat(4096) },
    ]);
    expect([big.status, big.body.code, Object.keys(big.body.fields)]).toEqual([413, "payload_too_large", ["files.0"]]);
  });

  it("refuses a body larger than a JSON request may be", async () => {
    const res = await anonymous().post(path(), { email: uniqueEmail(), subject: "s", body: "z".repeat(1_100_000) });
    expect([res.status, res.body.code]).toEqual([413, "payload_too_large"]);
  });
});

describe("the public request form refuses abuse", () => {
  it("refuses a form posted from another site's page", async () => {
    const res = await anonymous().post(
      `/api/v1/portal/${slug}/requests`,
      { email: uniqueEmail(), subject: "s", body: "b" },
      { origin: "https://evil.example" },
    );
    expect([res.status, res.body.code]).toEqual([403, "csrf_failed"]);
  });

  it("limits requests from one address and says when to come back", async () => {
    const own = await makeOrg(h);
    const ownSlug = await slugOf(h, own.orgId);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await anonymous().post(`/api/v1/portal/${ownSlug}/requests`, {
        email: uniqueEmail(),
        subject: `Request ${i}`,
        body: "b",
        website: "robot",
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.at(-1)).toBe(429);
  });

  it("mails one address at most five links an hour, however often the form is used", async () => {
    const own = await makeOrg(h);
    const ownSlug = await slugOf(h, own.orgId);
    const email = uniqueEmail("victim");
    for (let i = 0; i < 8; i++) {
      const res = await anonymous().post(`/api/v1/portal/${ownSlug}/requests`, { email, subject: `S${i}`, body: "b" });
      expect(res.status).toBe(201);
    }
    await deliverLinks(h, relay, [own.orgId]);
    expect(await mailsTo(relay, email)).toHaveLength(5);
  });
});
