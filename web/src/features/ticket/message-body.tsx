import { Text } from "@mantine/core";
import { useLayoutEffect, useRef } from "react";

/**
 * A message's body. HTML comes already sanitised by the server; links in it open in a new tab
 * without handing this page to the other site (rel), and a plain-text body keeps its line breaks.
 */
export function MessageBody({ text, html }: { text: string; html: string | null }) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!html) return;
    for (const link of ref.current?.querySelectorAll("a") ?? []) {
      link.rel = "noopener noreferrer nofollow";
      link.target = "_blank";
    }
  }, [html]);

  if (!html) {
    return (
      <Text size="sm" dir="auto" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {text}
      </Text>
    );
  }
  return (
    <div
      ref={ref}
      className="message-html"
      dir="auto"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is sanitised by the server (sanitize-html) before it is stored.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
