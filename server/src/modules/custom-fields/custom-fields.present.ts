import type { CustomField } from "@frontline/common";
import type { CustomFieldRow } from "./custom-fields.service";

/** Definition row → API shape. */
export function present(r: CustomFieldRow): CustomField {
  return {
    id: r.id,
    entity: r.entity,
    key: r.key,
    label: r.label,
    type: r.type,
    options: r.options,
    required: r.required,
    active: r.active,
    position: r.position,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
