import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "./frontline";

/** Signs a demo user in through the sign-in page and waits for the app shell. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("user-menu").waitFor();
}
