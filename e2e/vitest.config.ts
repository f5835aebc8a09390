import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e",
    include: ["src/**/*.test.ts"],
    // Each file starts its own Frontline and Chromium; two at a time suits a 2-core machine.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page under load may take seconds to show what a poll waits for; the default gives up after one.
    expect: { poll: { timeout: 15_000 } },
  },
});
