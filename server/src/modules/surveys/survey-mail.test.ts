import { LOCALES } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { surveyMail } from "./survey-mail";

const facts = {
  customerName: 'Ana <img src=x onerror="alert(1)">',
  orgName: "Kettles & Co",
  ticketNumber: 42,
  ticketSubject: "</p><script>alert(1)</script>",
  link: "https://help.example/s/abc",
  expiresAt: new Date("2026-12-24T10:00:00Z"),
};

describe("survey mails", () => {
  it("carry the five rating links in every language, as text and as HTML", () => {
    for (const locale of LOCALES) {
      const mail = surveyMail({ ...facts, locale });
      for (const r of [1, 2, 3, 4, 5]) {
        expect(mail.text, locale).toContain(`https://help.example/s/abc?rating=${r}`);
        expect(mail.html, locale).toContain(`href="https://help.example/s/abc?rating=${r}"`);
      }
      expect(mail.subject, locale).toMatch(/ \[#42\]$/);
      expect(mail.html, locale).toContain(`lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}"`);
    }
  });

  it("escape everything people wrote in the HTML part", () => {
    const { html } = surveyMail({ ...facts, locale: "en" });
    expect(html).not.toMatch(/<script|<img|onerror="/);
    expect(html).toContain("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Ana &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("<p>Kettles &amp; Co</p>");
  });

  it("say until when the links work, in the reader's language", () => {
    expect(surveyMail({ ...facts, locale: "en" }).text).toContain("These links work until December 24, 2026.");
    expect(surveyMail({ ...facts, locale: "de" }).text).toContain(
      "Diese Links funktionieren bis zum 24. Dezember 2026.",
    );
  });
});
