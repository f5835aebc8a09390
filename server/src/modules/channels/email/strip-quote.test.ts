import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripQuotedReply } from "./strip-quote";

const QUOTE = "> Hello,\n>\n> your order has shipped.";

describe("stripQuotedReply finds where the history starts", () => {
  it.each([
    ["English (Gmail, Outlook.com)", "On Mon, Mar 3, 2025 at 4:15 PM Acme <support@acme.example> wrote:"],
    ["English, wrapped by Gmail", "On Mon, Mar 3, 2025 at 4:15 PM Acme Support <\nsupport@acme.example> wrote:"],
    ["Apple Mail", "On 3 Mar 2025, at 16:15, Acme Support <support@acme.example> wrote:"],
    ["Thunderbird without a date", "Acme Support wrote:"],
    ["Romanian", "În lun., 3 mar. 2025 la 16:15, Acme <support@acme.example> a scris:"],
    ["Romanian, wrapped", "Pe 03.03.2025 16:15, Acme Support a\nscris:"],
    ["German (Gmail)", "Am Mo., 3. März 2025 um 16:15 Uhr schrieb Acme Support <support@acme.example>:"],
    ["German (Thunderbird)", "Am 03.03.25 um 16:15 schrieb Acme Support:"],
    ["Russian (Apple)", "3 марта 2025 г., в 16:15, Acme <support@acme.example> написал(а):"],
    ["Russian (Thunderbird)", "03.03.2025 16:15, Acme Support пишет:"],
    ["Russian (Gmail)", "пн, 3 мар. 2025 г. в 16:15, Acme Support <support@acme.example>:"],
    [
      "Arabic (Gmail, with direction marks)",
      "\u200fفي الاثنين، 3 مارس 2025، كتب Acme <\u200fsupport@acme.example\u200f>:\u200f",
    ],
    ["French", "Le lun. 3 mars 2025 à 16:15, Acme <support@acme.example> a écrit :"],
    ["Outlook", "-----Original Message-----\nFrom: Acme"],
    ["Outlook in German", "-----Ursprüngliche Nachricht-----\nVon: Acme"],
    ["Outlook in Romanian", "-----Mesaj original-----\nDe la: Acme"],
    ["Outlook in Russian", "-----Исходное сообщение-----\nОт: Acme"],
    [
      "Outlook header block",
      "From: Acme Support <support@acme.example>\nSent: Monday, March 3, 2025 4:15 PM\nTo: Ana\nSubject: x",
    ],
    ["Outlook header block in bold", "*From:* Acme Support\n*Sent:* Monday\n*To:* Ana"],
    ["Outlook on the web", "________________________________\nFrom: Acme Support\nSent: Monday\nTo: Ana"],
    ["Outlook in German", "Von: Acme Support\nGesendet: Montag, 3. März 2025 16:15\nAn: Ana\nBetreff: x"],
    ["Outlook in Romanian", "De la: Acme Support\nTrimis: luni, 3 martie 2025 16:15\nCătre: Ana\nSubiect: x"],
    ["Outlook in Russian", "От: Acme Support\nОтправлено: 3 марта 2025 г. 16:15\nКому: Анна\nТема: x"],
    ["Outlook in Arabic", "من: Acme Support\nالتاريخ: 3 مارس 2025\nإلى: أحمد\nالموضوع: x"],
    ["a signature", "-- \nAna Popescu\n+40 721 000 111"],
    ["a signature whose trailing space was eaten", "--\nAna"],
  ])("%s", (_, history) => {
    const text = `Thanks, it works now.\n\nAna\n\n${history}\n\n${QUOTE}\n`;
    expect(stripQuotedReply(text)).toEqual({
      visible: "Thanks, it works now.\n\nAna",
      quoted: `${history}\n\n${QUOTE}`,
    });
  });

  it("removes a trailing block of quoted lines without an attribution", () => {
    expect(stripQuotedReply(`Thanks!\n\n${QUOTE}\n\n`)).toEqual({ visible: "Thanks!", quoted: QUOTE });
  });

  it("reads CRLF text", () => {
    expect(stripQuotedReply("Yes.\r\n\r\nOn Mon, 3 Mar 2025 Acme wrote:\r\n> Ok?\r\n")).toEqual({
      visible: "Yes.",
      quoted: "On Mon, 3 Mar 2025 Acme wrote:\n> Ok?",
    });
  });
});

