import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser";
import { type RunningFrontline, startFrontline } from "./frontline";

/** What a browser test file works with: its own Frontline process and Chromium. */
export interface E2eApp {
  frontline: RunningFrontline;
  browser: Browser;
}

/**
 * Starts a Frontline process (with `env`'s settings, read when the file's tests begin) and Chromium
 * before a test file's tests, and stops both after them.
 */
export function withFrontline(env: () => NodeJS.ProcessEnv | Promise<NodeJS.ProcessEnv> = () => ({})): E2eApp {
  const app = {} as E2eApp;
  beforeAll(async () => {
    [app.frontline, app.browser] = await Promise.all([startFrontline(await env()), launchChromium()]);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.frontline?.stop();
  });
  return app;
}
