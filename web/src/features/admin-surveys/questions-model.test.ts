import { surveyQuestionSchema } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { fallbackOf, newQuestion, textIn, trimmed, withKind, withText } from "./questions-model";

describe("the survey questions an admin edits", () => {
  it("keep one text per language, a single text counting as English", () => {
    expect(textIn("How did you hear of us?", "en")).toBe("How did you hear of us?");
    expect(textIn("How did you hear of us?", "de")).toBe("");
    expect(withText("How did you hear of us?", "de", "Wie haben Sie von uns gehört?")).toEqual({
      en: "How did you hear of us?",
      de: "Wie haben Sie von uns gehört?",
    });
    expect(withText({ en: "A", de: "B" }, "de", "  ")).toEqual({ en: "A" });
    expect(fallbackOf({ ro: "Cum?" })).toBe("Cum?");
    expect(fallbackOf({ ro: "Cum?", en: "How?" })).toBe("How?");
  });

  it("turn a text question into a choice with two options and back, and are sent trimmed and valid", () => {
    const q = { ...newQuestion(), label: { en: " Channel " } };
    const choice = withKind(q, "choice");
    expect(choice.kind === "choice" && choice.options).toHaveLength(2);
    expect(withKind(choice, "text")).toEqual({ id: q.id, label: q.label, kind: "text" });
    const named =
      choice.kind === "choice"
        ? { ...choice, options: choice.options.map((o, i) => ({ ...o, label: { en: ` Option ${i} ` } })) }
        : choice;
    const [sent] = trimmed([named]);
    expect(sent).toMatchObject({ label: { en: "Channel" }, options: [{ label: { en: "Option 0" } }, {}] });
    expect(surveyQuestionSchema.safeParse(sent).success).toBe(true);
    expect(newQuestion().id).not.toBe(newQuestion().id);
  });
});
