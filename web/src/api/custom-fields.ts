import { type CustomField, customFieldSchema, pageOf } from "@frontline/common";
import { apiGet } from "./client";

// The definitions come as one unpaged list: `{ data: [...] }`.
const fieldList = pageOf(customFieldSchema).pick({ data: true });

/** Every custom-field definition for tickets or customers, in display order. */
export async function listCustomFields(entity: CustomField["entity"], signal?: AbortSignal): Promise<CustomField[]> {
  const { data } = await apiGet("/custom-fields", fieldList, { entity }, signal);
  return data.sort((a, b) => a.position - b.position);
}
