// Windows-1252 bytes 0x80–0x9F. The five bytes Windows-1252 leaves undefined keep their C1 code point (WHATWG).
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
].map((code) => String.fromCharCode(code));

const C1 = /[\u0080-\u009f]/g;

// Node 20's TextDecoder reads windows-1252 (and so iso-8859-1 and us-ascii) as Latin-1 (nodejs/node#60888),
// and senders mislabel Windows-1252 as ISO-8859-1; C1 controls have no use in mail text, so this is safe.
/** Turns C1 control characters into the Windows-1252 characters with the same byte ("\u0093" gives "“"). */
export function repairC1Controls(text: string): string {
  return text.replace(C1, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}
