/** A mailbox from an address header; `address` is lower-cased, `name` is the decoded display name or "". */
export interface MailAddress {
  address: string;
  name: string;
}

/** One attachment or inline part of a mail, with a filename that is safe to store and serve. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** Content-ID without angle brackets, or null. */
  contentId: string | null;
  /** True when the HTML body shows this part through a `cid:` reference, so it need not be listed apart. */
  inline: boolean;
  content: Buffer;
}

/** A verdict of RFC 8601, lower-cased ("pass", "fail", "softfail", "neutral", "none", "temperror", ...). */
export type AuthVerdict = string;

/** One method's result from Authentication-Results, with the domain it speaks for when the header names one. */
export interface AuthCheck {
  result: AuthVerdict;
  domain: string | null;
}

/** SPF, DKIM and DMARC results as the receiving server recorded them. */
export interface AuthResults {
  /** The server that wrote the header: only a header from one's own boundary server can be trusted. */
  authservId: string;
  spf: AuthCheck | null;
  dkim: AuthCheck | null;
  dmarc: AuthCheck | null;
}

/** Headers kept for loop and bounce detection; values are trimmed, lower-cased where they are keywords. */
export interface MailFlags {
  autoSubmitted: string | null;
  precedence: string | null;
  xAutoreply: string | null;
  xAutorespond: string | null;
  xAutoResponseSuppress: string | null;
  listId: string | null;
  listPost: string | null;
  /** Return-Path as written, so that the null sender `<>` stays visible. */
  returnPath: string | null;
  /** Media type of the whole message, such as "multipart/report". */
  contentType: string;
  /** The report-type parameter of a multipart/report ("delivery-status" for a DSN), else null. */
  reportType: string | null;
}

/** Everything Frontline reads from one inbound mail. */
export interface ParsedMail {
  /** Message-ID without angle brackets; synthetic (derived from the content) when the mail has none. */
  messageId: string;
  messageIdSynthetic: boolean;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: MailAddress | null;
  replyTo: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  date: Date | null;
  /** Plain text body: the text part, or text derived from the HTML of an HTML-only mail. */
  text: string;
  /** Sanitised HTML body, or null when the mail had no HTML part. */
  html: string | null;
  attachments: MailAttachment[];
  headers: MailFlags;
  authResults: AuthResults | null;
  /** What could not be read; a message with problems is still stored, flagged. */
  problems: string[];
}
