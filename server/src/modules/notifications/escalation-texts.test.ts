import { LOCALES } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { type EscalationKind, type EscalationMailFacts, escalationNotice } from "./escalation-texts";

const KINDS: EscalationKind[] = [
  "escalation_requested",
  "escalation_taken",
  "escalation_resolved",
  "escalation_returned",
];

const facts = (over: Partial<EscalationMailFacts> = {}): EscalationMailFacts => ({
  kind: "escalation_requested",
  type: "agent",
  actorName: "Ana Pop",
  ticketNumber: 42,
  ticketSubject: "Colet pierdut",
  excerpt: "",
  url: null,
  reasonLabel: "عميل غاضب",
  outcome: null,
  ...over,
});

describe("escalation notice texts", () => {
  it("say the customer asked, in Arabic, without a link when Frontline's address is unknown", () => {
    expect(escalationNotice("ar", facts({ type: "customer_request", actorName: "Ioana Marin" }))).toEqual({
      subject: "صُعّدت إليك التذكرة #42: Colet pierdut",
      text: [
        "صُعّدت إليك التذكرة #42 «Colet pierdut».",
        "",
        "السبب: عميل غاضب",
        "صعّدها: العميل",
        "",
        "--",
        "وصلتك هذه الرسالة لأن تصعيدًا سُلّم إليك في Frontline.",
        "",
      ].join("\n"),
    });
  });

  it("name a rule's escalation as an automation's, not by the rule's name", () => {
    const { text } = escalationNotice("ro", facts({ type: "automatic", actorName: "rule: Legal", reasonLabel: "" }));
    expect(text.split("\n").slice(0, 3)).toEqual([
      "Tichetul #42 „Colet pierdut” a fost escaladat către tine.",
      "",
      "Cine a escaladat: o automatizare",
    ]);
  });

  it("have words of their own for every step in every language", () => {
    for (const locale of LOCALES) {
      const subjects = KINDS.map((kind) => escalationNotice(locale, facts({ kind, outcome: "no_action" })).subject);
      expect(new Set(subjects).size, locale).toBe(KINDS.length);
      for (const subject of subjects) expect(subject, locale).toContain("#42");
    }
  });
});
