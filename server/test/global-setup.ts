import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** One temporary folder per test run for the workers' embedded databases, removed when the run ends. */
export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-test-run-"));
  process.env.FRONTLINE_TEST_TMP = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
