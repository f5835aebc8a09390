import { describe, expect, it } from "vitest";
import { isKnownCharset, parseHeaderParams, scanMime } from "./mime-scan";

const scan = (lines: string[]) => scanMime(Buffer.from(lines.join("\r\n"), "latin1"));

describe("parseHeaderParams", () => {
  it("reads the value and parameters, quoted or not", () => {
    expect(parseHeaderParams('Multipart/Mixed; Boundary="a;b \\"c\\""; charset=utf-8; flag')).toEqual({
      value: "multipart/mixed",
      params: { boundary: 'a;b "c"', charset: "utf-8" },
    });
    expect(parseHeaderParams("")).toEqual({ value: "", params: {} });
  });

  it("keeps the first of two equal parameters, as the parser does", () => {
    expect(parseHeaderParams("multipart/mixed; boundary=a; boundary=b").params.boundary).toBe("a");
  });
});

describe("isKnownCharset", () => {
  it.each([
    "utf-8",
    "UTF8",
    "iso-8859-1",
    "ISO_8859-2",
    "koi8-r",
    "cp1251",
    "x-cp1250",
    "windows-1256",
    "shift_jis",
    "cp932",
  ])("knows %s", (label) => {
    expect(isKnownCharset(label)).toBe(true);
  });

  it.each(["unknown-8bit", "x-mac-klingon", "utf-7", ""])("does not know %j", (label) => {
    expect(isKnownCharset(label)).toBe(false);
  });
});

describe("scanMime", () => {
  it("sees which body types a mail has", () => {
    expect(scan(["Subject: x", "", "plain"])).toEqual({ hasPlainText: true, hasHtml: false, problems: [] });
    expect(scan(["Content-Type: text/html", "", "<p>x</p>"])).toEqual({
      hasPlainText: false,
      hasHtml: true,
      problems: [],
    });
    expect(
      scan([
        "Content-Type: multipart/mixed; boundary=b",
        "",
        "--b",
        "Content-Type: text/html",
        "",
        "<p>x</p>",
        "--b",
        "Content-Type: text/plain",
        "Content-Disposition: attachment; filename=a.txt",
        "",
        "not the body",
        "--b--",
      ]),
    ).toEqual({ hasPlainText: false, hasHtml: true, problems: [] });
  });

  it("counts the text of an inline forwarded message, but not the evidence in a report", () => {
    const forwarded = [
      "--b",
      "Content-Type: message/rfc822",
      "",
      "Subject: inner",
      "Content-Type: text/html",
      "",
      "<p>x</p>",
      "--b--",
    ];
    expect(scan(["Content-Type: multipart/mixed; boundary=b", "", ...forwarded]).hasHtml).toBe(true);
    expect(
      scan([
        "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
        "",
        "--b",
        "Content-Type: message/delivery-status",
        "",
        "Action: failed",
        ...forwarded,
      ]),
    ).toEqual({ hasPlainText: false, hasHtml: false, problems: [] });
  });

  it("names every structural problem once", () => {
    expect(
      scan([
        "Content-Type: multipart/mixed; boundary=outer",
        "",
        "--outer",
        "Content-Type: multipart/alternative; boundary=inner",
        "",
        "--inner",
        "Content-Type: text/plain; charset=x-klingon",
        "Content-Transfer-Encoding: base64",
        "",
        "SGVsbG8=",
        "QQ==",
        "--outer",
        "Content-Type: application/pdf",
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0x*",
        "--outer",
        "Content-Type: multipart/related",
        "",
        "--outer",
        "Content-Type: multipart/mixed; boundary=never",
        "",
        "text",
      ]).problems,
    ).toEqual([
      'unknown charset "x-klingon" (read as windows-1252)',
      "invalid base64 in a part of type text/plain",
      "multipart/alternative ends without its closing boundary",
      "invalid base64 in a part of type application/pdf",
      "multipart/related without a boundary",
      "multipart/mixed ends without its closing boundary",
      "multipart/mixed has no parts",
    ]);
  });

  it("accepts a boundary line with trailing white space, and base64 cut into lines", () => {
    expect(
      scan([
        "Content-Type: multipart/mixed; boundary=b",
        "",
        "--b \t",
        "Content-Transfer-Encoding: base64",
        "",
        "SGVs",
        " bG8= ",
        "--b--  ",
      ]),
    ).toEqual({ hasPlainText: true, hasHtml: false, problems: [] });
  });
});
