/** A file a demo customer sends along. */
export interface DemoFile {
  name: string;
  text: string;
}

/** What one mail from a demo customer says. */
export interface DemoMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  body: string;
  messageId: string;
  /** The Message-ID of the mail it answers, so it joins that conversation as real replies do. */
  inReplyTo?: string;
  files?: DemoFile[];
}

// Encoded words and base64 bodies keep every language's letters intact whatever the parser's defaults.
const word = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString("base64")}?=`;
const base64 = (text: string) => Buffer.from(text).toString("base64").replace(/.{76}/g, "$&\r\n");

/** The raw RFC 5322 message a mail program would send, for the channels module to take in like any other. */
export function demoMail(mail: DemoMail): Buffer {
  const boundary = `demo-${mail.messageId.replace(/[^a-z0-9]/gi, "")}`;
  const head = [
    `From: ${word(mail.from.name)} <${mail.from.address}>`,
    `To: ${mail.to}`,
    `Subject: ${word(mail.subject)}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${mail.messageId}>`,
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}>`, `References: <${mail.inReplyTo}>`] : []),
    "MIME-Version: 1.0",
  ];
  const text = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", base64(mail.body)];
  if (!mail.files?.length) return Buffer.from([...head, ...text, ""].join("\r\n"));
  const parts = [
    [`--${boundary}`, ...text],
    ...mail.files.map((f) => [
      `--${boundary}`,
      `Content-Type: ${f.name.endsWith(".csv") ? "text/csv" : "text/plain"}; charset=utf-8; name="${f.name}"`,
      `Content-Disposition: attachment; filename="${f.name}"`,
      "Content-Transfer-Encoding: base64",
      "",
      base64(f.text),
    ]),
  ];
  return Buffer.from(
    [...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, "", ...parts.flat(), `--${boundary}--`, ""].join(
      "\r\n",
    ),
  );
}
