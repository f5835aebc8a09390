import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { systemCtx } from "../../platform/context";
import { rowsOf } from "../../platform/db";
import { inOrg } from "../../platform/tenancy";
import { updateCustomerSelf } from "./customer-self";
import { findCustomer } from "./customers.queries";
import { findOrCreateCustomerByEmail, findOrCreateCustomerByPhone } from "./customers.service";

let h: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  h = await testApp();
});

describe("what a transaction remembers of the customers it read", () => {
  it("answers a second read from memory, and every write through this module forgets it", async () => {
    const org = await makeOrg(h);
    const email = uniqueEmail("memo");
    await inOrg(h.deps.database, org.orgId, async (s) => {
      const created = await findOrCreateCustomerByEmail(s, email, "Ana Pop");
      // Written without being read back, yet known as written: the same row, identity included.
      const first = await findCustomer(s, created.id);
      expect(first).toEqual(created);
      // A caller changing its copy changes nothing the next reader sees.
      first!.name = "Changed by a caller";
      first!.identities.length = 0;
      expect((await findCustomer(s, created.id))!.name).toBe("Ana Pop");
      expect((await findCustomer(s, created.id))!.identities).toHaveLength(1);

      await updateCustomerSelf(s, systemCtx(h.deps, org.orgId), created.id, { name: "Ana Maria Pop", locale: "ro" });
      expect(await findCustomer(s, created.id)).toMatchObject({ name: "Ana Maria Pop", locale: "ro" });

      // Adding a phone to a known email: the identity list grows in what the next read says.
      const byPhone = await findOrCreateCustomerByPhone(s, "+40 721 000 111", { email });
      expect(byPhone.id).toBe(created.id);
      const after = (await findCustomer(s, created.id))!;
      expect(after.phone).toBe("+40 721 000 111");
      expect(after.identities.map((i) => i.channel).sort()).toEqual(["email", "phone"]);
      // What the database holds agrees with memory.
      const [row] = rowsOf<{ name: string; locale: string; phone: string }>(
        await s.tx.execute(
          sql`SELECT name, locale, phone FROM customers WHERE org_id = ${org.orgId} AND id = ${created.id}`,
        ),
      );
      expect(row).toEqual({ name: "Ana Maria Pop", locale: "ro", phone: "+40 721 000 111" });
    });
  });

  it("lasts one transaction: the next one reads what was committed", async () => {
    const org = await makeOrg(h);
    const id = await inOrg(h.deps.database, org.orgId, async (s) => {
      const c = await findOrCreateCustomerByEmail(s, uniqueEmail("memo"), "Before");
      return c.id;
    });
    await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx.execute(sql`UPDATE customers SET name = 'After' WHERE org_id = ${org.orgId} AND id = ${id}`),
    );
    expect((await inOrg(h.deps.database, org.orgId, (s) => findCustomer(s, id)))!.name).toBe("After");
  });

  it("is kept right by construction: every write to the customer tables goes through `writing`", () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const modules = path.resolve(dir, "..");
    const direct = /\.tx\s*\.(insert|update|delete)\((customers|customerIdentities)\)/;
    const rawSql = /\b(INSERT INTO|UPDATE|DELETE FROM)\s+"?(customers|customer_identities)\b/i;
    const offenders: string[] = [];
    for (const mod of readdirSync(modules)) {
      for (const file of readdirSync(path.join(modules, mod)).filter(
        (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
      )) {
        const text = readFileSync(path.join(modules, mod, file), "utf8");
        if (direct.test(text) || rawSql.test(text)) offenders.push(`${mod}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
