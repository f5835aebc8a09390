import { createRequire } from "node:module";
import type PDFDocument from "pdfkit";
import { visualTokens } from "./bidi";

type Doc = InstanceType<typeof PDFDocument>;

const require = createRequire(import.meta.url);

// Noto Sans draws Latin (with Romanian ș and ț) and Cyrillic; Noto Sans Arabic draws Arabic. Both
// are TrueType files shipped in npm packages, so a fresh machine needs nothing else.
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  arabic: "@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
  arabicBold: "@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
} as const;

/** Where the baseline lies below a line's top, in font sizes (Noto Sans' ascender). */
const BASELINE = 0.9;

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

export interface BoxStyle extends TextStyle {
  /** The box the line is placed in; text wider than it is cut with an ellipsis. */
  width?: number;
  align?: "start" | "end" | "center";
}

/**
 * Single lines of text in any of Frontline's languages in a pdfkit document: the right font for each
 * piece, bidirectional order, and "start"/"end" alignment that follows the writing direction.
 */
export class PdfText {
  constructor(
    private readonly doc: Doc,
    /** Right to left: lines start at the right edge of their box. */
    readonly rtl: boolean,
  ) {
    for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, require.resolve(file));
  }

  private use(arabic: boolean, style: TextStyle): void {
    const name = arabic ? (style.bold ? "arabicBold" : "arabic") : style.bold ? "bold" : "regular";
    this.doc.font(name).fontSize(style.size);
  }

  private tokens(text: string) {
    return visualTokens(text.replace(/\s+/g, " "), this.rtl ? "rtl" : "ltr");
  }

  /** How wide the line is drawn. */
  width(text: string, style: TextStyle): number {
    let w = 0;
    for (const t of this.tokens(text)) {
      this.use(t.arabic, style);
      w += this.doc.widthOfString(t.text);
    }
    return w;
  }

  /** The line, shortened with "…" (at its logical end) until it fits `max`. */
  fit(text: string, style: TextStyle, max: number): string {
    if (this.width(text, style) <= max) return text;
    const chars = Array.from(text);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.width(`${chars.slice(0, mid).join("").trimEnd()}…`, style) <= max) lo = mid;
      else hi = mid - 1;
    }
    return `${chars.slice(0, lo).join("").trimEnd()}…`;
  }

  /** The text broken at spaces into at most `maxLines` lines that fit `max` (the last one cut if need be). */
  wrap(text: string, style: TextStyle, max: number, maxLines: number): string[] {
    const lines: string[] = [];
    let current = "";
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const next = current ? `${current} ${word}` : word;
      if (current && this.width(next, style) > max && lines.length < maxLines - 1) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    if (current) lines.push(current);
    return lines;
  }

  /** Draws one line with its top at `y`, in a box from `x` of `width`, aligned as the direction says. */
  line(text: string, x: number, y: number, style: BoxStyle): number {
    const shown = style.width ? this.fit(text, style, style.width) : text;
    const w = this.width(shown, style);
    const box = style.width ?? w;
    const align = style.align ?? "start";
    const atRight = (align === "end") !== this.rtl;
    let cx = align === "center" ? x + (box - w) / 2 : atRight ? x + box - w : x;
    this.doc.fillColor(style.color ?? "#1f2933");
    for (const t of this.tokens(shown)) {
      this.use(t.arabic, style);
      // On a common baseline: the Arabic font's taller ascender would otherwise sit its words lower.
      if (t.text.trim())
        this.doc.text(t.text, cx, y + style.size * BASELINE, { lineBreak: false, baseline: "alphabetic" });
      cx += this.doc.widthOfString(t.text);
    }
    return w;
  }
}
