import type { CustomField } from "../contracts/custom-fields";

/** What the check needs of a definition. */
export type CustomFieldDef = Pick<CustomField, "key" | "type" | "required" | "active"> & { options: readonly string[] };
type Def = CustomFieldDef;

export interface CustomFieldCheck {
  /** The values to store: known keys only, each normalised for its type; null clears a field. */
  values: Record<string, unknown>;
  /** Field path (`customFields.<key>`) → messages; empty when everything is valid. */
  errors: Record<string, string[]>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks submitted custom-field values against an organisation's definitions.
 * `current` holds the stored values: required fields are checked on the merged result.
 */
export function checkCustomFields(
  defs: readonly Def[],
  submitted: Record<string, unknown>,
  current: Record<string, unknown> = {},
): CustomFieldCheck {
  const errors: Record<string, string[]> = {};
  const values: Record<string, unknown> = {};
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const fail = (key: string, message: string) => {
    errors[`customFields.${key}`] = [message];
  };
  for (const [key, raw] of Object.entries(submitted)) {
    const def = byKey.get(key);
    if (!def?.active) {
      fail(key, "Unknown field");
      continue;
    }
    if (raw === null) {
      values[key] = null;
      continue;
    }
    const normalised = normalise(def, raw);
    if (normalised === undefined) fail(key, messageFor(def));
    else values[key] = normalised;
  }
  for (const def of defs) {
    if (!def.required || !def.active) continue;
    const merged = def.key in values ? values[def.key] : current[def.key];
    if ((merged === undefined || merged === null || merged === "") && !errors[`customFields.${def.key}`]) {
      fail(def.key, "Required");
    }
  }
  return { values, errors };
}

function normalise(def: Def, raw: unknown): unknown {
  switch (def.type) {
    case "text":
      return typeof raw === "string" && raw.length <= 10_000 ? raw.trim() : undefined;
    case "number":
      return typeof raw === "number" && Number.isFinite(raw) ? raw : undefined;
    case "checkbox":
      return typeof raw === "boolean" ? raw : undefined;
    case "date":
      return typeof raw === "string" && DATE.test(raw) && isRealDate(raw) ? raw : undefined;
    case "dropdown":
      return typeof raw === "string" && def.options.includes(raw) ? raw : undefined;
  }
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function messageFor(def: Def): string {
  switch (def.type) {
    case "text":
      return "Expected text (at most 10,000 characters)";
    case "number":
      return "Expected a number";
    case "checkbox":
      return "Expected true or false";
    case "date":
      return "Expected a date as YYYY-MM-DD";
    case "dropdown":
      return `Expected one of: ${def.options.join(", ")}`;
  }
}
