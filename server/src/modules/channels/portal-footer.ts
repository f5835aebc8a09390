import type { Locale } from "@frontline/common";
import { escapeHtml } from "../../platform/html";

// One line under a reply mail pointing to the customer portal, where the customer signs in with a
// mailed link and sees this request beside their others. The link itself grants nothing.
const WORDS: Record<Locale, string> = {
  en: "See this request and your others online",
  ro: "Vedeți online această solicitare și pe celelalte ale dumneavoastră",
  de: "Diese und Ihre anderen Anfragen online ansehen",
  ru: "Этот и другие ваши запросы онлайн",
  ar: "اطّلع على هذا الطلب وطلباتك الأخرى عبر الإنترنت",
};

/** The portal's address of a ticket. */
export const portalTicketLink = (baseUrl: string, slug: string, ticketId: string): string =>
  `${baseUrl}/portal/${encodeURIComponent(slug)}/tickets/${ticketId}`;

/** The portal line of a reply mail in the customer's language, as plain text and as HTML. */
export function portalFooter(locale: Locale, link: string): { text: string; html: string } {
  const dir = locale === "ar" ? ' dir="rtl"' : "";
  return {
    text: `${WORDS[locale]}: ${link}`,
    html: `<p${dir} style="color:#666;font-size:12px"><a href="${escapeHtml(link)}">${escapeHtml(WORDS[locale])}</a></p>`,
  };
}
