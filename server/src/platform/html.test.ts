import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { htmlToText, sanitizeHtml } from "./html";

const LINK = 'target="_blank" rel="noopener noreferrer nofollow"';

const TAGS = new Set(
  (
    "p br div span b strong i em u s strike del ins sub sup small mark abbr cite q h1 h2 h3 h4 h5 h6 blockquote pre " +
    "code hr ul ol li dl dt dd table thead tbody tfoot tr th td caption colgroup col a img font center address " +
    "figure figcaption"
  ).split(" "),
);

/** What in sanitised output a browser could run or use against the page; empty when it is safe. */
function dangers(out: string): string[] {
  const found: string[] = [];
  for (const tag of out.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [, name = "", attrs = ""] = tag;
    if (!TAGS.has(name.toLowerCase())) found.push(`tag ${name}`);
    for (const [, key = "", value = ""] of attrs.matchAll(/([^\s="/]+)(?:="([^"]*)")?/g)) {
      const k = key.toLowerCase();
      if (k.startsWith("on") || k === "id" || k === "name" || k === "srcset" || k === "formaction") found.push(k);
      if ((k === "href" || k === "src") && !/^(?:https?:\/\/|mailto:|cid:)/i.test(value)) found.push(`${k}=${value}`);
      if (k === "style" && /url|expression|behavior|binding|position|@import|\\/i.test(value)) found.push(value);
    }
  }
  // Anything the serialiser left as text must be escaped: a raw "<" followed by a letter would be a tag.
  if (/<(?![a-zA-Z/])/.test(out)) found.push("unescaped <");
  return found;
}

describe("sanitizeHtml keeps what a message needs", () => {
  it("keeps formatting, tables and links, and makes links open safely", () => {
    expect(sanitizeHtml('<p>Hi <b>Ana</b>, see <a href="https://example.com/x">this</a>.</p>')).toBe(
      `<p>Hi <b>Ana</b>, see <a href="https://example.com/x" ${LINK}>this</a>.</p>`,
    );
    expect(sanitizeHtml('<table><tr><td colspan="2">x</td></tr></table>')).toBe(
      '<table><tr><td colspan="2">x</td></tr></table>',
    );
    expect(sanitizeHtml('<a href="mailto:ana@example.com" target="_self" rel="opener">mail</a>')).toBe(
      `<a href="mailto:ana@example.com" ${LINK}>mail</a>`,
    );
  });

  it("keeps inline images by Content-ID and web images, for the caller to rewrite or block", () => {
    expect(sanitizeHtml('<img src="cid:logo@mail" alt="logo">')).toBe('<img src="cid:logo@mail" alt="logo" />');
    expect(sanitizeHtml('<img src="https://cdn.example/a.png" width="10">')).toBe(
      '<img src="https://cdn.example/a.png" width="10" />',
    );
  });

  it("keeps a small set of harmless styles and the text direction", () => {
    expect(
      sanitizeHtml(
        '<p dir="rtl" style="color:#c00;text-align:center;font-weight:bold;position:fixed;background:url(x)">ا</p>',
      ),
    ).toBe('<p dir="rtl" style="color:#c00;text-align:center;font-weight:bold">ا</p>');
    expect(sanitizeHtml('<span style="font-size:12px;background-color:rgb(1, 2, 3)">x</span>')).toBe(
      '<span style="font-size:12px;background-color:rgb(1, 2, 3)">x</span>',
    );
  });
});

describe("sanitizeHtml removes everything that could run", () => {
  it("gives exactly these results for the classics", () => {
    expect(sanitizeHtml("<p>Hello<script>alert(1)</script></p>")).toBe("<p>Hello</p>");
    expect(sanitizeHtml('<img src=x onerror="alert(1)">')).toBe("<img />");
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).toBe(`<a ${LINK}>x</a>`);
    expect(sanitizeHtml('<a href="JaVaScRiPt&colon;alert(1)">x</a>')).toBe(`<a ${LINK}>x</a>`);
    expect(sanitizeHtml('<a href="/api/v1/tickets">x</a>')).toBe(`<a ${LINK}>x</a>`);
    expect(sanitizeHtml('<svg onload="alert(1)"><text>hi</text></svg>ok')).toBe("ok");
    expect(sanitizeHtml('<iframe src="https://evil.example">inside</iframe>ok')).toBe("ok");
    expect(sanitizeHtml('<p title="</p><img src=x onerror=alert(1)>">x</p>')).toBe("<p>x</p>");
    expect(sanitizeHtml("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
    expect(sanitizeHtml('<img alt="&quot;&gt;&lt;script&gt;" src="cid:a">')).toBe(
      '<img alt="&quot;&gt;&lt;script&gt;" src="cid:a" />',
    );
    expect(sanitizeHtml('<a id="cookie" name="x" href="https://a.example">x</a>')).toBe(
      `<a href="https://a.example" ${LINK}>x</a>`,
    );
  });

  const corpus = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)//<</script>/script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(1)//",
    "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)>",
    '<img src="x:alert(alt)" onerror="eval(src)" alt="0">',
    '<img srcset="javascript:alert(1) 1x">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;vascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    "<a href=javascript&colon;alert&lpar;1&rpar;>x</a>",
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<a href="//evil.example/">x</a>',
    '<svg onload="alert(1)"><circle/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>',
    '<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width: expression(alert(1))">x</div>',
    '<div style="behavior: url(x.htc); -moz-binding: url(x.xml#x)">x</div>',
    '<a href="https://ok.example" style="position:fixed;top:0;left:0;width:100%;height:100%">cover</a>',
    '<p style="color:red;}</style><script>alert(1)</script>">x</p>',
    '<p style="color:\\72 ed">x</p>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<style>@import "https://evil.example/x.css";</style>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<form action="https://evil.example"><input name=a><button formaction="javascript:alert(1)">go</button></form>',
    '<input autofocus onfocus="alert(1)">',
    "<textarea></textarea><script>alert(1)</script>",
    "<title></title><script>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>',
    '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
    "<!--><img src=x onerror=alert(1)>-->",
    "<!-- --!><img src=x onerror=alert(1)> -->",
    "<![CDATA[><img src=x onerror=alert(1)>]]>",
    '<body onload="alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<details open ontoggle="alert(1)">',
    '<p onclick="alert(1)" onmouseover="alert(2)">hover</p>',
    '<table background="javascript:alert(1)"><tr><td background="javascript:alert(1)">x</td></tr></table>',
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    '<img src="https://ok.example/a.png"onerror="alert(1)">',
    "<template><script>alert(1)</script></template>",
    "<div>&lt;img src=x onerror=alert(1)&gt;</div>",
    '<a href="\u0001javascript:alert(1)">x</a>',
    '<a href="java\u0000script:alert(1)">x</a>',
  ];

  it.each(corpus)("%s", (payload) => {
    const out = sanitizeHtml(payload);
    expect(dangers(out)).toEqual([]);
    expect(out).not.toMatch(/javascript|vbscript|data:|expression|<script/i);
  });

  it("never throws and never lets anything executable through, whatever the input", () => {
    const piece = fc.constantFrom(
      ...[
        "<",
        ">",
        "</",
        "a",
        "img",
        "svg",
        "script",
        "style",
        "p",
        "math",
        "noscript",
        " onerror=",
        " href=",
        " src=",
      ],
      ...[' style="', "javascript:", "data:", "&#", "&colon;", '"', "'", "=", "/", "x", " ", "<!--", "-->", "\t"],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const out = sanitizeHtml(parts.join(""));
        expect(dangers(out)).toEqual([]);
        expect(out).not.toMatch(/<script/i);
      }),
      { numRuns: 500 },
    );
  });
});

