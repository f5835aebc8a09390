import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn as signInAs } from "./session";

const app = withFrontline();

interface Calendar {
  id: string;
  name: string;
  isDefault: boolean;
  teamIds: string[];
  hours: { day: string; open: string; close: string }[];
  holidayCountry: string | null;
}

async function personAt(email: string): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInAs(page, app.frontline.url, email);
  return page;
}

/** Opens a searchable picker by its label, types to narrow it, and chooses an option. */
async function pick(page: Page, label: string, typed: string, option: string) {
  const box = page.getByRole("dialog").getByRole("combobox", { name: label, exact: true });
  await box.click();
  await box.fill(typed);
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect.poll(() => box.inputValue()).toBe(option);
}

const today = () => new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Bucharest" });
const yearLater = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4).replace("-02-29", "-02-28")}`;

describe("an admin sets business hours", () => {
  it("creates a calendar with a split shift and Romanian holidays, sees the next ones, makes it the default and gives it to a team", async () => {
    const admin = await personAt("admin@demo.test");
    const api = <T>(method: "GET" | "POST" | "PATCH", path: string, data?: unknown) =>
      callApi<T>(admin, app.frontline.url, method, path, data);
    await admin.getByTestId("nav").getByRole("link", { name: "Business hours" }).click();
    await admin.getByRole("heading", { name: "Business hours", level: 1 }).waitFor();
    await admin.getByText("No calendars yet, so SLA clocks count around the clock.", { exact: false }).waitFor();
    await admin.screenshot({ path: "/tmp/calendars-empty-en.png", animations: "disabled" });
    // Another calendar first: it is the default until the admin moves that to the new one.
    await api("POST", "/business-calendars", {
      name: "Night shift",
      timeZone: "UTC",
      hours: [{ day: "mon", open: "22:00", close: "24:00" }],
    });
    await admin.reload();
    await admin.getByTestId("calendar-card").filter({ hasText: "Night shift" }).waitFor();
    await admin.getByRole("button", { name: "Add calendar" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Bucharest desk");
    await pick(admin, "Time zone", "Europe/Buch", "Europe/Bucharest");
    // Monday becomes a split shift, 09:00–12:00 and 13:00–18:00, then Tuesday to Friday copy it.
    await dialog.getByLabel("Monday, hours 1: closes at").fill("12");
    await dialog.getByLabel("Monday, hours 1: closes at").blur();
    await expect.poll(() => dialog.getByLabel("Monday, hours 1: closes at").inputValue()).toBe("12:00");
    await dialog.getByRole("button", { name: "Add hours on Monday" }).click();
    await expect.poll(() => dialog.getByLabel("Monday, hours 2: opens at").inputValue()).toBe("13:00");
    await expect.poll(() => dialog.getByLabel("Monday, hours 2: closes at").inputValue()).toBe("18:00");
    await dialog.getByRole("button", { name: "Copy Monday to weekdays" }).click();
    await expect.poll(() => dialog.getByLabel("Friday, hours 2: closes at").inputValue()).toBe("18:00");
    await dialog.getByLabel("Open on Saturday").check();
    await dialog.getByLabel("Saturday, hours 1: opens at").fill("10:00");
    await dialog.getByLabel("Saturday, hours 1: closes at").fill("09:00");
    await pick(admin, "Public holidays of", "Roman", "Romania");
    await dialog.getByRole("button", { name: "Add closed day" }).click();
    await dialog.getByLabel("Date of closed day 1").fill(`${today().slice(0, 4)}-12-31`);
    await dialog.getByLabel("Name of closed day 1").fill("Inventory");
    await dialog.getByRole("button", { name: "Save" }).click();
    // Saturday closes before it opens: the dialog says so beside it and sends nothing.
    await dialog.getByText("Closes after it opens").waitFor();
    await admin.screenshot({ path: "/tmp/calendars-form-en.png", animations: "disabled" });
    await dialog.getByLabel("Open on Saturday").uncheck();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });

    const card = admin.getByTestId("calendar-card").filter({ hasText: "Bucharest desk" });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain("Europe/Bucharest · Romania");
    await expect(card.getByRole("row", { name: /Monday/ }).textContent()).resolves.toBe(
      "Monday09:00–12:00, 13:00–18:00",
    );
    await expect(card.getByRole("row", { name: /Saturday/ }).textContent()).resolves.toBe("SaturdayClosed");
    const calendars = (await api<{ data: Calendar[] }>("GET", "/business-calendars")).data;
    const desk = calendars.find((c) => c.name === "Bucharest desk")!;
    expect(desk.hours.filter((h) => h.day === "fri")).toEqual([
      { day: "fri", open: "09:00", close: "12:00" },
      { day: "fri", open: "13:00", close: "18:00" },
    ]);
    expect([desk.holidayCountry, desk.isDefault]).toEqual(["RO", false]);

    // The next closed days are the server's: Romanian public holidays and the inventory day.
    const from = today();
    const answer = await admin.request.get(
      `${app.frontline.url}/api/v1/business-calendars/${desk.id}/closed-days?from=${from}&to=${yearLater(from)}`,
      { headers: { "Accept-Language": "en" } },
    );
    const expected = ((await answer.json()) as { data: { date: string; name: string; source: string }[] }).data;
    expect(expected.map((d) => d.name)).toContain("Christmas Day");
    const shown = card.getByTestId("next-closed-days").getByRole("listitem");
    await expect.poll(() => shown.count()).toBe(Math.min(expected.length, 4) + (expected.length > 4 ? 1 : 0));
    const firstDates = await shown.evaluateAll((items) => items.map((li) => li.getAttribute("data-date")));
    expect(firstDates.slice(0, 4)).toEqual(expected.slice(0, 4).map((d) => d.date));
    await expect(shown.first().textContent()).resolves.toContain(expected[0]!.name);

    // Make it the default: the badge moves from the night shift to it.
    await card.getByRole("button", { name: "Actions for Bucharest desk" }).click();
    await admin.getByRole("menuitem", { name: "Make default" }).click();
    await card.getByTestId("default-badge").waitFor();
    const night = admin.getByTestId("calendar-card").filter({ hasText: "Night shift" });
    await night.getByTestId("default-badge").waitFor({ state: "detached" });

    // The night shift is no longer the default and no team uses it: it can go, after a confirmation.
    // The other card's menu may still be fading out: pick the item from this card's menu.
    await night.getByRole("button", { name: "Actions for Night shift" }).click();
    await admin
      .getByRole("menu", { name: "Actions for Night shift" })
      .getByRole("menuitem", { name: "Delete" })
      .click();
    const confirm = admin.getByRole("dialog", { name: "Delete calendar" });
    await expect(confirm.textContent()).resolves.toContain("Delete Night shift?");
    await confirm.getByRole("button", { name: "Delete" }).click();
    await night.waitFor({ state: "detached" });
    await admin.getByText("Calendar Night shift was deleted.").waitFor();

    // Technical support counts its tickets in it.
    const teamPicker = admin.getByRole("combobox", { name: "Calendar of Technical support" });
    await teamPicker.click();
    await admin.getByRole("option", { name: "Bucharest desk", exact: true }).click();
    await admin.getByText("Technical support now counts in Bucharest desk.").waitFor();
    await card.getByText("Technical support", { exact: true }).waitFor();
    const after = (await api<{ data: Calendar[] }>("GET", "/business-calendars")).data;
    const teams = (await api<{ data: { id: string; name: string }[] }>("GET", "/teams")).data;
    const support = teams.find((t) => t.name === "Technical support")!;
    expect(after.map((c) => [c.name, c.isDefault, c.teamIds])).toEqual([["Bucharest desk", true, [support.id]]]);
    // Now that a team uses it, the only calendar cannot be deleted from its menu.
    await card.getByRole("button", { name: "Actions for Bucharest desk" }).click();
    await expect(admin.getByRole("menuitem", { name: /Delete/ }).isDisabled()).resolves.toBe(true);
    await admin.keyboard.press("Escape");
    await admin.screenshot({ path: "/tmp/calendars-page-en.png", animations: "disabled", fullPage: true });

    // In Arabic the page runs right to left; times and zone names still read left to right.
    await admin.getByTestId("user-menu").click();
    await admin.getByTestId("language-ar").click();
    await admin.waitForFunction(() => document.documentElement.dir === "rtl");
    await admin.getByRole("heading", { name: "ساعات العمل", level: 1 }).waitFor();
    const monday = card.getByRole("row", { name: /الاثنين/ });
    await expect(monday.textContent()).resolves.toBe("الاثنين09:00–12:00, 13:00–18:00");
    await expect(monday.getByText("09:00–12:00, 13:00–18:00").getAttribute("dir")).resolves.toBe("ltr");
    await admin.screenshot({ path: "/tmp/calendars-page-ar.png", animations: "disabled", fullPage: true });
    await card.getByRole("button", { name: "إجراءات Bucharest desk" }).click();
    await admin.getByRole("menuitem", { name: "تعديل التقويم" }).click();
    await admin.getByRole("dialog").getByTestId("next-closed-days").waitFor();
    await admin.screenshot({ path: "/tmp/calendars-form-ar.png", animations: "disabled" });
    await admin.getByRole("dialog").getByTestId("next-closed-days").scrollIntoViewIfNeeded();
    await admin.screenshot({ path: "/tmp/calendars-form-bottom-ar.png", animations: "disabled" });
    await admin.keyboard.press("Escape");
    await admin.getByTestId("user-menu").click();
    await admin.getByTestId("language-en").click();
    await admin.waitForFunction(() => document.documentElement.dir === "ltr");
  });

  it("an agent is offered no business hours page and is sent home from its address", async () => {
    const agent = await personAt("agent@demo.test");
    await expect(agent.getByTestId("nav").getByRole("link", { name: "Business hours" }).count()).resolves.toBe(0);
    await agent.goto(`${app.frontline.url}/admin/business-hours`);
    await agent.waitForURL(/\/inbox/);
    await expect(agent.getByRole("heading", { name: "Business hours" }).count()).resolves.toBe(0);
  });
});
