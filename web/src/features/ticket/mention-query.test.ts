import { mentionedIds } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { insertMention, mentionLabel, mentionQueryAt, suggestPeople } from "./mention-query";

const ana = { id: "1", name: "Ana Maria Pop", email: "ana@example.test" };
const bogdan = { id: "2", name: "Bogdan Ștefănescu", email: "bogdan@example.test" };
const layla = { id: "3", name: "ليلى حداد", email: "layla@example.test" };
const maria = { id: "4", name: "Maria Ionescu", email: "m.ionescu@example.test" };
const people = [ana, bogdan, layla, maria];

describe("the mention being typed", () => {
  it("is the @ before the caret and what follows it, spaces included", () => {
    expect(mentionQueryAt("Hi @", 4)).toEqual({ start: 3, query: "" });
    expect(mentionQueryAt("Hi @Ana Ma", 10)).toEqual({ start: 3, query: "Ana Ma" });
    expect(mentionQueryAt("@ليلى", 5)).toEqual({ start: 0, query: "ليلى" });
    // The caret decides, not the end of the text.
    expect(mentionQueryAt("@Ana and more", 4)).toEqual({ start: 0, query: "Ana" });
  });

  it("is nothing inside an email address, after a space right after @, across lines or far back", () => {
    expect(mentionQueryAt("mail ana@exa", 12)).toBeNull();
    expect(mentionQueryAt("@ Ana", 5)).toBeNull();
    expect(mentionQueryAt("@Ana\nMaria", 10)).toBeNull();
    expect(mentionQueryAt(`@${"x".repeat(70)}`, 71)).toBeNull();
    expect(mentionQueryAt("no mention", 10)).toBeNull();
  });
});

describe("suggestions", () => {
  it("match the start of the name, of a later word of it, or of the email, best first", () => {
    expect(suggestPeople(people, "").map((p) => p.id)).toEqual(["1", "2", "4", "3"]);
    expect(suggestPeople(people, "ma").map((p) => p.id)).toEqual(["4", "1"]);
    expect(suggestPeople(people, "ȘTEF").map((p) => p.id)).toEqual(["2"]);
    expect(suggestPeople(people, "m.ion").map((p) => p.id)).toEqual(["4"]);
    expect(suggestPeople(people, "حداد").map((p) => p.id)).toEqual(["3"]);
    expect(suggestPeople(people, "zz")).toEqual([]);
  });
});

describe("inserting a mention", () => {
  it("replaces what was typed with @Full Name (a space before a word), and puts the caret after it", () => {
    const text = "Hi @bog, call the courier";
    const mention = mentionQueryAt(text, 7)!;
    expect(insertMention(text, mention, 7, "Bogdan Ștefănescu")).toEqual({
      text: "Hi @Bogdan Ștefănescu, call the courier",
      caret: 21,
    });
    expect(insertMention("@an", { start: 0, query: "an" }, 3, "Ana Maria Pop")).toEqual({
      text: "@Ana Maria Pop ",
      caret: 15,
    });
    expect(insertMention("@annext", { start: 0, query: "an" }, 3, "Ana Maria Pop").text).toBe("@Ana Maria Pop next");
    expect(insertMention("@an next", { start: 0, query: "an" }, 3, "Ana Maria Pop").text).toBe("@Ana Maria Pop next");
  });

  it("uses the address when a colleague shares the name, so the server knows whom it means", () => {
    const twin = { id: "5", name: "ana maria pop", email: "ana2@example.test" };
    expect(mentionLabel(ana, people)).toBe("Ana Maria Pop");
    expect(mentionLabel(ana, [...people, twin])).toBe("ana@example.test");
  });

  it("produces text the server's parser reads as that mention", () => {
    for (const person of people) {
      const { text } = insertMention("Please @x", { start: 7, query: "x" }, 9, mentionLabel(person, people));
      expect(mentionedIds(`${text}look`, people)).toEqual([person.id]);
    }
  });
});
