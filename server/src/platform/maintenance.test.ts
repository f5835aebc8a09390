import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testDeps } from "../../test/harness";
import type { Deps } from "./context";
import { rowsOf } from "./db";
import { analyzeNow } from "./maintenance";

let deps: Deps;

beforeAll(async () => {
  deps = await testDeps();
});

const role = async () => rowsOf<{ r: string }>(await deps.database.db.execute(sql`SELECT current_user AS r`))[0]?.r;

describe("planner statistics", () => {
  it("are gathered for the tables, and the application is back in its own role afterwards", async () => {
    const before = Date.now();
    await analyzeNow(deps.database);
    const [tickets] = rowsOf<{ at: string | Date | null }>(
      await deps.database.db.execute(
        sql`SELECT greatest(last_analyze, last_autoanalyze) AS at FROM pg_stat_user_tables WHERE relname = 'tickets'`,
      ),
    );
    expect(tickets?.at).not.toBeNull();
    expect(new Date(tickets!.at!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await role()).toBe("frontline_app");
  });
});
