import { randomBytes } from "node:crypto";
import net from "node:net";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { signIn as signInAs } from "./session";

// Embedded, Frontline makes its own key file; a server needs SECRETS_KEY to store mailbox passwords.
const app = withFrontline(() => (process.env.DATABASE_URL ? { SECRETS_KEY: randomBytes(32).toString("base64") } : {}));

const signIn = (page: Page, email: string) => signInAs(page, app.frontline.url, email);

/** A loopback port nothing listens on: a poll there fails at once with ECONNREFUSED. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// The first poll runs within a second of adding and the page refetches every 5 s; a loaded machine is slower.
const POLL_SHOWN = { timeout: 30_000 };

describe("an admin sets up the ways mail comes in", () => {
  it("sees the support address, adds a mailbox and its poll error, edits, disables and removes it", async () => {
    const port = await closedPort();
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, "admin@demo.test");
    await page.getByTestId("nav").getByRole("link", { name: "Mail" }).click();
    await page.getByRole("heading", { name: "Mail", level: 1 }).waitFor();
    await expect(page.getByTestId("support-address").textContent()).resolves.toBe("support@demo.test");
    const portal = page.getByRole("region", { name: "Customer portal" }).getByRole("link");
    await expect(portal.getAttribute("href")).resolves.toBe(`${app.frontline.url}/portal/demo`);
    await page.getByText("No mailboxes yet.").waitFor();

    await page.getByRole("button", { name: "Add mailbox" }).click();
    const dialog = page.getByRole("dialog", { name: "Add mailbox" });
    await dialog.getByRole("button", { name: "Save" }).click();
    // The contract checks the form before anything is sent.
    await dialog.getByText("Required").first().waitFor();
    await dialog.getByLabel("IMAP server").fill("imap example.com");
    await dialog.getByLabel("Port").fill(String(port));
    await dialog.getByLabel("Connect with TLS").uncheck();
    await dialog.getByLabel("User name").fill("help@demo.test");
    await dialog.getByRole("textbox", { name: "Password" }).fill("first-secret");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("This value is not valid").waitFor();
    await page.screenshot({ path: "/tmp/frontline-mail-form-en.png" });
    await dialog.getByLabel("IMAP server").fill("127.0.0.1");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });

    const row = page.getByRole("row", { name: /help@demo\.test/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`127.0.0.1:${port}`);
    await page.getByText(`connect ECONNREFUSED 127.0.0.1:${port}`).waitFor(POLL_SHOWN);
    await expect(row.getByText("Failing").count()).resolves.toBe(1);
    await expect(page.content()).resolves.not.toContain("first-secret");
    await page.screenshot({ path: "/tmp/frontline-mail-en.png", fullPage: true });

    await page.getByRole("button", { name: "Edit help@demo.test" }).click();
    const edit = page.getByRole("dialog", { name: "Edit mailbox" });
    await expect(edit.getByRole("textbox", { name: "Password" }).inputValue()).resolves.toBe("");
    await edit.getByLabel("Folder").fill("Support");
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "hidden" });
    await row.getByRole("cell", { name: "Support", exact: true }).waitFor();

    // In Arabic (right to left), as an Arabic-speaking admin sees it, once the edited mailbox failed again.
    await page.getByText(`connect ECONNREFUSED 127.0.0.1:${port}`).waitFor(POLL_SHOWN);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("language-ar").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await page.getByRole("heading", { name: "البريد", level: 1 }).waitFor();
    await page.getByText("فشل الفحص الأخير").waitFor();
    // The navbar slides to the other side: wait until the page no longer runs under it.
    await page.waitForFunction(() => {
      const heading = document.querySelector("h1")?.getBoundingClientRect();
      const nav = document.querySelector("[data-testid=nav]")?.getBoundingClientRect();
      return heading !== undefined && nav !== undefined && heading.right <= nav.left;
    });
    await page.screenshot({ path: "/tmp/frontline-mail-ar.png", fullPage: true });
    await page.getByTestId("user-menu").click();
    await page.getByTestId("language-en").click();
    await page.getByRole("heading", { name: "Mail", level: 1 }).waitFor();

    // The switch's input is visually hidden behind its track: toggle it as a keyboard user does.
    await page.getByRole("switch", { name: "Check help@demo.test" }).press("Space");
    await row.getByText("Disabled").waitFor();
    await page.screenshot({ path: "/tmp/frontline-mail-disabled-en.png", fullPage: true });
    await expect(page.getByRole("switch", { name: "Check help@demo.test" }).isChecked()).resolves.toBe(false);

    await page.getByRole("button", { name: "Remove help@demo.test" }).click();
    const confirm = page.getByRole("dialog", { name: "Remove this mailbox?" });
    await confirm.getByText("Frontline stops checking help@demo.test").waitFor();
    await confirm.getByRole("button", { name: "Remove", exact: true }).click();
    await confirm.waitFor({ state: "hidden" });
    await page.getByText("No mailboxes yet.").waitFor();
    await expect(row.count()).resolves.toBe(0);
  }, 120_000);

  it("is not offered to an agent, and its address sends them home", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, "agent@demo.test");
    await expect(page.getByTestId("nav").getByRole("link", { name: "Mail" }).count()).resolves.toBe(0);
    await page.goto(`${app.frontline.url}/admin/mail`);
    await page.waitForURL(/\/inbox/);
    const res = await page.request.get(`${app.frontline.url}/api/v1/channels/imap-mailboxes`);
    expect(res.status()).toBe(403);
  });
});
