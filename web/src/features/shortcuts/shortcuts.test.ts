import { describe, expect, it } from "vitest";
import { createKeyMatcher, isShortcutCandidate, isTypingTarget, type KeyLike } from "./shortcuts";

function element(tagName: string, extra: Record<string, unknown> = {}) {
  return { tagName, getAttribute: (name: string) => (extra[name] as string) ?? null, closest: () => null, ...extra };
}

function press(key: string, extra: Partial<KeyLike> = {}): KeyLike {
  return { key, ctrlKey: false, metaKey: false, altKey: false, target: element("BODY"), ...extra };
}

describe("isTypingTarget", () => {
  it("is true in text fields, text areas, selects and editable content", () => {
    expect(isTypingTarget(element("INPUT", { type: "text" }))).toBe(true);
    expect(isTypingTarget(element("INPUT", { type: "email" }))).toBe(true);
    expect(isTypingTarget(element("TEXTAREA"))).toBe(true);
    expect(isTypingTarget(element("SELECT"))).toBe(true);
    expect(isTypingTarget(element("DIV", { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(element("DIV", { role: "combobox" }))).toBe(true);
  });

  it("is false on the page, buttons, links and checkboxes", () => {
    expect(isTypingTarget(element("BODY"))).toBe(false);
    expect(isTypingTarget(element("BUTTON"))).toBe(false);
    expect(isTypingTarget(element("A"))).toBe(false);
    expect(isTypingTarget(element("INPUT", { type: "checkbox" }))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("isShortcutCandidate", () => {
  it("takes plain keys and Shift (for ?) on the page", () => {
    expect(isShortcutCandidate(press("j"))).toBe(true);
    expect(isShortcutCandidate(press("?"))).toBe(true);
  });

  it("ignores typing, modifiers, held keys, handled events and dialogs", () => {
    expect(isShortcutCandidate(press("j", { target: element("TEXTAREA") }))).toBe(false);
    expect(isShortcutCandidate(press("r", { ctrlKey: true }))).toBe(false);
    expect(isShortcutCandidate(press("r", { metaKey: true }))).toBe(false);
    expect(isShortcutCandidate(press("r", { altKey: true }))).toBe(false);
    expect(isShortcutCandidate(press("j", { repeat: true }))).toBe(false);
    expect(isShortcutCandidate(press("j", { defaultPrevented: true }))).toBe(false);
    expect(isShortcutCandidate(press("Enter", { target: element("BUTTON") }))).toBe(false);
    expect(isShortcutCandidate(press("Enter", { target: element("A") }))).toBe(false);
    expect(isShortcutCandidate(press("Enter", { target: element("TR") }))).toBe(true);
    const inDialog = { ...element("BUTTON"), closest: (s: string) => (s.includes("dialog") ? {} : null) };
    expect(isShortcutCandidate(press("j", { target: inDialog }))).toBe(false);
  });
});

describe("createKeyMatcher", () => {
  const keys = ["j", "k", "Enter", "?", "r", "g i"];

  it("matches single keys at once", () => {
    const match = createKeyMatcher(keys);
    expect(match("j", 0)).toBe("j");
    expect(match("Enter", 10)).toBe("Enter");
    expect(match("?", 20)).toBe("?");
    expect(match("x", 30)).toBeNull();
  });

  it("matches a two-key sequence typed in time", () => {
    const match = createKeyMatcher(keys, 1000);
    expect(match("g", 0)).toBeNull();
    expect(match("i", 500)).toBe("g i");
  });

  it("drops a sequence that waited too long, and a wrong second key", () => {
    const match = createKeyMatcher(keys, 1000);
    expect(match("g", 0)).toBeNull();
    expect(match("i", 1500)).toBeNull();
    expect(match("g", 2000)).toBeNull();
    expect(match("j", 2100)).toBe("j");
    expect(match("i", 2200)).toBeNull();
  });

  it("starts over when the prefix is pressed twice", () => {
    const match = createKeyMatcher(keys, 1000);
    expect(match("g", 0)).toBeNull();
    expect(match("g", 100)).toBeNull();
    expect(match("i", 200)).toBe("g i");
  });
});
