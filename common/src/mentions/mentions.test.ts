import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findMentions, isMentionStart, type Mentionable, mentionedIds, splitMentions } from "./mentions";

const ana = { id: "ana", name: "Ana Maria", email: "ana@example.test" };
const anaPop = { id: "ana-pop", name: "Ana Maria Pop", email: "ana.pop@example.test" };
const stefan = { id: "stefan", name: "Ștefan Bălan", email: "stefan@example.test" };
const irina = { id: "irina", name: "Ирина Волкова", email: "irina@example.test" };
const layla = { id: "layla", name: "ليلى حداد", email: "layla@example.test" };
const people: Mentionable[] = [ana, anaPop, stefan, irina, layla];

const ids = (text: string, who: readonly Mentionable[] = people) => mentionedIds(text, who);

describe("mentions are found", () => {
  it("by full name, case-insensitively, with the span from @ to the name's end", () => {
    expect(findMentions("Hi @ana maria, look", people)).toEqual([{ id: "ana", start: 3, end: 13 }]);
    expect(ids("@ANA MARIA please")).toEqual(["ana"]);
  });

  it("choosing the longest of overlapping names", () => {
    expect(ids("@Ana Maria Pop can you check")).toEqual(["ana-pop"]);
    expect(ids("@Ana Maria Popescu called")).toEqual(["ana"]);
    expect(ids("@Ana Maria and @Ana Maria Pop")).toEqual(["ana", "ana-pop"]);
  });

  it("with diacritics, Cyrillic and Arabic names", () => {
    expect(ids("@Ștefan Bălan vezi te rog")).toEqual(["stefan"]);
    expect(ids("@ștefan bălan")).toEqual(["stefan"]);
    expect(ids("Коллеги, @Ирина Волкова посмотрите")).toEqual(["irina"]);
    expect(ids("@ирина волкова")).toEqual(["irina"]);
    expect(ids("يرجى من @ليلى حداد المتابعة")).toEqual(["layla"]);
  });

  it("whatever the Unicode form the name was typed in (NFD comma-below, NFC stored)", () => {
    const decomposed = "@S\u0326tefan Ba\u0306lan".normalize("NFD");
    expect(ids(decomposed)).toEqual(["stefan"]);
  });

  it("by email address", () => {
    expect(ids("cc @ana.pop@example.test for the refund")).toEqual(["ana-pop"]);
    expect(ids("@IRINA@EXAMPLE.TEST")).toEqual(["irina"]);
  });

  it("followed by punctuation", () => {
    for (const after of [",", ".", "!", "?", ":", ";", ")", "'s", "’", "…", "\n", "،", "؟"]) {
      expect(ids(`(@Ana Maria${after} more`), after).toEqual(["ana"]);
    }
    expect(ids("ask @ana@example.test.")).toEqual(["ana"]);
  });

  it("after an opening bracket, quote or line start, and each person once in order", () => {
    expect(ids('"@Ștefan Bălan" and\n@Ana Maria, then @Ștefan Bălan again')).toEqual(["stefan", "ana"]);
  });

  it("with names whose spacing differs from the directory's", () => {
    expect(ids("@Ana Maria", [{ id: "x", name: "  Ana   Maria " }])).toEqual(["x"]);
    expect(ids("@Ana\u00a0Maria")).toEqual(["ana"]);
  });
});

describe("mentions are not found", () => {
  it("for an @ inside an email address in the text", () => {
    expect(ids("write to contact@Ana Maria.test")).toEqual([]);
    expect(ids("mail ana.maria@example.test and x_y@Ana Maria")).toEqual([]);
    expect(isMentionStart("a@b", 1)).toBe(false);
    expect(isMentionStart("a @b", 2)).toBe(true);
  });

  it("when the name goes on as a longer word, hyphenated name or address", () => {
    expect(ids("@Ana Mariana")).toEqual([]);
    expect(ids("@Ana Maria-Luisa")).toEqual([]);
    expect(ids("@ana@example.test.au")).toEqual([]);
    expect(ids("@ana@example.tester")).toEqual([]);
  });

  it("for a bare @, a space after it, unknown names, or a name two people share", () => {
    expect(ids("@ Ana Maria @ @@ @")).toEqual([]);
    expect(ids("@Nobody Here")).toEqual([]);
    const twins = [
      { id: "1", name: "Ion Pop", email: "ion1@example.test" },
      { id: "2", name: "Ion Pop", email: "ion2@example.test" },
    ];
    expect(ids("@Ion Pop", twins)).toEqual([]);
    expect(ids("@ion2@example.test", twins)).toEqual(["2"]);
  });

  it("with nobody to mention", () => {
    expect(findMentions("@Ana Maria", [])).toEqual([]);
  });
});

describe("text splits into runs for highlighting", () => {
  it("keeps every character, marking the mentions", () => {
    expect(splitMentions("Hi @Ana Maria Pop, and @ليلى حداد.", people)).toEqual([
      { text: "Hi " },
      { text: "@Ana Maria Pop", id: "ana-pop" },
      { text: ", and " },
      { text: "@ليلى حداد", id: "layla" },
      { text: "." },
    ]);
    expect(splitMentions("", people)).toEqual([{ text: "" }]);
    expect(splitMentions("@Ana Maria", people)).toEqual([{ text: "@Ana Maria", id: "ana" }]);
  });

  it("never loses or reorders text, whatever it holds", () => {
    const alphabet = fc.constantFrom("@", " ", "a", "A", "n", "M", "r", "i", ".", "-", "Ș", "ă", "л", "\n");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const text = chars.join("").normalize("NFC");
        expect(
          splitMentions(text, people)
            .map((s) => s.text)
            .join(""),
        ).toBe(text);
      }),
    );
  });

  it("stays linear on hostile input (many @ and near-miss names)", () => {
    const many = [...Array(2000)].map((_, i) => ({ id: String(i), name: `Ana Maria ${i}` }));
    const text = "@Ana Maria ".repeat(20_000);
    const started = Date.now();
    expect(mentionedIds(text, many)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
