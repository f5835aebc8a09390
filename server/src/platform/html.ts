import { convert, type FormatCallback, type HtmlToTextOptions } from "html-to-text";
import sanitize from "sanitize-html";

const ALLOWED_TAGS = [
  ...["p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup", "small"],
  ...["mark", "abbr", "cite", "q", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "hr"],
  ...["ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"],
  ...["colgroup", "col", "a", "img", "font", "center", "address", "figure", "figcaption"],
];

const CELL_ATTRIBUTES = ["colspan", "rowspan", "align", "valign", "width", "bgcolor"];

// A colour, a length or a keyword: nothing that can name a URL, call expression() or break out of the value.
const COLOUR = [/^#[0-9a-f]{3,8}$/i, /^rgba?\([\d.%\s,/]{1,40}\)$/i, /^[a-z]{3,20}$/i];
const LENGTH = [/^\d{1,4}(?:\.\d{1,3})?(?:px|pt|em|rem|%)?$/i];
const SAFE_STYLES: Record<string, RegExp[]> = {
  color: COLOUR,
  "background-color": COLOUR,
  "text-align": [/^(?:left|right|center|justify|start|end)$/i],
  "font-weight": [/^(?:normal|bold|bolder|lighter|[1-9]00)$/i],
  "font-style": [/^(?:normal|italic|oblique)$/i],
  "text-decoration": [/^(?:none|underline|line-through|overline)$/i],
  "font-size": LENGTH,
  direction: [/^(?:ltr|rtl)$/i],
};

// Schemes are checked here by allowlist, before sanitize-html's own deny checks, so that
// relative URLs (meaningless in a mail, and pointing into our own origin) go too.
const LINK_URL = /^(?:https?:\/\/|mailto:)/i;
const IMAGE_URL = /^(?:https?:\/\/|cid:)/i;

function keepUrl(attribs: sanitize.Attributes, name: string, allowed: RegExp): sanitize.Attributes {
  const kept: sanitize.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) {
    if (key !== name) kept[key] = value;
    else if (allowed.test(value.trim())) kept[key] = value.trim();
  }
  return kept;
}

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    // target and rel are always overwritten below, whatever the mail said.
    a: ["href", "title", "target", "rel"],
    img: ["src", "alt", "title", "width", "height"],
    td: CELL_ATTRIBUTES,
    th: CELL_ATTRIBUTES,
    table: ["width", "align", "border", "cellpadding", "cellspacing", "bgcolor"],
    col: ["span", "width"],
    ol: ["start", "type"],
    font: ["color", "size", "face"],
    "*": ["dir", "lang", "align", "style"],
  },
  allowedStyles: { "*": SAFE_STYLES },
  allowedSchemes: ["http", "https", "mailto"],
  // `cid:` names an inline image of the same mail; the caller rewrites it to a download URL.
  allowedSchemesByTag: { img: ["http", "https", "cid"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  // Drop the content of these too, not only the tags: a script's text is not a message.
  nonTextTags: [
    ...["script", "style", "textarea", "option", "noscript", "title", "head", "template", "iframe", "object"],
    ...["xmp", "noembed", "noframes", "plaintext", "svg", "math"],
  ],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...keepUrl(attribs, "href", LINK_URL), target: "_blank", rel: "noopener noreferrer nofollow" },
    }),
    img: (tagName, attribs) => ({ tagName, attribs: keepUrl(attribs, "src", IMAGE_URL) }),
  },
};

/** Sanitises HTML from mail or the editor: safe tags, attributes and styles only; links to http(s)/mailto. */
export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS).trim();
}

// A table cell is followed by a space so that "Name</td><td>Ana" reads "Name Ana".
const tableCell: FormatCallback = (elem, walk, builder) => {
  walk(elem.children, builder);
  builder.addInline(" ");
};

const TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  formatters: { tableCell },
  selectors: [
    { selector: "a", options: { hideLinkHrefIfSameAsText: true, linkBrackets: ["(", ")"] } },
    // A mail address is its own text, and an inline image's link means nothing to a reader.
    { selector: "a[href^='mailto:']", format: "inline" },
    { selector: "a[href^='cid:']", format: "inline" },
    { selector: "img", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    // Mail uses tables for layout: one line per row reads better than an aligned grid.
    { selector: "table", format: "block" },
    { selector: "tr", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "td", format: "tableCell" },
    { selector: "th", format: "tableCell" },
  ],
};

/** Readable plain text of HTML (paragraphs, line breaks, list items, links as "text (url)") for search and previews. */
export function htmlToText(html: string): string {
  return convert(html, TEXT_OPTIONS)
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Text made safe to place in HTML, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
