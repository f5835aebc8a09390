import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn as signInAs } from "./session";

const app = withFrontline();

const signIn = (page: Page, email: string) => signInAs(page, app.frontline.url, email);

interface TicketBody {
  data: { id: string; number: number };
}

// Markup a customer might type. Search snippets drop what looks like a whole tag, so the body's
// markup is one that survives in the snippet; the subject's is shown whole as the result's title.
const HOSTILE_SUBJECT = "Odd <img src=x onerror=window.__pwned=1> characters";
const HOSTILE_BODY = "The firmware shows <b onmouseover=alert(1)>bold</b> text";

async function openTicket(page: Page, subject: string, body: string, priority = "normal") {
  return (
    await callApi<TicketBody>(page, app.frontline.url, "POST", "/tickets", {
      subject,
      requester: { email: "maria.popescu@example.com", name: "Maria Popescu" },
      message: { body },
      priority,
    })
  ).data;
}

/** Searches the way a person does: "/" to reach the box, the words, Enter. */
async function searchFromHeader(page: Page, words: string) {
  // Escape leaves the search box if the last search left the focus there; "/" is then a shortcut again.
  await page.keyboard.press("Escape");
  await page.keyboard.press("/");
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Search");
  await page.keyboard.type(words);
  await page.keyboard.press("Enter");
  // The words sit in direction isolates (invisible), so a Latin query reads right in an Arabic sentence too.
  await page.getByRole("heading", { name: `Results for “\u2068${words}\u2069”` }).waitFor();
}

describe("an agent searches from the header", () => {
  it("finds tickets and messages by their words, narrows them with filters, and opens the ticket", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "agent@demo.test");
    const router = await openTicket(
      page,
      "Router drops the connection",
      "The router firmware crashes at night.",
      "urgent",
    );
    const hostile = await openTicket(page, HOSTILE_SUBJECT, HOSTILE_BODY);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto(`${app.frontline.url}/inbox`);
    await page.getByRole("heading", { name: "Agent workspace" }).waitFor();
    await searchFromHeader(page, "firmware");
    expect(new URL(page.url()).searchParams.get("q")).toBe("firmware");

    const tickets = page.getByRole("region", { name: "Tickets" });
    const messages = page.getByRole("region", { name: "Messages" });
    await tickets.getByRole("link", { name: `#${router.number} Router drops the connection` }).waitFor();
    await tickets.getByRole("link", { name: `#${hostile.number} ${HOSTILE_SUBJECT}` }).waitFor();
    await expect(messages.getByRole("listitem").count()).resolves.toBe(2);
    await expect(tickets.locator("mark").first().textContent()).resolves.toBe("firmware");

    // The customer's markup is shown as the characters they typed, and runs nothing.
    const hostileItem = messages.getByRole("listitem").filter({ hasText: "Odd <img" });
    await expect(hostileItem.innerText()).resolves.toContain("firmware shows <b onmouseover=alert(1)>bold");
    await expect(page.locator("main img, main b").count()).resolves.toBe(0);
    await hostileItem.hover();
    await expect(page.evaluate(() => (window as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    expect(dialogs).toEqual([]);

    // Filters combine with the words and live in the address bar.
    await page.getByRole("combobox", { name: "Priority", exact: true }).focus();
    await page.keyboard.press("ArrowDown");
    await page.getByRole("option", { name: "Urgent", exact: true }).click();
    await page.keyboard.press("Escape");
    await page.waitForURL(/priority=urgent/);
    await expect.poll(() => tickets.getByRole("listitem").count()).toBe(1);
    await page.getByText("Customers are left out while a status, priority or channel is chosen.").waitFor();

    await tickets.getByRole("link", { name: /Router drops the connection/ }).click();
    await page.waitForURL(new RegExp(`/tickets/${router.id}$`));
    await page.getByRole("heading", { name: "Router drops the connection" }).waitFor();
    // Back on the results page the box still holds the words.
    await page.goBack();
    await expect.poll(() => page.getByRole("searchbox", { name: "Search" }).inputValue()).toBe("firmware");
  });

  it("opens a customer's tickets from a customer result, and says when nothing matches", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "agent@demo.test");
    await openTicket(page, "Invoice twice", "I was charged twice for May.");

    await searchFromHeader(page, "Popescu");
    const customers = page.getByRole("region", { name: "Customers" });
    const customer = customers.getByRole("link", { name: "Maria Popescu" });
    await customer.waitFor();
    await expect(customers.locator("mark").first().textContent()).resolves.toBe("Popescu");
    await customer.click();
    await page.waitForURL(/\/inbox\?.*requester=/);
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Tickets from" }).textContent())
      .toBe("Tickets from Maria Popescu");
    await page.getByRole("row", { name: /Invoice twice/ }).waitFor();
    await page.getByRole("button", { name: "Show tickets from every customer" }).click();
    await page.waitForURL((url) => !url.search.includes("requester"));

    await searchFromHeader(page, "xylophone");
    await page.getByText("Nothing found for “\u2068xylophone\u2069”").waitFor();
  });

  it("reads right to left in Arabic, highlights still marked", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "agent@demo.test");
    await openTicket(page, "الطرد لم يصل", "الطرد لم يصل بعد أسبوعين");
    await callApi(page, app.frontline.url, "PATCH", "/me", { locale: "ar" });
    await page.goto(`${app.frontline.url}/search?q=${encodeURIComponent("الطرد")}`);
    await page.getByRole("heading", { name: "نتائج «\u2068الطرد\u2069»" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    const tickets = page.getByRole("region", { name: "التذاكر" });
    await tickets.getByRole("link", { name: /الطرد لم يصل/ }).waitFor();
    await expect(tickets.locator("mark").first().textContent()).resolves.toBe("الطرد");
  });
});
