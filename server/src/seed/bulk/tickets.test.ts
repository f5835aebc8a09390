import { describe, expect, it } from "vitest";
import type { Customers } from "./customers";
import { Rng } from "./random";
import { TicketTables } from "./rows";
import { DAY, HOUR } from "./season";
import type { OrgStaff, Person } from "./staff";
import { Writer } from "./text";
import { makeTicket } from "./tickets";

// One organisation's tickets made straight into rows, at ages from seconds to two years.

const NOW = Date.parse("2026-03-01T10:00:00Z");
const person = (n: number): Person => ({
  id: `00000000-0000-7000-8000-00000000000${n}`,
  email: `p${n}@x.test`,
  first: "Ana",
  language: "ro",
});
const team = {
  id: "00000000-0000-7000-8000-0000000000a1",
  area: 0,
  agents: [person(1), person(2)],
  supervisor: person(3),
};
const staff: OrgStaff = {
  orgId: "00000000-0000-7000-8000-0000000000f1",
  admin: "admin@x.test",
  manager: person(4),
  supervisors: [person(3)],
  agents: [person(1), person(2)],
  teams: [[team]],
  policies: { urgent: "00000000-0000-7000-8000-0000000000b1", standard: "00000000-0000-7000-8000-0000000000b2" },
};
const customers: Customers = {
  ids: ["00000000-0000-7000-8000-0000000000c1", "00000000-0000-7000-8000-0000000000c2"],
  first: ["Ion", "Lena"],
  language: new Uint8Array([1, 2]),
};

/** Every timestamp column of every row, as milliseconds. */
function times(out: TicketTables): number[] {
  const all: number[] = [];
  for (const table of out.all()) {
    for (const line of table.lines) {
      for (const value of line.split("\t")) if (/^\d{4}-\d\d-\d\dT/.test(value)) all.push(Date.parse(value));
    }
  }
  return all;
}

describe("a generated ticket", () => {
  it("has valid times up to now at any age, a ticket of the last seconds included", () => {
    const rng = new Rng(3, 1);
    const out = new TicketTables();
    const ctx = { rng, orgId: staff.orgId, staff, customers, writer: new Writer(rng, () => {}), now: NOW, out };
    const ages = [5_000, 50_000, 30 * 60_000, 5 * HOUR, 2 * DAY, 10 * DAY, 60 * DAY, 700 * DAY];
    let number = 0;
    for (const age of ages) for (let i = 0; i < 50; i++) makeTicket(ctx, ++number, NOW - age, null);
    expect(out.count).toBe(ages.length * 50);
    const all = times(out);
    expect(all.length).toBeGreaterThan(out.count * 5);
    // Only what lies ahead by design is after now: survey links expiring, SLA targets falling due.
    const happened = all.filter((t) => t <= NOW + 31 * DAY);
    expect(happened).toHaveLength(all.length);
    expect(all.every(Number.isFinite)).toBe(true);
    const messageTimes = out.messages.lines.map((l) => Date.parse(l.split("\t").at(-1)!));
    expect(messageTimes.every((t) => t <= NOW)).toBe(true);
  });

  it("is open or new when recent and solved or closed when old", () => {
    const rng = new Rng(4, 1);
    const out = new TicketTables();
    const ctx = { rng, orgId: staff.orgId, staff, customers, writer: new Writer(rng, () => {}), now: NOW, out };
    for (let i = 0; i < 100; i++) makeTicket(ctx, i + 1, NOW - 10 * 60_000, null);
    for (let i = 0; i < 100; i++) makeTicket(ctx, i + 101, NOW - 400 * DAY, null);
    const statuses = out.tickets.lines.map((l) => l.split("\t")[4]!);
    expect(new Set(statuses.slice(0, 100))).toEqual(new Set(["new", "open"]));
    expect(new Set(statuses.slice(100))).toEqual(new Set(["solved", "closed"]));
  });
});
