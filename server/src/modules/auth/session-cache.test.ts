import { describe, expect, it } from "vitest";
import { SessionCache } from "./session-cache";

const listening = (clock: { t: number }) => {
  const cache = new SessionCache<string>(() => clock.t);
  cache.setListening(true);
  return cache;
};

describe("the sessions a process keeps in memory", () => {
  it("keeps a checked session for 30 seconds, then asks the database again", () => {
    const clock = { t: 0 };
    const cache = listening(clock);
    cache.put("h", "ana", cache.mark());
    clock.t = 29_999;
    expect(cache.get("h")).toBe("ana");
    clock.t = 30_000;
    expect(cache.get("h")).toBeUndefined();
  });

  it("keeps nothing before it listens, and forgets everything when listening ends", () => {
    const clock = { t: 0 };
    const cache = new SessionCache<string>(() => clock.t);
    cache.put("h", "ana", cache.mark());
    expect(cache.get("h")).toBeUndefined();
    cache.setListening(true);
    cache.put("h", "ana", cache.mark());
    expect(cache.get("h")).toBe("ana");
    cache.setListening(false);
    expect(cache.get("h")).toBeUndefined();
    cache.put("h", "ana", cache.mark());
    expect(cache.get("h")).toBeUndefined();
  });

  it("forgets everything on any signal, and drops what a lookup read while a signal came", () => {
    const clock = { t: 0 };
    const cache = listening(clock);
    cache.put("a", "ana", cache.mark());
    const mark = cache.mark();
    cache.heard("some-org");
    expect(cache.get("a")).toBeUndefined();
    cache.put("b", "read before the change", mark);
    expect(cache.get("b")).toBeUndefined();
    cache.put("b", "read after", cache.mark());
    expect(cache.get("b")).toBe("read after");
    cache.heard(null);
    expect(cache.get("b")).toBeUndefined();
  });

  it("keeps nothing while a change made here waits for its own signal, or five seconds if it rolled back", () => {
    const clock = { t: 0 };
    const cache = listening(clock);
    cache.pause("change:1");
    cache.put("h", "ana", cache.mark());
    expect(cache.get("h")).toBeUndefined();
    cache.heard("another change");
    cache.put("h", "ana", cache.mark());
    expect(cache.get("h")).toBeUndefined();
    cache.heard("change:1");
    cache.put("h", "ana", cache.mark());
    expect(cache.get("h")).toBe("ana");

    cache.pause("change:2");
    clock.t = 4_999;
    expect(cache.get("h")).toBeUndefined();
    clock.t = 5_000;
    cache.put("h", "ana", cache.mark());
    expect(cache.get("h")).toBe("ana");
  });
});
