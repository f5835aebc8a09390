import { Kbd, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useNavigate, useRouterState } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useShortcuts } from "../shortcuts/use-shortcuts";
import { MAX_QUERY_LENGTH } from "./search-params";

/** The header's search box: "/" jumps into it from anywhere, Enter opens the results page. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  // On the results page the box shows the words searched for, even after a reload or a shared link.
  const searched = useRouterState({
    select: (state) => (state.location.pathname === "/search" ? (state.location.search.q ?? "") : null),
  });
  const [value, setValue] = useState(searched ?? "");
  useEffect(() => {
    if (searched !== null) setValue(searched);
  }, [searched]);

  useShortcuts({
    "/": () => {
      input.current?.focus();
      input.current?.select();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = value.trim();
    if (!q) return;
    // A new search from the results page keeps its filters; from anywhere else it starts plain.
    void navigate({ to: "/search", search: (prev) => (searched !== null ? { ...prev, q } : { q }) });
  }

  return (
    <search style={{ flex: 1, maxWidth: 440, minWidth: 0 }}>
      <form onSubmit={submit}>
        <TextInput
          ref={input}
          type="search"
          aria-label={t("search.label")}
          placeholder={t("search.placeholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            value ? null : (
              <Kbd size="xs" aria-hidden>
                /
              </Kbd>
            )
          }
          rightSectionPointerEvents="none"
          value={value}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") e.currentTarget.blur();
          }}
          aria-keyshortcuts="/"
        />
      </form>
    </search>
  );
}
