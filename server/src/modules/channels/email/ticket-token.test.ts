import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findTicketToken, formatTicketToken, normaliseSubject } from "./ticket-token";

describe("ticket tokens in subjects", () => {
  it("formats and finds a token", () => {
    expect(formatTicketToken(1234)).toBe("[#1234]");
    expect(findTicketToken("Re: [#1234] Where is my order?")).toBe(1234);
    expect(findTicketToken(`AW: ${formatTicketToken(987654321)} Lieferung`)).toBe(987654321);
  });

  it("takes the first token when a subject carries two", () => {
    expect(findTicketToken("[#12] Fwd: [#34] old")).toBe(12);
  });

  it("finds nothing where there is no well-formed token", () => {
    for (const subject of [
      "",
      "Order #1234",
      "[# 12]",
      "[#]",
      "[#0]",
      "[#-4]",
      "[#12",
      `[#${"9".repeat(20)}]`,
      "[#1e3]",
    ]) {
      expect(findTicketToken(subject)).toBeNull();
    }
  });

  it("refuses to format a number that is not a positive integer", () => {
    for (const n of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => formatTicketToken(n)).toThrow(RangeError);
    }
  });

  it("finds every token it formats", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.string(), (n, rest) => {
        expect(findTicketToken(`Re: ${formatTicketToken(n)} ${rest}`)).toBe(n);
      }),
    );
  });
});

describe("normaliseSubject", () => {
  it.each([
    ["Re: Hello", "Hello"],
    ["RE: AW: Fwd: WG: FW: Hello", "Hello"],
    ["Re:Re:Re: Hello", "Hello"],
    ["Re[2]: Hello", "Hello"],
    ["Re(3) : Hello", "Hello"],
    ["Fwd : Hello", "Hello"],
    ["Ответ: Отв: Пересл: Заказ", "Заказ"],
    ["Răspuns: Redirecționare: Comanda", "Comanda"],
    ["رد: إعادة توجيه: الطلب", "الطلب"],
    ["SV: VS: TR: RV: Odp: Hello", "Hello"],
    ["Re：Hello", "Hello"],
    ["  Re:   my    order  ", "my order"],
    ["Re: [#4471] My order", "[#4471] My order"],
    ["Réservation: table for two", "Réservation: table for two"],
    ["Regarding: invoice", "Regarding: invoice"],
    ["Order: 42", "Order: 42"],
    ["Re: ", ""],
  ])("%s", (subject, expected) => {
    expect(normaliseSubject(subject)).toBe(expected);
  });

  it("returns on hostile input and is idempotent", () => {
    expect(normaliseSubject(`Re${" ".repeat(200_000)}x`)).toBe(`Re x`);
    expect(normaliseSubject(`${"Re: ".repeat(50_000)}x`)).toBe("x");
    const piece = fc.constantFrom("Re", "AW", "Fwd", ":", "：", " ", "[2]", "(3)", "x", "رد", "\t");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const once = normaliseSubject(parts.join(""));
        expect(normaliseSubject(once)).toBe(once);
      }),
    );
  });
});