describe("stripQuotedReply never hides what the customer wrote", () => {
  it("keeps a text without history whole", () => {
    expect(stripQuotedReply("\nHello,\n\nwhere is my order?\n\n")).toEqual({
      visible: "Hello,\n\nwhere is my order?",
      quoted: null,
    });
  });

  it("keeps quotes that are answered below them, for context", () => {
    const text = "> Which colour?\nBlue.\n> Which size?\nLarge.";
    expect(stripQuotedReply(text)).toEqual({ visible: text, quoted: null });
  });

  it("keeps everything when the answer sits below the history", () => {
    const text = "On Mon, 3 Mar 2025, Acme <support@acme.example> wrote:\n> Which colour?\n\nBlue, please.";
    expect(stripQuotedReply(text)).toEqual({ visible: text, quoted: null });
  });

  it("keeps forwarded mail, which the customer wants read", () => {
    for (const marker of [
      "---------- Forwarded message ---------",
      "Begin forwarded message:",
      "-------- Weitergeleitete Nachricht --------",
      "-------- Пересылаемое сообщение --------",
    ]) {
      const text = `See below.\n\n${marker}\nFrom: Shop <shop@example.net>\nDate: Mon, 3 Mar 2025\nSubject: Order\nTo: ana@example.com\n\nShipped.`;
      expect(stripQuotedReply(text)).toEqual({ visible: text, quoted: null });
    }
  });

  it("does not take an ordinary sentence ending in a colon for an attribution", () => {
    const text = "Here is what my colleague wrote:\nthe invoice is wrong.\n\nFrom: the accounting team\nRegards";
    expect(stripQuotedReply(text)).toEqual({ visible: text, quoted: null });
  });

  it("returns an empty reply for an empty text", () => {
    expect(stripQuotedReply("")).toEqual({ visible: "", quoted: null });
  });
});

describe("stripQuotedReply survives any input", () => {
  const piece = fc.constantFrom(
    ...["\n", "\r\n", "> ", ">", "On ", "Mon, 3 Mar 2025 ", "wrote:", "a scris:", "schrieb", "Am ", "<a@b.c>", ":"],
    ...[
      "-- ",
      "--",
      "-----Original Message-----",
      "From: x",
      "Sent: y",
      "To: z",
      "___________",
      "كتب",
      "\u200f",
      "x",
      " ",
    ],
  );

  it("never throws, and shows only input lines, in their order", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 80 }), (parts) => {
        const text = parts.join("");
        const { visible, quoted } = stripQuotedReply(text);
        const lines = text.split(/\r?\n/);
        let at = 0;
        for (const line of visible === "" ? [] : visible.split("\n")) {
          while (at < lines.length && lines[at] !== line) at++;
          expect(at).toBeLessThan(lines.length);
          at++;
        }
        expect(quoted === null || quoted.length > 0).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("returns on a megabyte of pathological text", () => {
    const mb = 1024 * 1024;
    const inputs = [
      "On ".repeat(mb / 3),
      "> ".repeat(mb / 2),
      ">\n".repeat(mb / 2),
      "On Mon wrote\n".repeat(mb / 13),
      `${" ".repeat(mb)}x`,
      "From: a\n".repeat(mb / 8),
      "-".repeat(mb),
      `a${"\u200f".repeat(mb)}:`,
      "Am x schrieb y\n".repeat(mb / 15),
    ];
    for (const input of inputs) {
      expect(typeof stripQuotedReply(input).visible).toBe("string");
    }
  });
});
