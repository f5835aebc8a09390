import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyMail } from "./auto-reply";
import { parseMail } from "./parse-mail";
import { stripQuotedReply } from "./strip-quote";

const FIXTURES = fileURLToPath(new URL("../../../../test/fixtures/mail/", import.meta.url));
const OWN = { ownAddresses: ["support@acme.example"] };

interface Expected {
  messageId: string;
  messageIdSynthetic: boolean;
  subject: string;
  from: { address: string; name: string } | null;
  to: { address: string; name: string }[];
  cc?: { address: string; name: string }[];
  replyTo?: { address: string; name: string } | null;
  date: string | null;
  text: string;
  visible?: string;
  html?: string | null;
  hasHtml?: boolean;
  inReplyTo?: string | null;
  references?: string[];
  authResults?: unknown;
  attachments: { filename: string; contentType: string; size: number; inline: boolean }[];
  kind: string;
  problems: number;
}

const fixture = (name: string) => readFileSync(`${FIXTURES}${name}.eml`);
const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".eml"))
  .map((f) => f.slice(0, -4))
  .sort();

describe("parseMail reads the corpus of real-world mail exactly", () => {
  it("has at least 40 mails, each with its expectations", () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it.each(names)("%s", async (name) => {
    const expected = JSON.parse(readFileSync(`${FIXTURES}${name}.expected.json`, "utf8")) as Expected;
    const mail = await parseMail(fixture(name));

    expect(mail.messageId).toBe(expected.messageId);
    expect(mail.messageIdSynthetic).toBe(expected.messageIdSynthetic);
    expect(mail.subject).toBe(expected.subject);
    expect(mail.from).toEqual(expected.from);
    expect(mail.to).toEqual(expected.to);
    expect(mail.date?.toISOString() ?? null).toBe(expected.date);
    expect(mail.text).toBe(expected.text);
    if (expected.cc !== undefined) expect(mail.cc).toEqual(expected.cc);
    if (expected.replyTo !== undefined) expect(mail.replyTo).toEqual(expected.replyTo);
    if (expected.visible !== undefined) expect(stripQuotedReply(mail.text).visible).toBe(expected.visible);
    if (expected.html !== undefined) expect(mail.html).toBe(expected.html);
    if (expected.hasHtml !== undefined) expect(mail.html !== null).toBe(expected.hasHtml);
    if (expected.inReplyTo !== undefined) expect(mail.inReplyTo).toBe(expected.inReplyTo);
    if (expected.references !== undefined) expect(mail.references).toEqual(expected.references);
    if (expected.authResults !== undefined) expect(mail.authResults).toEqual(expected.authResults);
    expect(
      mail.attachments.map(({ filename, contentType, size, inline }) => ({ filename, contentType, size, inline })),
    ).toEqual(expected.attachments);
    expect(classifyMail(mail, OWN).kind).toBe(expected.kind);
    expect(mail.problems).toHaveLength(expected.problems);
  });
});

describe("parseMail keeps what the caller needs", () => {
  it("gives one synthetic id to the same mail whatever its line endings and relays", async () => {
    const crlf = await parseMail(fixture("44-crlf-line-endings"));
    const lf = await parseMail(fixture("45-bare-lf-line-endings"));
    expect(crlf.messageIdSynthetic).toBe(true);
    expect(lf.messageId).toBe(crlf.messageId);
    expect(crlf.messageId).toMatch(/^[0-9a-f]{64}@synthetic\.frontline\.invalid$/);
  });

  it("accepts the raw message as a string as well as a Buffer", async () => {
    const raw = fixture("01-plain-utf8");
    expect(await parseMail(raw.toString("utf8"))).toEqual(await parseMail(raw));
  });

  it("keeps attachment bytes and Content-IDs", async () => {
    const related = await parseMail(fixture("17-related-inline-image"));
    const image = related.attachments[0]!;
    expect(image.contentId).toBe("ii_m8k2x1a90@example.com");
    expect(image.content.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const forwarded = await parseMail(fixture("19-forwarded-message-rfc822"));
    expect(forwarded.attachments[0]!.content.toString("utf8")).toMatch(/^Return-Path: <noreply@shop\.example\.net>\n/);
  });

  it("keeps the headers that loop protection needs", async () => {
    expect((await parseMail(fixture("35-dsn-bounce"))).headers).toEqual({
      autoSubmitted: "auto-replied",
      precedence: null,
      xAutoreply: null,
      xAutorespond: null,
      xAutoResponseSuppress: null,
      listId: null,
      listPost: null,
      returnPath: "<>",
      contentType: "multipart/report",
      reportType: "delivery-status",
    });
    const list = await parseMail(fixture("36-mailing-list"));
    expect(list.headers.listId).toBe("Acme product users <users.lists.example.org>");
    expect(list.headers.precedence).toBe("list");
  });

  it("trusts only the Authentication-Results of the servers it is told to", async () => {
    const raw = fixture("48-spoofed-sender");
    expect((await parseMail(raw, { trustedAuthservIds: ["MX.ACME.EXAMPLE"] })).authResults?.dmarc).toEqual({
      result: "fail",
      domain: "bigcorp.example",
    });
    expect((await parseMail(raw, { trustedAuthservIds: ["mx.other.example"] })).authResults).toBeNull();
  });
});

describe("parseMail survives broken input and says what it could not read", () => {
  it("names each problem of the broken corpus mails", async () => {
    expect((await parseMail(fixture("40-truncated-multipart"))).problems).toEqual([
      "multipart/mixed ends without its closing boundary",
    ]);
    expect((await parseMail(fixture("41-invalid-base64"))).problems).toEqual([
      "invalid base64 in a part of type text/plain",
    ]);
    expect((await parseMail(fixture("42-unknown-charset"))).problems).toEqual([
      'unknown charset "unknown-8bit" (read as windows-1252)',
    ]);
  });

  it("returns an empty, flagged mail for empty or binary input", async () => {
    const empty = await parseMail("");
    expect(empty).toMatchObject({
      subject: "",
      from: null,
      text: "",
      html: null,
      attachments: [],
      messageIdSynthetic: true,
    });
    expect(empty.problems).toEqual(["no sender address"]);
    const binary = await parseMail(Buffer.from([0, 255, 13, 10, 0, 0x80, 0x1b, 10, 10, 0xc3]));
    expect(binary.problems).toContain("no sender address");
  });

  it("keeps the headers of a mail nested too deep to read, and flags it", async () => {
    let raw = "From: deep@example.com\r\nSubject: deep\r\nMessage-ID: <deep@example.com>\r\n";
    for (let i = 0; i < 200; i++) raw += `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`;
    const mail = await parseMail(`${raw}\r\nbody\r\n`);
    expect(mail.messageId).toBe("deep@example.com");
    expect(mail.from).toEqual({ address: "deep@example.com", name: "" });
    expect(mail.problems).toContain(
      "the MIME structure could not be read: Maximum MIME nesting depth of 64 levels exceeded",
    );
  });

  it("flags a Date it cannot read, a multipart without boundary and raw 8-bit headers", async () => {
    const mail = await parseMail(
      Buffer.concat([
        Buffer.from("From: a@example.com\r\nDate: yesterday-ish\r\nSubject: caf"),
        Buffer.from([0xe9]),
        Buffer.from("\r\nContent-Type: multipart/mixed\r\n\r\nhello\r\n"),
      ]),
    );
    expect(mail.date).toBeNull();
    expect(mail.problems).toEqual([
      "multipart/mixed without a boundary",
      "unreadable Date header",
      "header bytes that are not UTF-8",
    ]);
  });

  it("finishes a mail with ten thousand parts", async () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => `--x\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`);
    const mail = await parseMail(
      `From: a@example.com\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n${parts.join("")}--x--\r\n`,
    );
    expect(mail.text.startsWith("part 0\n")).toBe(true);
  });

  it("never throws on arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const mail = await parseMail(Buffer.from(bytes));
        expect(typeof mail.text).toBe("string");
        expect(Array.isArray(mail.problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws or stalls on arbitrarily nested and garbled MIME", async () => {
    const token = fc.constantFrom(
      "a",
      "b",
      "x-y",
      "=?utf-8?B?w6k=?=",
      "=?koi8-r?Q?=F0?=",
      "=?bogus?X?zz?=",
      '"q;uo=te"',
    );
    const header = fc.oneof(
      fc
        .tuple(fc.constantFrom("text/plain", "text/html", "image/png", "message/rfc822", "application/x"), token)
        .map(([type, t]) => `Content-Type: ${type}; charset=${t}; name=${t}`),
      fc.constantFrom("base64", "quoted-printable", "8bit", "x-uuencode").map((e) => `Content-Transfer-Encoding: ${e}`),
      token.map((t) => `Content-Disposition: attachment; filename*=utf-8''${encodeURIComponent(t)}`),
      token.map((t) => `Subject: ${t} ${t}`),
    );
    const body = fc.constantFrom(
      "",
      "hello",
      "SGVsbG8=",
      "=C3=A9=\r\n=",
      "<p onclick=x>hi</p>",
      "--",
      "\u00ff\u0000",
      "==",
    );
    const { part } = fc.letrec<{ part: string }>((tie) => ({
      part: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.tuple(fc.array(header, { maxLength: 4 }), body).map(([hs, b]) => `${hs.join("\r\n")}\r\n\r\n${b}\r\n`),
        fc
          .tuple(token, fc.array(tie("part"), { maxLength: 4 }), fc.boolean())
          .map(
            ([b, parts, closed]) =>
              `Content-Type: multipart/mixed; boundary="${b}"\r\n\r\n${parts.map((p) => `--${b}\r\n${p}`).join("")}${closed ? `--${b}--\r\n` : ""}`,
          ),
      ),
    }));
    const garbled = fc.tuple(part, fc.nat(), fc.nat({ max: 3 })).map(([raw, cut, mode]) => {
      if (mode === 0) return raw.slice(0, raw.length === 0 ? 0 : cut % raw.length);
      if (mode === 1) return raw.replace(/\r\n/g, "\n");
      return raw;
    });
    await fc.assert(
      fc.asyncProperty(garbled, async (raw) => {
        const started = performance.now();
        const mail = await parseMail(`From: fuzz@example.com\r\n${raw}`);
        expect(mail.from?.address).toBe("fuzz@example.com");
        // Generous: a parse of these few kilobytes takes about a millisecond.
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 300 },
    );
  });
});
