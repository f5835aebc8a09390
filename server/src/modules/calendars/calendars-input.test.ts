import { createBusinessCalendarInput } from "@frontline/common";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { preferredLocale } from "../../platform/accept-language";
import { regionsOf } from "./calendar-choice";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

const time = fc.oneof(
  fc.constantFrom("00:00", "08:30", "12:00", "13:00", "17:45", "23:59", "24:00"),
  fc.string({ maxLength: 6 }),
);
const interval = fc.record(
  { day: fc.oneof(fc.constantFrom("mon", "tue", "sat", "sun"), fc.string()), open: time, close: time },
  { requiredKeys: ["day", "open", "close"] },
);
const body = fc.record(
  {
    name: fc.oneof(fc.uuid(), fc.string({ unit: "binary", maxLength: 20 })),
    timeZone: fc.constantFrom("UTC", "Europe/Bucharest", "Asia/Kathmandu", "Nowhere/Land", ""),
    hours: fc.oneof(fc.array(interval, { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })),
    holidays: fc.array(
      fc.record({ date: fc.constantFrom("2026-12-25", "2026-02-30", "2027-01-01", "x"), name: fc.string() }),
      { maxLength: 3 },
    ),
    holidayCountry: fc.constantFrom("RO", "de", "XX", null, 7),
    holidayRegion: fc.constantFrom("BY", "by", "ZZ", null),
    customerRegions: fc.array(fc.constantFrom("Europe/*", "America/Argentina/*", "Mars/*", "Asia/Tokyo"), {
      maxLength: 3,
    }),
  },
  { requiredKeys: [] },
);

/** Complete bodies, so that the property also reaches the database and the holiday library. */
const nearValid = fc.record({
  name: fc.uuid(),
  timeZone: fc.constantFrom("UTC", "Asia/Kathmandu"),
  hours: fc.constantFrom(
    [{ day: "mon", open: "09:00", close: "17:00" }],
    [
      { day: "sat", open: "13:00", close: "24:00" },
      { day: "sat", open: "08:00", close: "12:00" },
    ],
  ),
  holidays: fc.constantFrom([], [{ date: "2026-12-24", name: "Eve" }]),
  holidayCountry: fc.constantFrom("RO", "de", null),
  customerRegions: fc.array(fc.constantFrom("Europe/*", "Asia/Tokyo", "America/Argentina/Salta"), { maxLength: 2 }),
});

describe("arbitrary calendars never break the server", () => {
  it("POST /business-calendars: no 500, a calendar only from a valid body, bad ones named by field", async () => {
    const org = await makeOrg(h);
    let created = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(body, nearValid), async (input) => {
        const res = await org.as.admin.post("/api/v1/business-calendars", input);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        const valid = createBusinessCalendarInput.safeParse(input);
        if (res.status === 201) {
          created++;
          expect(valid.success).toBe(true);
        } else {
          expect([400, 409], JSON.stringify(res.body)).toContain(res.status);
          expect(Object.keys(res.body.fields ?? {}).length, JSON.stringify(res.body)).toBeGreaterThan(0);
          if (!valid.success) expect(res.status).toBe(400);
        }
      }),
      { numRuns: 150 },
    );
    expect(created).toBeGreaterThan(0);
    expect((await org.as.admin.get("/api/v1/business-calendars")).body.data).toHaveLength(created);
  });
});

describe("small rules", () => {
  it("reads the first of Frontline's languages from Accept-Language, by quality then order", () => {
    expect(preferredLocale("ro-RO,ro;q=0.9,en;q=0.8")).toBe("ro");
    expect(preferredLocale("fr-FR, de;q=0.5, ar;q=0.7")).toBe("ar");
    expect(preferredLocale("en;q=0, ru")).toBe("ru");
    expect(preferredLocale("fr, es")).toBeUndefined();
    expect(preferredLocale(undefined)).toBeUndefined();
    expect(preferredLocale(";;;,q=x")).toBeUndefined();
  });

  it("names the regions a customer's zone falls in, most exact first", () => {
    expect(regionsOf("America/Argentina/Salta")).toEqual([
      "America/Argentina/Salta",
      "America/Argentina/*",
      "America/*",
    ]);
    expect(regionsOf("Europe/Bucharest")).toEqual(["Europe/Bucharest", "Europe/*"]);
    expect(regionsOf("UTC")).toEqual(["UTC"]);
  });
});
