import { describe, expect, it } from "vitest";
import { type ClassifyContext, classifyMail } from "./auto-reply";
import type { MailFlags } from "./mail-types";

const OWN: ClassifyContext = { ownAddresses: ["Support@Acme.example"] };

interface Shape {
  headers?: Partial<MailFlags>;
  from?: string;
  to?: string[];
  cc?: string[];
  subject?: string;
}

function mail(shape: Shape = {}) {
  const box = (address: string) => ({ address, name: "" });
  return {
    from: box(shape.from ?? "ana@example.com"),
    to: (shape.to ?? ["support@acme.example"]).map(box),
    cc: (shape.cc ?? []).map(box),
    subject: shape.subject ?? "Where is my order?",
    headers: {
      autoSubmitted: null,
      precedence: null,
      xAutoreply: null,
      xAutorespond: null,
      xAutoResponseSuppress: null,
      listId: null,
      listPost: null,
      returnPath: null,
      contentType: "text/plain",
      reportType: null,
      ...shape.headers,
    },
  };
}

describe("classifyMail lets a person's mail through", () => {
  it.each<[string, Shape]>([
    ["a plain mail", {}],
    ["Auto-Submitted: no", { headers: { autoSubmitted: "no" } }],
    ["X-Autoreply: no", { headers: { xAutoreply: "no" } }],
    [
      "a Google Group support address (Precedence: list, List-Id, our address in To)",
      {
        to: ["support@acme.example"],
        headers: { precedence: "list", listId: "<support.acme.example>", listPost: "<mailto:support@acme.example>" },
      },
    ],
    [
      "a list mail that also names us in Cc",
      { to: ["users@lists.example.org"], cc: ["support@acme.example"], headers: { listId: "<users>" } },
    ],
    ["a normal Return-Path", { headers: { returnPath: "<ana@example.com>" } }],
  ])("%s", (_, shape) => {
    expect(classifyMail(mail(shape), OWN)).toEqual({ kind: "normal", reason: null, suppressAutoResponse: false });
  });

  it("without our addresses, treats a list mail as personal only when someone besides the list is addressed", () => {
    const list = { listId: "<users.lists.example.org>", listPost: "<mailto:users@lists.example.org>" };
    expect(classifyMail(mail({ to: ["users@lists.example.org"], headers: list })).kind).toBe("bulk");
    expect(classifyMail(mail({ to: ["users@lists.example.org", "support@acme.example"], headers: list })).kind).toBe(
      "normal",
    );
    expect(classifyMail(mail({ headers: { listId: "<no-post-header>" } })).kind).toBe("bulk");
  });

  it("still asks for no automatic answer when Exchange says X-Auto-Response-Suppress: All, OOF or AutoReply", () => {
    for (const value of ["all", "oof", "dr, autoreply"]) {
      expect(classifyMail(mail({ headers: { xAutoResponseSuppress: value } }), OWN)).toEqual({
        kind: "normal",
        reason: null,
        suppressAutoResponse: true,
      });
    }
    expect(
      classifyMail(mail({ headers: { xAutoResponseSuppress: "dr, ndr, rn, nrn" } }), OWN).suppressAutoResponse,
    ).toBe(false);
  });
});

describe("classifyMail stops every automatic mail", () => {
  it.each<[string, Shape, string, string]>([
    [
      "Auto-Submitted: auto-replied",
      { headers: { autoSubmitted: "auto-replied" } },
      "auto_reply",
      "Auto-Submitted: auto-replied",
    ],
    [
      "Auto-Submitted with parameters",
      { headers: { autoSubmitted: "auto-generated; owner-email=x@example.com" } },
      "auto_reply",
      "Auto-Submitted: auto-generated",
    ],
    [
      "Auto-Submitted: auto-notified",
      { headers: { autoSubmitted: "auto-notified" } },
      "auto_reply",
      "Auto-Submitted: auto-notified",
    ],
    ["X-Autoreply: yes", { headers: { xAutoreply: "yes" } }, "auto_reply", "X-Autoreply"],
    ["X-Autorespond", { headers: { xAutorespond: "x" } }, "auto_reply", "X-Autorespond"],
    [
      "an out-of-office with Precedence: bulk",
      { subject: "Out of Office: Re: order", headers: { precedence: "bulk" } },
      "auto_reply",
      "Precedence: bulk with an out-of-office subject",
    ],
    [
      "a Russian auto-answer with Precedence: junk",
      { subject: "Автоответ: заказ", headers: { precedence: "junk" } },
      "auto_reply",
      "Precedence: junk with an out-of-office subject",
    ],
    [
      "a newsletter with Precedence: bulk",
      { subject: "March news", headers: { precedence: "bulk" } },
      "bulk",
      "Precedence: bulk",
    ],
    ["Precedence: junk", { headers: { precedence: "junk" } }, "bulk", "Precedence: junk"],
    [
      "a list post to the list only",
      { to: ["users@lists.example.org"], headers: { precedence: "list" } },
      "bulk",
      "Precedence: list",
    ],
    [
      "List-Id with no personal To",
      { to: ["users@lists.example.org"], headers: { listId: "<users.lists.example.org>" } },
      "bulk",
      "List-Id without a personal recipient",
    ],
    [
      "a delivery status notification",
      { headers: { contentType: "multipart/report", reportType: "delivery-status" } },
      "bounce",
      "multipart/report; report-type=delivery-status",
    ],
    [
      "a read receipt",
      { headers: { contentType: "multipart/report", reportType: "disposition-notification" } },
      "auto_reply",
      "multipart/report; report-type=disposition-notification",
    ],
    ["MAILER-DAEMON", { from: "mailer-daemon@mx.example.com" }, "bounce", "sender is mailer-daemon"],
    ["postmaster", { from: "postmaster@example.com" }, "bounce", "sender is postmaster"],
    ["the null Return-Path", { headers: { returnPath: "< >" } }, "auto_reply", "null return path <>"],
  ])("%s", (_, shape, kind, reason) => {
    expect(classifyMail(mail(shape), OWN)).toEqual({ kind, reason, suppressAutoResponse: true });
  });

  it("takes the null sender from the SMTP envelope when there is no Return-Path header", () => {
    expect(classifyMail(mail(), { ...OWN, envelopeFrom: "" }).kind).toBe("auto_reply");
    expect(classifyMail(mail(), { ...OWN, envelopeFrom: "ana@example.com" }).kind).toBe("normal");
  });

  it("calls a DSN a bounce even when it also carries Auto-Submitted", () => {
    const dsn = mail({
      from: "mailer-daemon@mx.acme.example",
      headers: { autoSubmitted: "auto-replied", contentType: "multipart/report", reportType: "delivery-status" },
    });
    expect(classifyMail(dsn, OWN).kind).toBe("bounce");
  });
});
