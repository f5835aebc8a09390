import type { Locale } from "@frontline/common";
import { escapeHtml } from "../../platform/html";

/** The footer of a reply mail: a question, then the link's words. */
interface FooterWords {
  question: string;
  action: string;
}

// Worded so that none of them is itself a phrase asking for a supervisor (defaults.ts): a footer
// quoted back in the customer's answer must not raise anything. withoutOurFooters() also cuts them.
const FOOTERS: Record<Locale, FooterWords> = {
  en: { question: "Not happy with how this is going?", action: "Ask for a supervisor" },
  ro: { question: "Nu sunteți mulțumit de cum decurge?", action: "Cereți ajutorul unui coordonator" },
  de: { question: "Nicht zufrieden mit dem Verlauf?", action: "Eine Führungskraft hinzuziehen" },
  ru: { question: "Вас не устраивает, как идёт решение?", action: "Попросить старшего специалиста" },
  ar: { question: "غير راضٍ عن سير الأمور؟", action: "اطلب تدخّل قائد الفريق" },
};

/** The one-line footer of a reply mail in the customer's language, as plain text and as HTML. */
export function supervisorFooter(locale: Locale, link: string): { text: string; html: string } {
  const w = FOOTERS[locale];
  const dir = locale === "ar" ? ' dir="rtl"' : "";
  return {
    text: `${w.question} ${w.action}: ${link}`,
    html: `<p${dir} style="color:#666;font-size:12px">${escapeHtml(w.question)} <a href="${escapeHtml(link)}">${escapeHtml(w.action)}</a></p>`,
  };
}

/** A customer's message without any of our footers they may have quoted back. */
export function withoutOurFooters(text: string): string {
  let out = text;
  for (const w of Object.values(FOOTERS)) out = out.split(w.question).join(" ").split(w.action).join(" ");
  return out;
}
