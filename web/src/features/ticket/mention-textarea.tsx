import type { Mentionable } from "@frontline/common";
import { Combobox, Group, Text, Textarea, type TextareaProps, useCombobox } from "@mantine/core";
import { useMergedRef } from "@mantine/hooks";
import { type KeyboardEvent, type Ref, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { insertMention, mentionLabel, mentionQueryAt, suggestPeople } from "./mention-query";

interface MentionTextareaProps extends Omit<TextareaProps, "value" | "onChange"> {
  value: string;
  onValueChange: (value: string) => void;
  /** Who may be mentioned: active colleagues. */
  people: readonly Mentionable[];
  ref?: Ref<HTMLTextAreaElement>;
}

/**
 * A textarea where typing `@` offers colleagues by name or email; arrows choose, Enter or Tab
 * inserts `@Full Name`, Escape closes the list (a second Escape leaves the box as before).
 */
export function MentionTextarea({ value, onValueChange, people, onKeyDown, ref, ...props }: MentionTextareaProps) {
  const { t } = useTranslation();
  const own = useRef<HTMLTextAreaElement>(null);
  const merged = useMergedRef(own, ref);
  const [caret, setCaret] = useState(0);
  // The `@` whose list was closed (Escape, a click away, a choice) stays closed until another `@`.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const pendingCaret = useRef<number | null>(null);
  const idPrefix = useId();

  const mention = useMemo(() => mentionQueryAt(value, caret), [value, caret]);
  const suggestions = useMemo(
    () => (mention && mention.start !== dismissed ? suggestPeople(people, mention.query) : []),
    [people, mention, dismissed],
  );
  const opened = suggestions.length > 0;
  const current = Math.min(active, suggestions.length - 1);
  const combobox = useCombobox({
    opened,
    onOpenedChange: (next) => {
      if (!next && mention) setDismissed(mention.start);
    },
  });

  // Once the caret has left that mention, a new `@` in the same place offers the list again.
  useEffect(() => {
    if (mention === null) setDismissed(null);
  }, [mention]);

  // After an insertion the caret goes right after the name, once React has put the new text in.
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !own.current) return;
    own.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  function follow(area: HTMLTextAreaElement) {
    if (area.selectionStart !== caret) {
      setCaret(area.selectionStart);
      setActive(0);
    }
  }

  function choose(person: Mentionable) {
    if (!mention) return;
    const next = insertMention(value, mention, caret, mentionLabel(person, people));
    pendingCaret.current = next.caret;
    setDismissed(mention.start);
    setCaret(next.caret);
    onValueChange(next.text);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const chosen = suggestions[current];
    if (opened && chosen && !event.nativeEvent.isComposing) {
      const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
      if (step !== 0) {
        event.preventDefault();
        setActive((current + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        choose(chosen);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        if (mention) setDismissed(mention.start);
        return;
      }
    }
    onKeyDown?.(event);
  }

  const optionId = (i: number) => `${idPrefix}-mention-${i}`;
  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => {
        const person = suggestions.find((p) => p.id === id);
        if (person) choose(person);
      }}
      position="bottom-start"
      width={340}
      withinPortal
      shadow="md"
    >
      {/* A textarea stays a textbox for assistive technology; it points at the list and its active option. */}
      <Combobox.Target withKeyboardNavigation={false} withAriaAttributes={false}>
        <Textarea
          {...props}
          ref={merged}
          value={value}
          onChange={(event) => {
            onValueChange(event.currentTarget.value);
            follow(event.currentTarget);
          }}
          onSelect={(event) => follow(event.currentTarget)}
          onKeyDown={handleKeyDown}
          aria-autocomplete="list"
          aria-controls={opened ? (combobox.listId ?? undefined) : undefined}
          aria-activedescendant={opened ? optionId(current) : undefined}
        />
      </Combobox.Target>
      <Combobox.Dropdown data-testid="mention-suggestions">
        <Combobox.Options aria-label={t("mentions.suggestions")}>
          {suggestions.map((person, i) => (
            <Combobox.Option
              key={person.id}
              value={person.id}
              id={optionId(i)}
              selected={i === current}
              aria-selected={i === current}
              onMouseEnter={() => setActive(i)}
            >
              <Group gap={8} wrap="nowrap" justify="space-between">
                <Text size="sm" fw={500} truncate dir="auto">
                  {person.name}
                </Text>
                <Text
                  size="xs"
                  c={i === current ? undefined : "dimmed"}
                  opacity={i === current ? 0.85 : 1}
                  truncate
                  dir="ltr"
                >
                  {person.email}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
