import { type Mentionable, splitMentions } from "@frontline/common";
import { Text } from "@mantine/core";
import { Fragment, useLayoutEffect, useMemo, useRef } from "react";

interface MessageBodyProps {
  text: string;
  html: string | null;
  /** Colleagues the message mentions, highlighted in a plain-text body; `meId`'s mention stands out. */
  mentions?: readonly Mentionable[];
  meId?: string | undefined;
}

/**
 * A message's body. HTML comes already sanitised by the server; links in it open in a new tab
 * without handing this page to the other site (rel), and a plain-text body keeps its line breaks.
 */
export function MessageBody({ text, html, mentions = [], meId }: MessageBodyProps) {
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
        {mentions.length > 0 ? <MentionedText text={text} mentions={mentions} meId={meId} /> : text}
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

/** Plain text with each mention as a highlighted run (as text, never as HTML). */
function MentionedText({ text, mentions, meId }: { text: string; mentions: readonly Mentionable[]; meId?: string }) {
  const segments = useMemo(() => splitMentions(text, mentions), [text, mentions]);
  // Keyed by where each run starts in the text: stable for as long as the text is.
  let at = 0;
  return segments.map((segment) => {
    const key = at;
    at += segment.text.length;
    if (!segment.id) return <Fragment key={key}>{segment.text}</Fragment>;
    return (
      // dir="auto" isolates the name: "@Alex" inside Arabic text keeps its @ in front.
      <span
        key={key}
        dir="auto"
        className={segment.id === meId ? "mention mention-me" : "mention"}
        data-mention={segment.id}
      >
        {segment.text}
      </span>
    );
  });
}
