import { describe, expect, it } from "vitest";
import { nextSort, sortRows } from "./sort-rows";

type Row = { name: string; solved: number; firstReply: number | null };
const rows: Row[] = [
  { name: "Ștefan", solved: 3, firstReply: 120 },
  { name: "ana", solved: 7, firstReply: null },
  { name: "Bogdan", solved: 3, firstReply: 60 },
];
const cell = (r: Row, c: keyof Row) => r[c];
const collator = new Intl.Collator("ro");
const names = (list: Row[]) => list.map((r) => r.name);

describe("sortRows", () => {
  it("sorts numbers either way, keeping ties in their order", () => {
    expect(names(sortRows(rows, { column: "solved", direction: "desc" }, cell, collator))).toEqual([
      "ana",
      "Ștefan",
      "Bogdan",
    ]);
    expect(names(sortRows(rows, { column: "solved", direction: "asc" }, cell, collator))).toEqual([
      "Ștefan",
      "Bogdan",
      "ana",
    ]);
  });

  it("puts what was not measured last, whichever the direction", () => {
    expect(names(sortRows(rows, { column: "firstReply", direction: "asc" }, cell, collator))).toEqual([
      "Bogdan",
      "Ștefan",
      "ana",
    ]);
    expect(names(sortRows(rows, { column: "firstReply", direction: "desc" }, cell, collator))).toEqual([
      "Ștefan",
      "Bogdan",
      "ana",
    ]);
  });

  it("compares names as the reader's language orders them", () => {
    expect(names(sortRows(rows, { column: "name", direction: "asc" }, cell, collator))).toEqual([
      "ana",
      "Bogdan",
      "Ștefan",
    ]);
    expect(rows[0]?.name).toBe("Ștefan");
  });
});

describe("nextSort", () => {
  it("flips the same column and starts another in its own first direction", () => {
    expect(nextSort({ column: "solved", direction: "desc" }, "solved", "desc")).toEqual({
      column: "solved",
      direction: "asc",
    });
    expect(nextSort({ column: "solved", direction: "desc" }, "name", "asc")).toEqual({
      column: "name",
      direction: "asc",
    });
  });
});
