import { defineConfig } from "vitest/config";

// One run covers every workspace's tests; the browser flows live in e2e/ and run after these.
export default defineConfig({
  test: {
    projects: ["common", "server", "web"],
    // Two cores: two workers, each with its own database (see server/test/harness.ts).
    maxWorkers: 2,
  },
});
