/**
 * Keyboard shortcuts as pure rules, so they can be tested without a browser: which key presses
 * count, and how two-key sequences such as "g i" are recognised.
 */

/** The parts of a DOM element the typing check reads. */
export interface TargetLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  getAttribute?(name: string): string | null;
  closest?(selector: string): unknown;
}

/** The parts of a keyboard event the matcher reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat?: boolean;
  defaultPrevented?: boolean;
  target: unknown;
}

// Inputs that take no text: a focused checkbox must not swallow j and k.
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);
const TEXT_ROLES = new Set(["textbox", "combobox", "searchbox", "listbox", "spinbutton"]);

/** True when a key press goes into something the person is typing in. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== "object") return false;
  const el = target as TargetLike;
  if (el.isContentEditable) return true;
  const tag = (el.tagName ?? "").toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((el.type ?? "text").toLowerCase());
  const role = el.getAttribute?.("role");
  return role ? TEXT_ROLES.has(role) : false;
}

/** True when a press should be looked at: no modifier (Shift is part of "?"), not typing, not in a dialog. */
export function isShortcutCandidate(event: KeyLike): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return false;
  if (isTypingTarget(event.target)) return false;
  // Enter on a focused link or button is that control's own action.
  const tag = ((event.target as TargetLike | null)?.tagName ?? "").toUpperCase();
  if (event.key === "Enter" && (tag === "A" || tag === "BUTTON" || tag === "INPUT")) return false;
  // A dialog has its own keys (Escape closes it); the page behind it must not react.
  const el = event.target as TargetLike | null;
  return !el?.closest?.('[role="dialog"]');
}

/** How long the second key of a sequence may wait. */
export const SEQUENCE_TIMEOUT_MS = 1200;

/**
 * Recognises single keys ("j", "?", "Enter") and two-key sequences ("g i") from a stream of key
 * presses. Returns a function taking the pressed key and the time, giving the matched shortcut or null.
 */
export function createKeyMatcher(shortcuts: readonly string[], timeoutMs = SEQUENCE_TIMEOUT_MS) {
  const singles = new Set(shortcuts.filter((s) => !s.includes(" ")));
  const sequences = new Set(shortcuts.filter((s) => s.includes(" ")));
  const prefixes = new Set([...sequences].map((s) => s.split(" ")[0]));
  let pending: { key: string; at: number } | null = null;

  return (key: string, now: number): string | null => {
    const previous = pending;
    pending = null;
    if (previous && now - previous.at <= timeoutMs) {
      const sequence = `${previous.key} ${key}`;
      if (sequences.has(sequence)) return sequence;
    }
    if (prefixes.has(key)) {
      pending = { key, at: now };
      return null;
    }
    return singles.has(key) ? key : null;
  };
}
