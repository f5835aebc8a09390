import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { signIn as signInAs } from "./session";

const app = withFrontline();

const signIn = (page: Page, email: string) => signInAs(page, app.frontline.url, email);

describe("an admin manages staff in the browser", () => {
  it("signs in, creates a user, switches to Arabic (right to left) and signs out", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, "admin@demo.test");
    await expect(page.getByTestId("user-menu").textContent()).resolves.toContain("Ada Admin");

    await page.getByTestId("nav").getByRole("link", { name: "Staff" }).click();
    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Email").fill("new.agent@demo.test");
    await dialog.getByLabel("Name").fill("Nadia Newcomer");
    await dialog.getByLabel("Password").fill("a-strong-passphrase");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = page.getByRole("row", { name: /Nadia Newcomer/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("new.agent@demo.test");

    await page.getByTestId("user-menu").click();
    await page.getByTestId("language-ar").click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ar");
    const nav = await page.getByTestId("nav").boundingBox();
    expect(nav).not.toBeNull();
    expect(nav!.x).toBeGreaterThan(1280 / 2);

    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(async () => (await fetch("/api/v1/me")).status);
    expect(me).toBe(401);
  });
});
