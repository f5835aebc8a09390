import {
  type CreateViewInput,
  one,
  pageOf,
  type UpdateViewInput,
  type View,
  type ViewCount,
  viewCountSchema,
  viewSchema,
} from "@frontline/common";
import { apiDelete, apiGet, apiPatch, apiPost } from "./client";

// Views and their counts come as one unpaged list: `{ data: [...] }`.
const viewList = pageOf(viewSchema).pick({ data: true });
const countList = pageOf(viewCountSchema).pick({ data: true });
const viewResponse = one(viewSchema);

/** The caller's own views and those shared with their teams, in display order. */
export async function listViews(signal?: AbortSignal): Promise<View[]> {
  return (await apiGet("/views", viewList, undefined, signal)).data;
}

/** How many tickets each of the caller's views holds, exactly. */
export async function countViews(signal?: AbortSignal): Promise<ViewCount[]> {
  return (await apiGet("/views/counts", countList, undefined, signal)).data;
}

/** Saves a view; with `teamId` it is shared with that team (supervisors and above). */
export async function createView(input: CreateViewInput): Promise<View> {
  return (await apiPost("/views", input, viewResponse)).data;
}

/** Renames, re-filters or re-shares a view (`teamId: null` makes it personal again). */
export async function updateView(id: string, input: UpdateViewInput): Promise<View> {
  return (await apiPatch(`/views/${encodeURIComponent(id)}`, input, viewResponse)).data;
}

/** Deletes a view for everyone who sees it. */
export function deleteView(id: string): Promise<void> {
  return apiDelete(`/views/${encodeURIComponent(id)}`);
}
