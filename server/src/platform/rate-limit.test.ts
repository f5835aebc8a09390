import { describe, expect, it } from "vitest";
import { InFlight } from "./rate-limit";

describe("requests in flight per organisation", () => {
  it("never holds back an organisation alone on the node", () => {
    const f = new InFlight(2);
    for (let i = 0; i < 50; i++) expect(f.enter("a")).toBe(true);
  });

  it("holds one at its floor or twice the others' average, whichever is more, while others are busy", () => {
    const f = new InFlight(4);
    for (let i = 0; i < 3; i++) f.enter("b");
    f.enter("c");
    // The others average 2 in flight: the floor of 4 is more.
    const taken = [];
    for (let i = 0; i < 10; i++) taken.push(f.enter("a"));
    expect(taken.filter(Boolean)).toHaveLength(4);
    expect(f.isFull("a")).toBe(true);
    // More of the others in flight raise the share: 2 × (3 + 6) / 2 = 9.
    for (let i = 0; i < 5; i++) expect(f.enter("c")).toBe(true);
    const more = [];
    for (let i = 0; i < 10; i++) more.push(f.enter("a"));
    expect(more.filter(Boolean)).toHaveLength(5);
    // Answers finishing give places back.
    f.leave("a");
    expect(f.enter("a")).toBe(true);
    expect(f.enter("a")).toBe(false);
    for (let i = 0; i < 3; i++) f.leave("b");
    for (let i = 0; i < 6; i++) f.leave("c");
    expect(f.enter("a")).toBe(true);
  });
});
