import { WALLBOARD_SNAPSHOT_EVENT, type Wallboard, wallboardSchema } from "@frontline/common";
import { useEffect, useState } from "react";
import { ApiError } from "../../api/api-error";
import { getWallboard, wallboardStreamUrl } from "../../api/wallboard";

/** The stream as the viewer should know it: live, trying to come back, or refused for good. */
export type LinkState = "connecting" | "live" | "reconnecting" | "refused";

export interface WallboardFeed {
  board: Wallboard | null;
  /** When the board arrived, by this browser's clock: waits tick from here. */
  receivedAt: number;
  link: LinkState;
  /** Why the server refused the stream (403, 404); the page shows it. */
  error: ApiError | null;
}

// Pauses between attempts after the server ended or refused the stream; a dropped connection is
// retried by the browser itself, at the interval the server asks for.
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * The live floor over server-sent events. When the browser gives up on the stream (the server
 * answered something other than a stream), one ordinary request says why: a 401 signs the viewer
 * out as any request does, a 403 or 404 is shown, anything else is tried again after a pause.
 */
export function useWallboardStream(teamId: string | undefined): WallboardFeed {
  const [feed, setFeed] = useState<WallboardFeed>({ board: null, receivedAt: 0, link: "connecting", error: null });

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let over = false;
    const asking = new AbortController();
    setFeed({ board: null, receivedAt: 0, link: "connecting", error: null });

    const open = () => {
      source = new EventSource(wallboardStreamUrl(teamId));
      source.addEventListener(WALLBOARD_SNAPSHOT_EVENT, (e) => {
        const parsed = wallboardSchema.safeParse(parseJson((e as MessageEvent<string>).data));
        // A snapshot this page cannot read (a newer server) is skipped; the next one may do.
        if (!parsed.success) return;
        attempt = 0;
        setFeed({ board: parsed.data, receivedAt: Date.now(), link: "live", error: null });
      });
      source.onerror = () => {
        if (source?.readyState === EventSource.CONNECTING) {
          setFeed((f) => ({ ...f, link: "reconnecting" }));
          return;
        }
        source?.close();
        setFeed((f) => ({ ...f, link: "reconnecting" }));
        void askWhy();
      };
    };

    const askWhy = async () => {
      try {
        const board = await getWallboard(teamId, asking.signal);
        if (over) return;
        setFeed((f) => ({ ...f, board, receivedAt: Date.now() }));
      } catch (error) {
        if (over) return;
        if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
          setFeed((f) => ({ ...f, link: "refused", error }));
          return;
        }
      }
      retry = setTimeout(open, BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]);
    };

    open();
    return () => {
      over = true;
      asking.abort();
      clearTimeout(retry);
      source?.close();
    };
  }, [teamId]);

  return feed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
