import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlToText, sanitizeHtml } from "./html";

describe("sanitizeHtml keeps what a message needs", () => {
  it("keeps formatting, tables and links, and makes links open safely", () => {
    expect(sanitizeHtml('<p>Hi <b>Ana</b>, see <a href="https://example.com/x">this</a>.</p>')).toBe(
      '<p>Hi <b>Ana</b>, see <a href="https://example.com/x" target="_blank" rel="noopener noreferrer nofollow">this</a>.</p>',
    );
    expect(sanitizeHtml('<table><tr><td colspan="2">x</td></tr></table>')).toBe(
      '<table><tr><td colspan="2">x</td></tr></table>',
    );
    expect(sanitizeHtml('<img src="cid:logo@mail" alt="logo">')).toBe('<img src="cid:logo@mail" alt="logo" />');
  });
});

describe("sanitizeHtml removes everything that could run", () => {
  const corpus = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<svg onload="alert(1)"><circle/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<form action="https://evil.example"><input name=a></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<body onload="alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<details open ontoggle="alert(1)">',
    '<p onclick="alert(1)" onmouseover="alert(2)">hover</p>',
  ];
  it.each(corpus)("%s", (payload) => {
    const out = sanitizeHtml(payload);
    expect(out).not.toMatch(/<\s*(script|iframe|object|embed|svg|style|form|input|meta|base|math|details|body)\b/i);
    expect(out).not.toMatch(/\son\w+\s*=/i);
    expect(out).not.toMatch(/javascript:|vbscript:|data:text|data:image\/svg/i);
  });

  it("never throws and never lets an event handler through, whatever the input", () => {
    const piece = fc.constantFrom(
      "<",
      ">",
      "a",
      "img",
      "script",
      " onerror=",
      '"',
      "'",
      "=",
      "javascript:",
      "/",
      "&#",
      "x",
      " ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const out = sanitizeHtml(parts.join(""));
        expect(out).not.toMatch(/<[^>]*\son\w+\s*=/i);
        expect(out).not.toMatch(/<script/i);
      }),
      { numRuns: 300 },
    );
  });
});

describe("htmlToText", () => {
  it("gives readable text with paragraphs, lists and link targets", () => {
    expect(
      htmlToText(
        '<p>Hello <b>there</b></p><ul><li>one</li><li>two</li></ul><p>See <a href="https://x.example/a">docs</a></p>',
      ),
    ).toBe("Hello there\n\n * one\n * two\n\nSee docs (https://x.example/a)");
  });
});