describe("htmlToText gives readable text", () => {
  it("keeps paragraphs, lists and link targets", () => {
    expect(
      htmlToText(
        '<p>Hello <b>there</b></p><ul><li>one</li><li>two</li></ul><p>See <a href="https://x.example/a">docs</a></p>',
      ),
    ).toBe("Hello there\n\n * one\n * two\n\nSee docs (https://x.example/a)");
  });

  it("keeps line breaks, shows mail addresses once and a link that is its own text once", () => {
    expect(
      htmlToText(
        '<div>Line one<br>Line two</div><div>Write to <a href="mailto:a@b.example">a@b.example</a> or ' +
          '<a href="https://x.example/">https://x.example/</a></div>',
      ),
    ).toBe("Line one\nLine two\nWrite to a@b.example or https://x.example/");
  });

  it("reads layout tables row by row, numbers ordered lists, quotes blockquotes and skips images", () => {
    expect(
      htmlToText(
        '<table><tr><td>Name</td><td>Ana</td></tr><tr><td>Order</td><td>42</td></tr></table><img src="cid:x">' +
          "<ol><li>first</li><li>second</li></ol><blockquote>earlier<br>text</blockquote>",
      ),
    ).toBe("Name Ana\nOrder 42\n\n 1. first\n 2. second\n\n> earlier\n> text");
  });

  it("decodes entities and keeps right-to-left text as it is", () => {
    expect(htmlToText('<p>a &amp; b &lt;c&gt;</p><div dir="rtl">مرحبا بكم</div>')).toBe("a & b <c>\n\nمرحبا بكم");
  });

  it("says nothing for markup without text, and never throws", () => {
    expect(htmlToText("")).toBe("");
    expect(htmlToText("<script>alert(1)</script><style>p{}</style>")).toBe("");
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(typeof htmlToText(s)).toBe("string");
      }),
      { numRuns: 200 },
    );
  });
});
