import type { CreateCustomFieldInput, CustomFieldDef, UpdateCustomFieldInput } from "@frontline/common";
import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "../../platform/context";
import { isUniqueViolation } from "../../platform/db-errors";
import { AppError, notFound } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { cachedConfig, configChanged } from "../../platform/org-config";
import { inOrg, type OrgTx } from "../../platform/tenancy";
import { diff, recordAudit } from "../audit";
import { customFieldDefs } from "./custom-fields.tables";

export type CustomFieldRow = typeof customFieldDefs.$inferSelect;

/** Field definitions of one entity, in display order; used to check submitted values. */
export async function fieldDefinitions(s: OrgTx, entity: "ticket" | "customer"): Promise<readonly CustomFieldDef[]> {
  return cachedConfig(s, `custom-fields:${entity}`, () =>
    s.tx
      .select({
        key: customFieldDefs.key,
        type: customFieldDefs.type,
        options: customFieldDefs.options,
        required: customFieldDefs.required,
        active: customFieldDefs.active,
      })
      .from(customFieldDefs)
      .where(and(eq(customFieldDefs.orgId, s.orgId), eq(customFieldDefs.entity, entity))),
  );
}

/** Every definition of the organisation, in display order. */
export async function listCustomFields(ctx: Ctx, entity?: "ticket" | "customer"): Promise<CustomFieldRow[]> {
  return inOrg(ctx.database, ctx.orgId, (s) =>
    s.tx
      .select()
      .from(customFieldDefs)
      .where(and(eq(customFieldDefs.orgId, s.orgId), entity ? eq(customFieldDefs.entity, entity) : undefined))
      .orderBy(asc(customFieldDefs.entity), asc(customFieldDefs.position), asc(customFieldDefs.key)),
  );
}

/** Defines a new field; its key is fixed for life because stored values are keyed by it. */
export async function createCustomField(ctx: Ctx, input: CreateCustomFieldInput): Promise<CustomFieldRow> {
  try {
    return await inOrg(ctx.database, ctx.orgId, async (s) => {
      configChanged(s);
      const [row] = await s.tx
        .insert(customFieldDefs)
        .values({ orgId: s.orgId, id: newId(), ...input })
        .returning();
      await recordAudit(s, ctx, {
        action: "custom_field.created",
        entityType: "custom_field",
        entityId: row!.id,
        changes: diff({}, { entity: row!.entity, key: row!.key, type: row!.type, label: row!.label }),
      });
      return row!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError("conflict", "A field with this key already exists", { key: ["Already in use"] });
    }
    throw err;
  }
}

/** Changes a field's label, options, requirement, order, or retires it (`active: false`). */
export async function updateCustomField(ctx: Ctx, id: string, input: UpdateCustomFieldInput): Promise<CustomFieldRow> {
  return inOrg(ctx.database, ctx.orgId, async (s) => {
    configChanged(s);
    const [before] = await s.tx
      .select()
      .from(customFieldDefs)
      .where(and(eq(customFieldDefs.orgId, s.orgId), eq(customFieldDefs.id, id)));
    if (!before) throw notFound("Custom field");
    if (input.options && before.type !== "dropdown") {
      throw new AppError("validation_failed", "Only a dropdown has options", {
        options: ["Only a dropdown has options"],
      });
    }
    if (input.options && input.options.length === 0) {
      throw new AppError("validation_failed", "A dropdown needs at least one option", {
        options: ["Needs at least one option"],
      });
    }
    if (input.options && new Set(input.options).size !== input.options.length) {
      throw new AppError("validation_failed", "Options must be different from each other", {
        options: ["Options must be different from each other"],
      });
    }
    const [after] = await s.tx
      .update(customFieldDefs)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(customFieldDefs.orgId, s.orgId), eq(customFieldDefs.id, id)))
      .returning();
    const pick = (r: CustomFieldRow) => ({
      label: r.label,
      options: r.options,
      required: r.required,
      active: r.active,
      position: r.position,
    });
    await recordAudit(s, ctx, {
      action: "custom_field.updated",
      entityType: "custom_field",
      entityId: id,
      changes: diff(pick(before), pick(after!)),
    });
    return after!;
  });
}
