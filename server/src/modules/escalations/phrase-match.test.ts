import { foldWord, withoutQuotedHistory } from "@frontline/common";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_PHRASES } from "./defaults";
import { PhraseMatcher } from "./phrase-match";

const matcherFor = (locale: keyof typeof DEFAULT_PHRASES) => new PhraseMatcher(DEFAULT_PHRASES[locale]);

describe("the default phrases find a customer asking for a supervisor", () => {
  it.each([
    ["en", "This is the third time. I want to SPEAK TO A MANAGER now!", "speak to a manager"],
    ["en", "Please put me through to your supervisor.", "your supervisor"],
    ["ro", "Vreau să vorbesc cu supervizorul dumneavoastră.", "supervizor*"],
    ["ro", "Dați-mi-l la telefon pe seful vostru.", "șeful"],
    ["ro", "Vreau un manager, nu un robot.", "manager"],
    ["de", "Ich möchte sofort mit Ihrem Vorgesetzten sprechen.", "Vorgesetzten"],
    ["de", "Bitte leiten Sie das an Ihre Vorgesetzte weiter.", "Vorgesetzte"],
    ["ru", "Позовите, пожалуйста, руководителя отдела.", "руководител*"],
    ["ru", "Я требую начальника смены.", "начальник*"],
    ["ar", "أريد التحدث إلى المشرف فورًا", "*مشرف*"],
    ["ar", "أريد التحدث مع المدير الآن", "*لمدير"],
    ["ar", "أرجو تحويلي للمدير", "*لمدير"],
  ] as const)("%s: %s", (locale, text, phrase) => {
    expect(matcherFor(locale).find(text)?.phrase).toBe(phrase);
  });

  it("keeps the customer's words around the phrase as the excerpt", () => {
    const text = `${"a ".repeat(60)}I want to speak to a manager about order 7781 ${"b ".repeat(60)}`;
    const found = matcherFor("en").find(text);
    expect(found?.excerpt).toMatch(/^… ?(a )+I want to speak to a manager about order 7781( b)+…$/);
  });

  it("folds case, accents, the Romanian cedilla and Arabic hamza forms", () => {
    expect(foldWord("ȘEFUL")).toBe("seful");
    expect(foldWord("şeful")).toBe("seful");
    expect(foldWord("Geschäftsführung")).toBe("geschaftsfuhrung");
    expect(foldWord("أإآ")).toBe("ااا");
    expect(foldWord("مـشـرف")).toBe("مشرف");
    expect(matcherFor("de").find("Wo ist die GESCHAFTSFUHRUNG?")?.phrase).toBe("Geschäftsführ*");
  });
});

describe("the phrases do not fire on what is not a request", () => {
  it("needs whole words: a title inside a longer word is not a match", () => {
    expect(matcherFor("ro").find("Problema este una manageriala, nu tehnică.")).toBeNull();
    expect(matcherFor("en").find("Your managerial staff were lovely.")).toBeNull();
    expect(matcherFor("de").find("Die Vorgesetztenrolle interessiert mich nicht.")).toBeNull();
    expect(matcherFor("en").find("I am the IT manager of our company.")).toBeNull();
  });

  it("ignores quoted history: quoted lines and everything after a reply's attribution", () => {
    const quoted = "Thanks, that solved it.\n\n> I want to speak to a manager\n> right now";
    expect(matcherFor("en").find(quoted)).toBeNull();
    const attributed = [
      "Danke, jetzt geht es.",
      "",
      "Am 3. Juni 2025 um 10:02 schrieb Support <support@example.com>:",
      "Sie wollten mit Ihrem Vorgesetzten sprechen?",
    ].join("\n");
    expect(matcherFor("de").find(attributed)).toBeNull();
    const outlook = "Mulțumesc.\n-----Mesajul original-----\nVreau să vorbesc cu supervizorul.";
    expect(matcherFor("ro").find(outlook)).toBeNull();
    expect(withoutQuotedHistory("new words\n> old words\nmore new words")).toBe("new words\nmore new words");
    // The same words written now still count.
    expect(matcherFor("en").find("> earlier\nNow I want to speak to a manager.")?.phrase).toBe("speak to a manager");
  });

  it("takes no phrase from an empty or starred-only list entry", () => {
    expect(new PhraseMatcher(["*", "  ", "**"]).find("anything at all * here")).toBeNull();
  });
});

describe("the matcher agrees with a plain reference and stays linear", () => {
  const word = fc.constantFrom("a", "b", "speak", "to", "manager", "Manager", "your");
  it("finds an exact phrase exactly when its words stand together in the text", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { minLength: 1, maxLength: 3 }), (text, phrase) => {
        const folded = text.map((w) => w.toLowerCase());
        const reference = ` ${folded.join(" ")} `.includes(` ${phrase.map((w) => w.toLowerCase()).join(" ")} `);
        expect(new PhraseMatcher([phrase.join(" ")]).find(text.join(" ")) !== null).toBe(reference);
      }),
      { numRuns: 500 },
    );
  });

  it("reads a megabyte built to make a backtracking matcher struggle", () => {
    const phrases = ["a a a a a a a b", "*a", "a*", "*aaaa*x"];
    const text = `${"a ".repeat(500_000)}`;
    const matcher = new PhraseMatcher(phrases);
    expect(matcher.find(text)?.phrase).toBe("*a");
    expect(new PhraseMatcher(["a a a a a a a b", "*aaaa*x"]).find(text)).toBeNull();
  });
});
