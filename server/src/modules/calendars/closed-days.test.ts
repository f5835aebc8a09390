import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../../test/client";
import { makeOrg, type TestOrg } from "../../../test/factories";
import { testApp } from "../../../test/harness";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

const PATH = "/api/v1/business-calendars";
let counter = 0;

/** A weekday calendar following `country`'s public holidays (and `extra`). */
async function calendarOf(holidayCountry: string | null, extra: Record<string, unknown> = {}) {
  const res = await org.as.admin.post(PATH, {
    name: `${holidayCountry} ${counter++}`,
    timeZone: "UTC",
    hours: [{ day: "mon", open: "09:00", close: "17:00" }],
    holidayCountry,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.id as string;
}

async function closedDays(id: string, from: string, to: string, lang?: string, as: Client = org.as.agent) {
  const res = await as.get(`${PATH}/${id}/closed-days?from=${from}&to=${to}`, lang ? { "accept-language": lang } : {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data as { date: string; name: string; source: string }[];
}

const publicDay = (date: string, name: string) => ({ date, name, source: "public_holiday" });
const inYear = (id: string, lang?: string) => closedDays(id, "2026-01-01", "2026-12-31", lang);

describe("closed days: public holidays from date-holidays, in the country's own language", () => {
  it("Romania 2026: two days of New Year, Orthodox Easter and Pentecost, 1 December", async () => {
    expect(await inYear(await calendarOf("RO"))).toEqual([
      publicDay("2026-01-01", "Anul nou"),
      publicDay("2026-01-02", "Anul nou"),
      publicDay("2026-01-06", "Bobotează"),
      publicDay("2026-01-07", "Sfântul Ioan Botezătorul"),
      publicDay("2026-01-24", "Ziua Unirii Principatelor Române"),
      publicDay("2026-04-10", "Vinerea Mare"),
      publicDay("2026-04-12", "Paștele"),
      publicDay("2026-04-13", "A doua zi de Paști"),
      publicDay("2026-05-01", "Ziua muncii"),
      publicDay("2026-05-31", "Rusaliile"),
      publicDay("2026-06-01", "Ziua Copilului / A doua zi de Rusalii"),
      publicDay("2026-08-15", "Adormirea Maicii Domnului"),
      publicDay("2026-11-30", "Sfântul Andrei"),
      publicDay("2026-12-01", "Ziua națională, Ziua Marii Uniri"),
      publicDay("2026-12-25", "Crăciunul"),
      publicDay("2026-12-26", "A doua zi de Crăciun"),
    ]);
  });

  it("Germany 2026: national days only, Christmas Eve (bank, from 14:00) and observances stay open", async () => {
    expect(await inYear(await calendarOf("DE"))).toEqual([
      publicDay("2026-01-01", "Neujahr"),
      publicDay("2026-04-03", "Karfreitag"),
      publicDay("2026-04-06", "Ostermontag"),
      publicDay("2026-05-01", "Maifeiertag"),
      publicDay("2026-05-14", "Christi Himmelfahrt"),
      publicDay("2026-05-25", "Pfingstmontag"),
      publicDay("2026-10-03", "Tag der Deutschen Einheit"),
      publicDay("2026-12-25", "1. Weihnachtstag"),
      publicDay("2026-12-26", "2. Weihnachtstag"),
    ]);
  });

  it("Bavaria adds Epiphany, Corpus Christi and All Saints' Day, named in English when asked", async () => {
    const bavaria = await calendarOf("DE", { holidayRegion: "BY" });
    const days = await inYear(bavaria, "en-GB,en;q=0.9");
    expect(days.map((d) => `${d.date} ${d.name}`)).toEqual([
      "2026-01-01 New Year's Day",
      "2026-01-06 Epiphany",
      "2026-04-03 Good Friday",
      "2026-04-06 Easter Monday",
      "2026-05-01 Labour Day",
      "2026-05-14 Ascension Day",
      "2026-05-25 Whit Monday",
      "2026-06-04 Corpus Christi",
      "2026-10-03 National Holiday",
      "2026-11-01 All Saints' Day",
      "2026-12-25 Christmas Day",
      "2026-12-26 Boxing Day",
    ]);
  });

  it("Russia 2026: each day of the New Year holidays, and the Monday after a Sunday holiday", async () => {
    const days = await inYear(await calendarOf("RU"));
    expect(days.map((d) => `${d.date} ${d.name}`)).toEqual([
      "2026-01-01 Новый год",
      "2026-01-02 Новогодние каникулы",
      "2026-01-03 Новогодние каникулы",
      "2026-01-04 Новогодние каникулы",
      "2026-01-05 Новогодние каникулы",
      "2026-01-06 Новогодние каникулы",
      "2026-01-07 Рождество Христово",
      "2026-01-08 Новогодние каникулы",
      "2026-02-23 День защитника Отечества",
      "2026-03-08 Международный женский день",
      "2026-03-09 Международный женский день",
      "2026-05-01 День весны и труда",
      "2026-05-09 День Победы",
      "2026-06-12 День России",
      "2026-11-04 День народного единства",
    ]);
  });

  it("Saudi Arabia 2026: four days of each Eid, by the library's Hijri reckoning, named in Arabic", async () => {
    const days = await inYear(await calendarOf("SA"), "ar");
    expect(days.map((d) => `${d.date} ${d.name}`)).toEqual([
      "2026-02-22 يوم التأسيس",
      "2026-03-19 عيد الفطر",
      "2026-03-20 عيد الفطر",
      "2026-03-21 عيد الفطر",
      "2026-03-22 عيد الفطر",
      "2026-05-26 عيد الأضحى",
      "2026-05-27 عيد الأضحى",
      "2026-05-28 عيد الأضحى",
      "2026-05-29 عيد الأضحى",
      "2026-09-23 اليوم الوطني",
    ]);
  });

  it("United States 2026 and 2027: federal holidays with the observed weekday when one falls on a weekend", async () => {
    const us = await calendarOf("US");
    expect((await inYear(us)).map((d) => `${d.date} ${d.name}`)).toEqual([
      "2026-01-01 New Year's Day",
      "2026-01-19 Martin Luther King Jr. Day",
      "2026-02-16 Washington's Birthday",
      "2026-05-25 Memorial Day",
      "2026-06-19 Juneteenth",
      "2026-07-03 Independence Day (substitute day)",
      "2026-07-04 Independence Day",
      "2026-09-07 Labor Day",
      "2026-10-12 Columbus Day",
      "2026-11-11 Veterans Day",
      "2026-11-26 Thanksgiving Day",
      "2026-12-25 Christmas Day",
    ]);
    // 2027: Juneteenth and Christmas on a Saturday, Independence Day on a Sunday, New Year 2028 on a
    // Saturday; in German where the library has the name, in English where it has not.
    expect((await closedDays(us, "2027-06-01", "2027-12-31", "de")).map((d) => `${d.date} ${d.name}`)).toEqual([
      "2027-06-18 Juneteenth (Ersatztag)",
      "2027-06-19 Juneteenth",
      "2027-07-04 Unabhängigkeitstag",
      "2027-07-05 Unabhängigkeitstag (Ersatztag)",
      "2027-09-06 Tag der Arbeit",
      "2027-10-11 Columbus Day",
      "2027-11-11 Veterans Day",
      "2027-11-25 Thanksgiving Day",
      "2027-12-24 Weihnachten (Ersatztag)",
      "2027-12-25 Weihnachten",
      "2027-12-31 Neujahr (Ersatztag)",
    ]);
  });

  it("names each answer in its own caller's language where the library can, whoever asked before", async () => {
    const id = await calendarOf("RO");
    const named = async (lang?: string) =>
      (await closedDays(id, "2026-12-01", "2026-12-26", lang)).map((d) => d.name).join(" | ");
    const own = "Ziua națională, Ziua Marii Uniri | Crăciunul | A doua zi de Crăciun";
    expect(await named("en")).toBe("National holiday | Christmas Day | Boxing Day");
    expect(await named()).toBe(own);
    expect(await named("de")).toBe("Ziua națională, Ziua Marii Uniri | Weihnachten | 2. Weihnachtstag");
    expect(await named("ar")).toBe("Ziua națională, Ziua Marii Uniri | عيد الميلاد المجيد | A doua zi de Crăciun");
    expect(await named("fr, ru;q=0.5")).toBe(
      "Ziua națională, Ziua Marii Uniri | Рождество Христово | A doua zi de Crăciun",
    );
    expect(await named()).toBe(own);
  });

  it("a half-day public holiday leaves its day open (Iceland's Christmas Eve from 13:00)", async () => {
    const days = await closedDays(await calendarOf("IS"), "2026-12-20", "2026-12-31");
    expect(days).toEqual([publicDay("2026-12-25", "Jóladagur"), publicDay("2026-12-26", "Annar í jólum")]);
  });
});

describe("closed days: the calendar's own, the range and its limits", () => {
  it("lists custom days with public ones, the organisation's name winning on a shared date", async () => {
    const id = await calendarOf("RO", {
      holidays: [
        { date: "2026-12-01", name: "Ziua firmei" },
        { date: "2026-12-24", name: "Ajun" },
        { date: "2027-01-05", name: "Inventar" },
      ],
    });
    expect(await closedDays(id, "2026-11-30", "2027-01-02")).toEqual([
      publicDay("2026-11-30", "Sfântul Andrei"),
      { date: "2026-12-01", name: "Ziua firmei", source: "custom" },
      { date: "2026-12-24", name: "Ajun", source: "custom" },
      publicDay("2026-12-25", "Crăciunul"),
      publicDay("2026-12-26", "A doua zi de Crăciun"),
      publicDay("2027-01-01", "Anul nou"),
      publicDay("2027-01-02", "Anul nou"),
    ]);
    expect(await closedDays(id, "2026-12-24", "2026-12-24")).toEqual([
      { date: "2026-12-24", name: "Ajun", source: "custom" },
    ]);
    const none = await calendarOf(null, { holidays: [{ date: "2026-12-24", name: "Eve" }] });
    expect(await closedDays(none, "2026-01-01", "2026-12-31")).toEqual([
      { date: "2026-12-24", name: "Eve", source: "custom" },
    ]);
  });

  it("a holiday of several days that began before the range still closes its days inside it", async () => {
    expect((await closedDays(await calendarOf("RU"), "2026-01-04", "2026-01-05")).map((d) => d.date)).toEqual([
      "2026-01-04",
      "2026-01-05",
    ]);
  });

  it("answers up to three years at once, and 400 naming the field for anything else", async () => {
    const id = await calendarOf("DE");
    expect(await closedDays(id, "2026-01-01", "2029-01-01")).toHaveLength(28);
    const bad = async (query: string) => {
      const res = await org.as.agent.get(`${PATH}/${id}/closed-days?${query}`);
      expect(res.status, query).toBe(400);
      return res.body.fields;
    };
    expect(await bad("from=2026-01-01&to=2029-01-02")).toEqual({ to: ["At most 3 years after from"] });
    expect(await bad("from=2026-02-01&to=2026-01-31")).toEqual({ to: ["On or after from"] });
    expect(await bad("from=2026-02-30&to=2026-03-31")).toEqual({ from: ["A real date, as YYYY-MM-DD"] });
    expect(Object.keys(await bad("to=2026-03-31"))).toEqual(["from"]);
    expect(Object.keys(await bad("from=2026-01-01&to=2026-01-02&lang=ro"))).toEqual(["lang"]);
  });
});
