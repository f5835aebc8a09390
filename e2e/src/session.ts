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

/**
 * Calls the API as the signed-in page: its session cookie, and the CSRF token from /me on writes.
 * Throws with the server's answer when it is not a success, so a failed set-up names its cause.
 */
export async function callApi<T>(
  page: Page,
  baseUrl: string,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  data?: unknown,
): Promise<T> {
  const me = await page.request.get(`${baseUrl}/api/v1/me`);
  const { csrfToken } = (await me.json()).data as { csrfToken: string };
  const response = await page.request.fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { "X-CSRF-Token": csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  if (response.status() >= 300)
    throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}
