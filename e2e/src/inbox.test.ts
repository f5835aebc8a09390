import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn as signInAs } from "./session";

const app = withFrontline();

const signIn = (page: Page, email: string) => signInAs(page, app.frontline.url, email);

const api = <T>(page: Page, method: "GET" | "POST", path: string, data?: unknown) =>
  callApi<T>(page, app.frontline.url, method, path, data);

interface TicketBody {
  data: { id: string; number: number; status: string; subject: string };
}

describe("an agent works a ticket in the browser", () => {
  it("finds a new ticket in All open, opens it with the keyboard, replies and adds an internal note", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, "agent@demo.test");

    const subject = `Router drops the connection ${Date.now()}`;
    const created = await api<TicketBody>(page, "POST", "/tickets", {
      subject,
      requester: { email: "maria.popescu@example.com", name: "Maria Popescu" },
      message: { body: "Hello,\nmy router drops the connection every evening." },
      priority: "high",
    });
    expect(created.data.status).toBe("new");

    await page.getByTestId("nav").getByRole("link", { name: "Agent workspace" }).click();
    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("link", { name: /All open/ })
      .click();
    await page.waitForURL(/view=open/);
    const row = page.getByRole("row", { name: new RegExp(subject) });
    await row.waitFor();
    // The requester's name arrives with its own request, just after the row.
    await expect.poll(() => row.textContent()).toContain("Maria Popescu");
    await expect(row.textContent()).resolves.toContain("New");

    // j moves the keyboard cursor down the list; walk to the ticket (the newest, so normally the first row).
    for (let i = 0; i < 50 && (await row.getAttribute("aria-selected")) !== "true"; i++) await page.keyboard.press("j");
    expect(await row.getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/tickets/${created.data.id}$`));
    await page.getByRole("heading", { name: subject }).waitFor();
    const conversation = page.getByRole("region", { name: "Conversation" });
    await conversation.getByText("my router drops the connection every evening").waitFor();

    // r focuses the public reply; Ctrl+Enter sends it, and a first reply opens a new ticket.
    const reply = "Hi Maria, we found packet loss on your line and a technician is on it.";
    await page.keyboard.press("r");
    await page.keyboard.type(reply);
    await page.keyboard.press("Control+Enter");
    const sent = conversation.getByRole("article", { name: "Public reply" }).filter({ hasText: reply });
    await sent.waitFor();
    const properties = page.getByRole("region", { name: "Properties" });
    await expect.poll(() => properties.getByLabel("Status").inputValue()).toBe("Open");
    await expect(page.getByRole("textbox", { name: "Reply to the customer" }).inputValue()).resolves.toBe("");

    // n focuses the internal note; it shows on the staff side, yellow and labelled.
    const note = "Packet loss 12% after 19:00, asked the network team to check the DSLAM.";
    await page.keyboard.press("Escape");
    await page.keyboard.press("n");
    await page.keyboard.type(note);
    await page.keyboard.press("Control+Enter");
    const added = conversation.getByRole("article", { name: "Internal note" }).filter({ hasText: note });
    await added.waitFor();
    await expect(added.textContent()).resolves.toContain("Internal note");

    const stored = await api<TicketBody>(page, "GET", `/tickets/${created.data.id}`);
    expect(stored.data.status).toBe("open");
    const messages = await api<{ data: { kind: string; bodyText: string }[] }>(
      page,
      "GET",
      `/tickets/${created.data.id}/messages`,
    );
    expect(messages.data.map((m) => [m.kind, m.bodyText])).toEqual([
      ["inbound", "Hello,\nmy router drops the connection every evening."],
      ["reply", reply],
      ["note", note],
    ]);
  });
});
