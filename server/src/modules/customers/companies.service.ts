import type { createCompanyInput, pageQuerySchema, updateCompanyInput } from "@frontline/common";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx } from "../../platform/context";
import { isUniqueViolation } from "../../platform/db-errors";
import { AppError, notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { decodeCursor, pageFrom } from "../../platform/paging";
import { inOrg } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { companies } from "./customers.tables";

export type CompanyRow = typeof companies.$inferSelect;

/** Lists companies by name. */
export async function listCompanies(ctx: Ctx, q: z.infer<typeof pageQuerySchema>) {
  const after = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
  const rows = await inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx
      .select()
      .from(companies)
      .where(
        and(
          eq(companies.orgId, s.orgId),
          after ? sql`(lower(${companies.name}), ${companies.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(sql`lower(${companies.name})`, companies.id)
      .limit(q.limit + 1),
  );
  return pageFrom(rows, q.limit, (r) => [r.name.toLowerCase(), r.id]);
}

/** One company; 404 when unknown or foreign. */
export async function getCompany(ctx: Ctx, id: string): Promise<CompanyRow> {
  const [row] = await inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx
      .select()
      .from(companies)
      .where(and(eq(companies.orgId, s.orgId), eq(companies.id, id))),
  );
  if (!row) throw notFound("Company");
  return row;
}

/** Creates a company; names and domains are unique in the organisation. */
export async function createCompany(ctx: Ctx, input: z.infer<typeof createCompanyInput>): Promise<CompanyRow> {
  try {
    return await inOrg(ctx.database, ctx.orgId, async (s) => {
      const [row] = await s.tx
        .insert(companies)
        .values({ orgId: s.orgId, id: newId(), name: input.name, domain: input.domain || null, notes: input.notes })
        .returning();
      await recordAudit(s, ctx, {
        action: "company.created",
        entityType: "company",
        entityId: row!.id,
        changes: diff({}, { name: row!.name, domain: row!.domain }),
      });
      return row!;
    });
  } catch (err) {
    throw conflict(err);
  }
}

/** Changes a company. */
export async function updateCompany(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof updateCompanyInput>,
): Promise<CompanyRow> {
  try {
    return await inOrg(ctx.database, ctx.orgId, async (s) => {
      const [before] = await s.tx
        .select()
        .from(companies)
        .where(and(eq(companies.orgId, s.orgId), eq(companies.id, id)));
      if (!before) throw notFound("Company");
      const [after] = await s.tx
        .update(companies)
        // An emptied domain is no domain, not one more company holding "".
        .set({ ...input, ...(input.domain === "" ? { domain: null } : {}), updatedAt: new Date() })
        .where(and(eq(companies.orgId, s.orgId), eq(companies.id, id)))
        .returning();
      const pick = (r: CompanyRow) => ({ name: r.name, domain: r.domain, notes: r.notes });
      await recordAudit(s, ctx, {
        action: "company.updated",
        entityType: "company",
        entityId: id,
        changes: diff(pick(before), pick(after!)),
      });
      return after!;
    });
  } catch (err) {
    throw conflict(err);
  }
}

function conflict(err: unknown): unknown {
  if (!isUniqueViolation(err)) return err;
  // Name the field that clashed: the domain index, or else the name.
  const field = constraintOf(err) === "companies_org_domain_key" ? "domain" : "name";
  return new AppError("conflict", `A company with this ${field} already exists`, { [field]: ["Already in use"] });
}

/** The constraint a driver error names, looking through ORM wrappers. */
function constraintOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === "object"; i++) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (typeof constraint === "string") return constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
