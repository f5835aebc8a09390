// Reads a server-sent event stream the way a browser's EventSource does, for tests.

type ReadResult = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]>>;

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

/** What the stream gave next: an event, a comment (heartbeat), or its end. */
export type SseItem = { kind: "event"; value: SseEvent } | { kind: "comment"; text: string } | { kind: "end" };

/** Takes a stream's items one at a time, waiting for each with a time limit. */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private readonly items: SseItem[] = [];
  private ended = false;
  private inflight: Promise<ReadResult> | null = null;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next item, or null when none came within `ms`. */
  async next(ms = 5_000): Promise<SseItem | null> {
    const deadline = Date.now() + ms;
    while (this.items.length === 0 && !this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      // A read that outlasts one call's wait is kept for the next call, so no chunk is lost.
      this.inflight ??= this.reader.read();
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.inflight,
        new Promise<"timeout">((resolve) => {
          timer = setTimeout(() => resolve("timeout"), left);
        }),
      ]);
      clearTimeout(timer);
      if (chunk === "timeout") return null;
      this.inflight = null;
      this.take(chunk);
    }
    return this.items.shift() ?? { kind: "end" };
  }

  /** The next event, skipping comments; throws when the stream ends or nothing comes in time. */
  async event(ms = 5_000): Promise<SseEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const item = await this.next(deadline - Date.now());
      if (!item) throw new Error(`no event within ${ms} ms`);
      if (item.kind === "end") throw new Error("the stream ended");
      if (item.kind === "event") return item.value;
    }
  }

  /** Stops reading, as a browser leaving the page does. */
  async cancel(): Promise<void> {
    await this.reader.cancel();
  }

  private take(chunk: ReadResult): void {
    if (chunk.done) {
      this.ended = true;
      return;
    }
    this.buffer += this.decoder.decode(chunk.value, { stream: true });
    let at = this.buffer.indexOf("\n\n");
    while (at >= 0) {
      const block = this.buffer.slice(0, at);
      this.buffer = this.buffer.slice(at + 2);
      this.items.push(parseBlock(block));
      at = this.buffer.indexOf("\n\n");
    }
  }
}

function parseBlock(block: string): SseItem {
  const lines = block.split("\n");
  if (lines.every((l) => l.startsWith(":"))) return { kind: "comment", text: lines.join("\n").slice(1).trim() };
  const e: SseEvent = { event: "message", data: "" };
  const data: string[] = [];
  for (const line of lines) {
    const [field, ...rest] = line.split(":");
    const value = rest.join(":").replace(/^ /, "");
    if (field === "event") e.event = value;
    else if (field === "data") data.push(value);
    else if (field === "id") e.id = value;
    else if (field === "retry") e.retry = Number(value);
  }
  e.data = data.join("\n");
  return { kind: "event", value: e };
}
