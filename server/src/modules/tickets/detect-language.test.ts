import { describe, expect, it } from "vitest";
import { detectLocale } from "./detect-language";

describe("detectLocale", () => {
  it.each([
    ["The kettle stopped working after two days, I want a refund.", "en"],
    ["Coletul nu a ajuns nici azi, vă rog să verificați comanda mea.", "ro"],
    ["Die Pakete kamen beschädigt an, bitte ersetzen Sie sie.", "de"],
    ["Посылка так и не пришла, проверьте, пожалуйста, мой заказ.", "ru"],
    ["وصلت الطرود تالفة، أرجو استبدالها في أقرب وقت", "ar"],
  ])("%s → %s", (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
  });

  it("tells a long text by its opening, even with another language quoted after it", () => {
    const german = "Die Pakete kamen beschädigt an, bitte ersetzen Sie sie so bald wie möglich. ".repeat(7);
    const english = "The kettle stopped working after two days, I want a refund. ".repeat(60);
    expect(detectLocale(`${german}\n${english}`)).toBe("de");
  });

  it("says nothing about text too short to tell", () => {
    expect(detectLocale("ok thanks")).toBeNull();
  });
});
