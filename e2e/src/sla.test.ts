import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn } from "./session";

const app = withFrontline();

interface Policy {
  id: string;
  name: string;
  calendarId: string | null;
  conditions: Record<string, string[]>;
  targets: Record<string, { minutes: number; businessTime: boolean }>;
}

interface TicketBody {
  id: string;
  createdAt: string;
  slaDueAt: string | null;
}

async function personAt(email: string): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await signIn(page, app.frontline.url, email);
  return page;
}

const api = <T>(page: Page, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, data?: unknown) =>
  callApi<T>(page, app.frontline.url, method, path, data);

const policyNames = async (page: Page) =>
  (await api<{ data: Policy[] }>(page, "GET", "/sla-policies")).data.map((p) => p.name);

const switchLanguage = async (page: Page, locale: "ar" | "en") => {
  await page.getByTestId("user-menu").click();
  // The page switches at once and saves the choice to the profile after: wait for the save, since the
  // next page load reads the language from the profile.
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/v1/me") && r.request().method() === "PATCH");
  await page.getByTestId(`language-${locale}`).click();
  expect((await saved).status()).toBe(200);
  const dir = locale === "ar" ? "rtl" : "ltr";
  await page.waitForFunction((d) => document.documentElement.dir === d, dir);
};

describe("SLA policies and clocks in the app", () => {
  it("an admin writes an urgent-ticket policy; the inbox flags the ticket, its page counts down, a reply meets it", async () => {
    const admin = await personAt("admin@demo.test");
    await admin.getByTestId("nav").getByRole("link", { name: "SLA policies" }).click();
    await admin.getByRole("heading", { name: "SLA policies", level: 1 }).waitFor();
    await admin.getByText("No SLA policies yet, so tickets carry no due times.").waitFor();
    // A calendar to pick, which goes away before the policy is saved: the server's refusal lands on the picker.
    const calendar = await api<{ data: { id: string } }>(admin, "POST", "/business-calendars", {
      name: "Support desk",
      timeZone: "UTC",
      hours: [{ day: "mon", open: "09:00", close: "17:00" }],
    });
    await admin.reload();

    await admin.getByRole("button", { name: "Add policy" }).click();
    const dialog = admin.getByRole("dialog", { name: "Add policy" });
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Required").waitFor();
    await dialog.getByLabel("Name").fill("Urgent tickets");
    await dialog.getByRole("combobox", { name: "Priorities" }).click();
    await admin.getByRole("option", { name: "Urgent" }).click();
    await dialog.getByLabel("Name").click();
    const firstReply = dialog.getByRole("group", { name: "First reply" });
    await firstReply.getByLabel("First reply: hours").fill("0");
    await firstReply.getByLabel("First reply: minutes").fill("0");
    await dialog.getByRole("button", { name: "Save" }).click();
    await firstReply.getByText("Between 1 minute and 365 days").waitFor();
    await firstReply.getByLabel("First reply: minutes").fill("30");
    await firstReply.getByText("Calendar time").click();
    await dialog.getByRole("combobox", { name: "Calendar" }).click();
    await admin.getByRole("option", { name: "Support desk" }).click();
    await admin.screenshot({ path: "/tmp/sla-form-en.png", animations: "disabled" });
    await api(admin, "DELETE", `/business-calendars/${calendar.data.id}`);
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Unknown calendar").waitFor();
    await dialog.getByRole("combobox", { name: "Calendar" }).click();
    await admin.getByRole("option", { name: /^The ticket's calendar/ }).click();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });

    const urgent = admin.getByTestId("sla-policy").filter({ hasText: "Urgent tickets" });
    await expect(urgent.getByTestId("sla-targets").textContent()).resolves.toBe(
      "First reply within 30 minutes calendar time",
    );
    await expect(urgent.getByTestId("sla-conditions").textContent()).resolves.toBe("Priority Urgent");
    const stored = (await api<{ data: Policy[] }>(admin, "GET", "/sla-policies")).data;
    expect(stored.map((p) => [p.name, p.calendarId, p.conditions, p.targets])).toEqual([
      ["Urgent tickets", null, { priority: ["urgent"] }, { firstReply: { minutes: 30, businessTime: false } }],
    ]);

    // A catch-all after it: moved up it would win every ticket, so it goes up and back down again.
    // Written in the dialog too: no first reply, a resolution in whole days of business time.
    await admin.getByRole("button", { name: "Add policy" }).click();
    await dialog.getByLabel("Name").fill("Everyone else");
    // Mantine draws the switch over its input, which stays what keyboards operate and readers announce.
    await dialog.getByRole("switch", { name: "First reply" }).click({ force: true });
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Switch on at least one target.").waitFor();
    await dialog.getByRole("switch", { name: "Resolution" }).click({ force: true });
    const resolution = dialog.getByRole("group", { name: "Resolution" });
    await resolution.getByRole("combobox", { name: "Resolution: entered as" }).click();
    await admin.getByRole("option", { name: "Days" }).click();
    await resolution.getByLabel("Resolution: days").fill("2");
    await expect(dialog.getByText("Switch on at least one target.").count()).resolves.toBe(0);
    await expect(dialog.getByText("Required").count()).resolves.toBe(0);
    await admin.screenshot({ path: "/tmp/sla-form-days-en.png", animations: "disabled" });
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    const added = (await api<{ data: Policy[] }>(admin, "GET", "/sla-policies")).data;
    expect(added.map((p) => [p.name, p.conditions, p.targets])).toEqual([
      ["Urgent tickets", { priority: ["urgent"] }, { firstReply: { minutes: 30, businessTime: false } }],
      ["Everyone else", {}, { resolution: { minutes: 2880, businessTime: true } }],
    ]);
    const everyone = admin.getByTestId("sla-policy").filter({ hasText: "Everyone else" });
    await expect(everyone.getByTestId("sla-targets").textContent()).resolves.toBe(
      "Resolution within 2 days in business hours",
    );
    await expect(everyone.getByTestId("sla-conditions").textContent()).resolves.toBe("Every ticket");
    await admin.getByRole("button", { name: "Move Everyone else up" }).click();
    await expect.poll(() => policyNames(admin)).toEqual(["Everyone else", "Urgent tickets"]);
    await expect.poll(() => everyone.getByTestId("sla-position").textContent()).toBe("1");
    await admin.getByRole("button", { name: "Move Everyone else down" }).click();
    await expect.poll(() => policyNames(admin)).toEqual(["Urgent tickets", "Everyone else"]);
    await expect.poll(() => everyone.getByTestId("sla-position").textContent()).toBe("2");
    await admin.screenshot({ path: "/tmp/sla-page-en.png", animations: "disabled", fullPage: true });
    await everyone.getByRole("button", { name: "Actions for Everyone else" }).click();
    await admin.getByRole("menuitem", { name: "Delete" }).click();
    const confirm = admin.getByRole("dialog", { name: "Delete SLA policy" });
    await expect(confirm.textContent()).resolves.toContain("Delete Everyone else?");
    await confirm.getByRole("button", { name: "Delete" }).click();
    await everyone.waitFor({ state: "detached" });
    expect(await policyNames(admin)).toEqual(["Urgent tickets"]);

    // An urgent ticket from the API: first reply due 30 minutes after it opened.
    const subject = "Router down since the storm";
    const ticket = (
      await api<{ data: TicketBody }>(admin, "POST", "/tickets", {
        subject,
        requester: { email: "ioana.marin@example.com", name: "Ioana Marin" },
        message: { body: "No internet since last night." },
        priority: "urgent",
      })
    ).data;
    expect(ticket.slaDueAt).toBe(new Date(Date.parse(ticket.createdAt) + 30 * 60_000).toISOString());
    await admin.goto(`${app.frontline.url}/inbox?view=all&sort=sla_due_asc`);
    await expect.poll(() => admin.getByRole("combobox", { name: "Sort" }).inputValue()).toBe("SLA due soonest");
    const row = admin.getByRole("row", { name: new RegExp(subject) });
    const badge = row.getByTestId("sla-badge");
    await badge.waitFor();
    // Due within the hour: orange, counting minutes.
    await expect(badge.getAttribute("data-tone")).resolves.toBe("soon");
    await expect(badge.textContent()).resolves.toMatch(/^\d+ min$/);
    await admin.screenshot({ path: "/tmp/sla-inbox-en.png", animations: "disabled" });
    // On a phone the row folds to subject and status; the flag stays, under the status.
    await admin.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => row.getByRole("cell").count()).toBe(3);
    await expect(badge.isVisible()).resolves.toBe(true);
    await admin.screenshot({ path: "/tmp/sla-inbox-phone-en.png", animations: "disabled" });
    await admin.setViewportSize({ width: 1400, height: 1000 });

    const agent = await personAt("agent@demo.test");
    await agent.goto(`${app.frontline.url}/tickets/${ticket.id}`);
    const panel = agent.getByRole("region", { name: "SLA targets" });
    const target = panel.getByTestId("sla-target");
    await expect.poll(() => target.getAttribute("data-target")).toBe("firstReply");
    await expect(target.getByTestId("sla-state").textContent()).resolves.toBe("Running");
    await expect(target.getByTestId("sla-countdown").textContent()).resolves.toMatch(/^in \d+ min$/);
    await expect(target.textContent()).resolves.toContain("calendar time");
    await panel.getByText("Policy: Urgent tickets").waitFor();
    await agent.screenshot({ path: "/tmp/sla-ticket-en.png", animations: "disabled" });

    await agent.getByRole("textbox", { name: "Reply to the customer" }).fill("A technician is on the way.");
    await agent.keyboard.press("Control+Enter");
    await expect.poll(() => target.getByTestId("sla-state").textContent()).toBe("Met");
    await expect(target.getByTestId("sla-countdown").count()).resolves.toBe(0);
    await expect(target.textContent()).resolves.toMatch(/Met .+ · calendar time/);
    // Nothing counts any more: the inbox shows no SLA on it.
    await admin.reload();
    await row.waitFor();
    await expect(row.getByTestId("sla-badge").count()).resolves.toBe(0);

    // In Arabic the page and the panel run right to left, in Arabic words.
    await switchLanguage(admin, "ar");
    await admin.goto(`${app.frontline.url}/admin/sla-policies`);
    await admin.getByRole("heading", { name: "سياسات مستوى الخدمة", level: 1 }).waitFor();
    expect(await admin.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expect(urgent.getByTestId("sla-targets").textContent()).resolves.toBe(
      "الرد الأول: 30 دقيقة من الوقت المتواصل",
    );
    await admin.screenshot({ path: "/tmp/sla-page-ar.png", animations: "disabled", fullPage: true });
    await urgent.getByRole("button", { name: "إجراءات Urgent tickets" }).click();
    await admin.getByRole("menuitem", { name: "تعديل السياسة" }).click();
    await admin.getByRole("dialog", { name: "تعديل السياسة" }).waitFor();
    await admin.screenshot({ path: "/tmp/sla-form-ar.png", animations: "disabled" });
    await admin.keyboard.press("Escape");
    await admin.goto(`${app.frontline.url}/tickets/${ticket.id}`);
    const arabicPanel = admin.getByRole("region", { name: "أهداف مستوى الخدمة" });
    await expect.poll(() => arabicPanel.getByTestId("sla-state").textContent()).toBe("تحقّق");
    await admin.screenshot({ path: "/tmp/sla-ticket-ar.png", animations: "disabled" });
    await switchLanguage(admin, "en");
  });

  it("an agent is offered no SLA policies page and is sent home from its address", async () => {
    const agent = await personAt("agent@demo.test");
    await expect(agent.getByTestId("nav").getByRole("link", { name: "SLA policies" }).count()).resolves.toBe(0);
    await agent.goto(`${app.frontline.url}/admin/sla-policies`);
    await agent.waitForURL(/\/inbox/);
    await expect(agent.getByRole("heading", { name: "SLA policies" }).count()).resolves.toBe(0);
  });
});
