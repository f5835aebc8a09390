import { Mark } from "@mantine/core";
import { Fragment } from "react";
import { splitSnippet } from "./snippet";

/**
 * A search snippet with its matches highlighted. Every run is rendered as a text node and the
 * highlights as <mark> elements made here, so the server's text is never parsed as HTML.
 */
export function SnippetText({ snippet }: { snippet: string }) {
  let offset = 0;
  return (
    <>
      {splitSnippet(snippet).map((part) => {
        const key = offset;
        offset += part.text.length;
        return part.marked ? <Mark key={key}>{part.text}</Mark> : <Fragment key={key}>{part.text}</Fragment>;
      })}
    </>
  );
}
