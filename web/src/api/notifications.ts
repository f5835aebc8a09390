import {
  type MarkNotificationsReadInput,
  type Notification,
  notificationSchema,
  pageOf,
  unreadCountSchema,
} from "@frontline/common";
import { apiGet, apiPost } from "./client";

const notificationPage = pageOf(notificationSchema);

/** The newest of the signed-in person's notifications. */
export async function listNotifications(limit: number, signal?: AbortSignal): Promise<Notification[]> {
  return (await apiGet("/notifications", notificationPage, { limit }, signal)).data;
}

/** How many of the signed-in person's notifications are unread. */
export async function countUnreadNotifications(signal?: AbortSignal): Promise<number> {
  return (await apiGet("/notifications/count", unreadCountSchema, undefined, signal)).data.unread;
}

/** Marks some or all of them read; answers how many stay unread. */
export async function markNotificationsRead(input: MarkNotificationsReadInput): Promise<number> {
  return (await apiPost("/notifications/read", input, unreadCountSchema)).data.unread;
}
