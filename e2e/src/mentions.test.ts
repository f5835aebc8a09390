import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { signIn as signInAs } from "./session";

const app = withFrontline();

/** A signed-in page of its own (separate cookies), as if on another person's computer. */
async function personAt(email: string): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signInAs(page, app.frontline.url, email);
  return page;
}

/** Opens a ticket through the API as the signed-in page. */
async function openTicket(page: Page, subject: string): Promise<{ id: string; number: number }> {
  const me = await page.request.get(`${app.frontline.url}/api/v1/me`);
  const { csrfToken } = (await me.json()).data as { csrfToken: string };
  const res = await page.request.post(`${app.frontline.url}/api/v1/tickets`, {
    headers: { "X-CSRF-Token": csrfToken },
    data: {
      subject,
      requester: { email: "ion.vasile@example.com", name: "Ion Vasile" },
      message: { body: "My internet drops every evening." },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data;
}

/** Types a mention into the focused note box through the autocomplete and keeps a picture of the list. */
async function mentionThroughList(page: Page, typed: string, person: string, screenshot: string) {
  await page.keyboard.type(typed);
  const list = page.getByTestId("mention-suggestions");
  const option = list.getByRole("option", { name: new RegExp(person) });
  await option.waitFor();
  await expect.poll(() => option.getAttribute("aria-selected")).toBe("true");
  await page.screenshot({ path: screenshot, animations: "disabled" });
  await page.keyboard.press("Enter");
  await list.waitFor({ state: "hidden" });
}

const unreadOf = (page: Page) => page.getByTestId("notification-bell").getAttribute("data-unread");

describe("a note's mention reaches the colleague", () => {
  it("A mentions B through the autocomplete; B's bell counts it, leads to the ticket, and clears", async () => {
    const subject = `Evening outages ${Date.now()}`;
    const alex = await personAt("agent@demo.test");
    const ticket = await openTicket(alex, subject);
    await alex.goto(`${app.frontline.url}/tickets/${ticket.id}`);
    await alex.getByRole("heading", { name: subject }).waitFor();

    await alex.getByRole("tab", { name: "Internal note" }).click();
    const box = alex.getByRole("textbox", { name: "Note for your colleagues" });
    await box.click();
    await mentionThroughList(alex, "Please @lay", "Layla Haddad", "/tmp/mentions-autocomplete-en.png");
    await expect.poll(() => box.inputValue()).toBe("Please @Layla Haddad ");
    await alex.keyboard.type("check the line tonight.");
    await alex.keyboard.press("Control+Enter");
    const conversation = alex.getByRole("region", { name: "Conversation" });
    const note = conversation.getByRole("article", { name: "Internal note" }).filter({ hasText: "check the line" });
    await note.waitFor();
    await expect(note.locator(".mention").allTextContents()).resolves.toEqual(["@Layla Haddad"]);

    // Layla works in Arabic: her bell counts the mention, and its list leads to the ticket.
    const layla = await personAt("layla@demo.test");
    await layla.waitForFunction(() => document.documentElement.dir === "rtl");
    await expect.poll(() => unreadOf(layla)).toBe("1");
    await layla.getByTestId("notification-bell").click();
    const item = layla.getByTestId("notification-item").first();
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain(`#${ticket.number} ${subject}`);
    await expect(item.textContent()).resolves.toContain("أشار إليك Alex Agent");
    await expect(item.getAttribute("data-unread")).resolves.toBe("true");
    await layla.screenshot({ path: "/tmp/mentions-bell-ar.png", animations: "disabled" });
    await item.click();
    await layla.waitForURL(new RegExp(`/tickets/${ticket.id}$`));
    await layla.getByRole("heading", { name: subject }).waitFor();
    await expect.poll(() => unreadOf(layla)).toBe("0");
    // Her own name stands out in the note.
    // The heading shows before the conversation has loaded, so the note is waited for.
    await expect.poll(() => layla.locator(".mention-me").allTextContents()).toEqual(["@Layla Haddad"]);

    // She answers in Arabic, mentioning Alex through the same list.
    await layla.getByRole("tab", { name: "ملاحظة داخلية" }).click();
    await layla.getByRole("textbox", { name: "ملاحظة للزملاء" }).click();
    await mentionThroughList(layla, "شكرًا @Ale", "Alex Agent", "/tmp/mentions-autocomplete-ar.png");
    await layla.keyboard.type("تم فحص الخط.");
    await layla.keyboard.press("Control+Enter");
    await layla.getByRole("article", { name: "ملاحظة داخلية" }).filter({ hasText: "تم فحص الخط" }).waitFor();

    // Alex's bell (polled; a reload asks at once) shows her answer; mark all read empties the count.
    await alex.reload();
    await expect.poll(() => unreadOf(alex)).toBe("1");
    await alex.getByTestId("notification-bell").click();
    const answer = alex.getByTestId("notification-item").first();
    await expect.poll(() => answer.textContent()).toContain("Layla Haddad mentioned you");
    await alex.screenshot({ path: "/tmp/mentions-bell-en.png", animations: "disabled" });
    await alex.getByRole("button", { name: "Mark all as read" }).click();
    await expect.poll(() => unreadOf(alex)).toBe("0");
    await expect.poll(() => answer.getAttribute("data-unread")).toBeNull();
  });
});
