import { useEffect, useRef } from "react";
import { createKeyMatcher, isShortcutCandidate } from "./shortcuts";

/** Shortcut → what it does; keys as in `createKeyMatcher` ("j", "Enter", "?", "g i"). */
export type ShortcutBindings = Record<string, () => void>;

/** Listens for the page's shortcuts on the whole document while the page is mounted. */
export function useShortcuts(bindings: ShortcutBindings): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  const keys = Object.keys(bindings).sort().join("\n");

  useEffect(() => {
    const match = createKeyMatcher(keys.split("\n"));
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutCandidate(event)) return;
      const hit = match(event.key, performance.now());
      const run = hit ? latest.current[hit] : undefined;
      if (!run) return;
      event.preventDefault();
      run();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [keys]);
}
