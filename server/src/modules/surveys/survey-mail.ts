import { type Locale, RTL_LOCALES, SURVEY_RATINGS } from "@frontline/common";
import { escapeHtml } from "../../platform/html";
import { SURVEY_WORDS } from "./survey-texts";

/** What a survey mail says, all of it already one line each (names and subjects in headers too). */
export interface SurveyMailFacts {
  locale: Locale;
  customerName: string;
  orgName: string;
  ticketNumber: number;
  ticketSubject: string;
  /** The survey page; each rating's link adds `?rating=N`. */
  link: string;
  expiresAt: Date;
}

/** The survey page of a token (the token is URL-safe base64, so it needs no encoding). */
export const surveyPageLink = (baseUrl: string, token: string): string => `${baseUrl}/s/${token}`;

const ratingLink = (link: string, rating: number) => `${link}?rating=${rating}`;

function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

// One cell per rating, as big as a thumb: mail clients ignore most CSS, but tables and inline styles hold.
function ratingCells(f: SurveyMailFacts): string {
  const w = SURVEY_WORDS[f.locale];
  return SURVEY_RATINGS.map(
    (r) =>
      `<td style="padding:4px"><a href="${escapeHtml(ratingLink(f.link, r))}" ` +
      'style="display:block;min-width:64px;padding:12px 6px;border:1px solid #c9ced6;border-radius:8px;' +
      'text-align:center;text-decoration:none;color:#1a1b1e;background-color:#f8f9fa">' +
      `<span style="display:block;font-size:22px;font-weight:bold">${r}</span>` +
      `<span style="display:block;font-size:12px">${escapeHtml(w.ratings[r - 1]!)}</span></a></td>`,
  ).join("");
}

/**
 * The survey mail in the customer's language: a link per rating (opening one records it, on the
 * page, which posts it), a link to the whole survey, as plain text and as HTML (right to left in Arabic).
 */
export function surveyMail(f: SurveyMailFacts): { subject: string; text: string; html: string } {
  const w = SURVEY_WORDS[f.locale];
  const expires = w.expires(formatDate(f.expiresAt, f.locale));
  const text = [
    w.greeting(f.customerName),
    "",
    w.intro(f.ticketNumber, f.ticketSubject),
    "",
    w.oneClick,
    ...SURVEY_RATINGS.map((r) => `${r} – ${w.ratings[r - 1]}: ${ratingLink(f.link, r)}`),
    "",
    `${w.more}: ${f.link}`,
    "",
    expires,
    "",
    f.orgName,
    "",
    "--",
    w.why,
  ].join("\n");
  const dir = RTL_LOCALES.includes(f.locale) ? "rtl" : "ltr";
  const small = 'style="color:#666;font-size:12px"';
  const html = [
    `<!doctype html><html lang="${f.locale}" dir="${dir}"><head><meta charset="utf-8"></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1a1b1e">`,
    `<div dir="${dir}" style="max-width:560px">`,
    `<p>${escapeHtml(w.greeting(f.customerName))}</p>`,
    `<p>${escapeHtml(w.intro(f.ticketNumber, f.ticketSubject))}</p>`,
    `<p>${escapeHtml(w.oneClick)}</p>`,
    `<table role="presentation" dir="${dir}" cellspacing="0" cellpadding="0"><tr>${ratingCells(f)}</tr></table>`,
    `<p><a href="${escapeHtml(f.link)}">${escapeHtml(w.more)}</a></p>`,
    `<p ${small}>${escapeHtml(expires)}</p>`,
    `<p>${escapeHtml(f.orgName)}</p>`,
    `<p ${small}>${escapeHtml(w.why)}</p>`,
    "</div></body></html>",
  ].join("\n");
  return { subject: `${w.subject(f.ticketSubject)} [#${f.ticketNumber}]`, text: `${text}\n`, html };
}
