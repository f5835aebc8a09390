import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../../test/harness";
import type { Deps } from "./context";
import { rowsOf } from "./db";

let deps: Deps;

beforeAll(async () => {
  deps = await testDeps();
});

const setting = async (name: string) =>
  rowsOf<{ v: string }>(await deps.database.db.execute(sql`SELECT current_setting(${name}) AS v`))[0]!.v;

describe("the database is opened as Frontline needs it", () => {
  it("as the application role, which row-level security applies to", async () => {
    expect(await setting("role")).toBe("frontline_app");
  });

  it("with a small buffer cache when embedded, and without JIT compilation on a server", async () => {
    if (deps.database.kind === "pglite") {
      // The process's resident size at a million tickets depends on it (decision 029).
      expect(await setting("shared_buffers")).toBe("32MB");
    } else {
      // Compiling the search's statements cost more than running them (decision 030).
      expect(await setting("jit")).toBe("off");
    }
  });
});
