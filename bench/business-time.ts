/**
 * Business-time arithmetic against plain Date arithmetic, on calendars like the ones supervisors set up.
 * Run: npx tsx bench/business-time.ts
 */
import {
  addBusinessMinutes,
  type BusinessCalendarSpec,
  businessMinutesBetween,
  type OpeningInterval,
  type Weekday,
} from "@frontline/common";

const WORK_WEEK: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
const hours = (days: Weekday[], ...spans: [string, string][]): OpeningInterval[] =>
  days.flatMap((day) => spans.map(([open, close]) => ({ day, open, close })));

const romanianHolidays = [
  ...["01-01", "01-02", "01-06", "01-07", "01-24", "04-10", "04-12", "04-13", "05-01", "05-31", "06-01"],
  ...["08-15", "11-30", "12-01", "12-25", "12-26"],
];
const CALENDARS: [string, BusinessCalendarSpec][] = [
  [
    "Bucharest Mon–Fri 09–17, 2026–27 holidays",
    {
      timeZone: "Europe/Bucharest",
      hours: hours(WORK_WEEK, ["09:00", "17:00"]),
      closedDates: ["2026", "2027"].flatMap((y) => romanianHolidays.map((d) => `${y}-${d}`)),
    },
  ],
  [
    "Berlin split shift 08–12, 13–17",
    {
      timeZone: "Europe/Berlin",
      hours: hours(WORK_WEEK, ["08:00", "12:00"], ["13:00", "17:00"]),
      closedDates: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03"],
    },
  ],
  [
    "Riyadh Sun–Thu 08–16",
    { timeZone: "Asia/Riyadh", hours: hours(["sun", "mon", "tue", "wed", "thu"], ["08:00", "16:00"]), closedDates: [] },
  ],
  [
    "New York Mon–Sat 07–24",
    { timeZone: "America/New_York", hours: hours([...WORK_WEEK, "sat"], ["07:00", "24:00"]), closedDates: [] },
  ],
];

const YEAR_START = Date.UTC(2026, 0, 1);
const STARTS = Array.from(
  { length: 4096 },
  (_, i) => new Date(YEAR_START + ((i * 7_919_993_003) % (365 * 86_400_000))),
);

/** Operations per second of `op` over the start instants, measured for about `ms` after a warm-up. */
function rate(op: (from: Date, i: number) => unknown, ms = 700): number {
  for (let i = 0; i < 2000; i++) op(STARTS[i % STARTS.length]!, i);
  let n = 0;
  const begin = performance.now();
  let now = begin;
  while (now - begin < ms) {
    for (let j = 0; j < 500; j++, n++) op(STARTS[n % STARTS.length]!, n);
    now = performance.now();
  }
  return (n / (now - begin)) * 1000;
}

const rows: [string, string, number, number][] = [];
let sink = 0;
const HOUR = 3_600_000;

const plainAdd = rate((from) => {
  sink += new Date(from.getTime() + 40 * HOUR).getTime();
});
const plainBetween = rate((from, i) => {
  const to = new Date(from.getTime() + (i % 30) * 24 * HOUR);
  sink += (to.getTime() - from.getTime()) / 60_000;
});
rows.push(["baseline: plain Date arithmetic", "new Date(t + 40 h)", plainAdd, 1]);
rows.push(["", "(to - from) / 60000", plainBetween, 1]);

for (const [name, cal] of CALENDARS) {
  const add8 = rate((from) => {
    sink += addBusinessMinutes(cal, from, 8 * 60)!.getTime();
  });
  const add40 = rate((from) => {
    sink += addBusinessMinutes(cal, from, 40 * 60)!.getTime();
  });
  const between = rate((from, i) => {
    sink += businessMinutesBetween(cal, from, new Date(from.getTime() + (i % 30) * 24 * HOUR));
  });
  // A spec read fresh for each call, as a request that loads its calendar would do.
  const fresh = rate((from) => {
    sink += addBusinessMinutes({ ...cal }, from, 40 * 60)!.getTime();
  });
  rows.push([name, "add 8 h", add8, plainAdd / add8]);
  rows.push(["", "add 40 h", add40, plainAdd / add40]);
  rows.push(["", "between, 0–30 days apart", between, plainBetween / between]);
  rows.push(["", "add 40 h, fresh spec each call", fresh, plainAdd / fresh]);
}

const widths = [42, 32, 12, 14];
const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("");
console.log(line(["calendar", "operation", "ops/s", "× slower"]));
for (const [name, op, perSecond, ratio] of rows) {
  console.log(line([name, op, Math.round(perSecond).toLocaleString("en-US"), ratio === 1 ? "—" : ratio.toFixed(0)]));
}
if (sink === 42) console.log("");
