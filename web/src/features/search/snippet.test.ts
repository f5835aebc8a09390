import { describe, expect, it } from "vitest";
import { decodeEntities, splitSnippet } from "./snippet";

describe("splitSnippet", () => {
  it("marks the matched words and keeps the rest as plain text", () => {
    expect(splitSnippet("my <mark>router</mark> drops the <mark>connection</mark> every evening")).toEqual([
      { text: "my ", marked: false },
      { text: "router", marked: true },
      { text: " drops the ", marked: false },
      { text: "connection", marked: true },
      { text: " every evening", marked: false },
    ]);
  });

  it("gives back a hostile customer's markup as the text they typed", () => {
    const escaped =
      "see &lt;img src=x onerror=&quot;alert(1)&quot;&gt; and &lt;script&gt;<mark>steal</mark>()&lt;/script&gt;";
    expect(splitSnippet(escaped)).toEqual([
      { text: 'see <img src=x onerror="alert(1)"> and <script>', marked: false },
      { text: "steal", marked: true },
      { text: "()</script>", marked: false },
    ]);
  });

  it("keeps any other tag as literal text, and survives stray or unclosed marks", () => {
    expect(splitSnippet("<b>bold</b> <mark>hit")).toEqual([
      { text: "<b>bold</b> ", marked: false },
      { text: "hit", marked: true },
    ]);
    expect(splitSnippet("a</mark>b<MARK></mark>c")).toEqual([{ text: "abc", marked: false }]);
    expect(splitSnippet("")).toEqual([]);
  });

  it("does not decode twice: an escaped entity stays an entity", () => {
    expect(splitSnippet("Tom &amp;amp; Jerry &#39;s")).toEqual([{ text: "Tom &amp; Jerry 's", marked: false }]);
  });
});

describe("decodeEntities", () => {
  it("decodes the server's five and numeric references, and leaves unknown ones", () => {
    expect(decodeEntities("&lt;&gt;&amp;&quot;&#39;&#x41;&#1605;")).toBe(`<>&"'Aم`);
    expect(decodeEntities("&nbsp; &#0; &#xFFFFFFF; & alone")).toBe("&nbsp; &#0; &#xFFFFFFF; & alone");
  });
});
