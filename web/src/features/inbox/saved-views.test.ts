import type { Me, View } from "@frontline/common";
import { describe, expect, it } from "vitest";
import { canEditView, inboxSearchOf, matchesSavedView, savableView } from "./saved-views";
import { parseInboxSearch } from "./views";

const ME = "0f0f0f0f-1111-4222-8333-444455556666";
const OTHER = "1f0f0f0f-1111-4222-8333-444455556666";
const TEAM = "2f0f0f0f-1111-4222-8333-444455556666";
const VIEW_ID = "3f0f0f0f-1111-4222-8333-444455556666";

const view = (filters: View["filters"], extra: Partial<View> = {}): View => ({
  id: VIEW_ID,
  name: "Urgent billing",
  scope: "personal",
  teamId: null,
  ownerId: ME,
  filters,
  sort: "updated_desc",
  position: 0,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...extra,
});

describe("savableView", () => {
  it("keeps the built-in view's meaning, with 'me' for whoever looks", () => {
    expect(savableView("mine", { priority: "urgent,high", sort: "created_asc" }, ME)).toEqual({
      filters: { status: ["new", "open", "pending", "on_hold"], priority: ["high", "urgent"], assigneeId: "me" },
      sort: "created_asc",
    });
    expect(savableView("all", { assignee: ME, team: TEAM, channel: "phone,email", tag: "vip" }, ME)).toEqual({
      filters: { assigneeId: "me", teamId: TEAM, channel: ["email", "phone"], tag: "vip" },
      sort: "updated_desc",
    });
    expect(savableView("open", { status: "pending,solved", assignee: OTHER }, ME)).toEqual({
      filters: { status: ["pending"], assigneeId: OTHER },
      sort: "updated_desc",
    });
  });

  it("has nothing to save when no ticket could match, or for one customer's tickets", () => {
    expect(savableView("solved", { status: "open" }, ME)).toBeNull();
    expect(savableView("all", { requester: OTHER }, ME)).toBeNull();
  });
});

describe("inboxSearchOf", () => {
  it("opens a saved view as its filters on All, marked with its id, in a clean address", () => {
    const saved = view(
      { status: ["open", "new"], priority: ["urgent"], assigneeId: "me", teamId: TEAM, tag: "vip" },
      { sort: "created_desc" },
    );
    const search = inboxSearchOf(saved);
    expect(search).toEqual({
      view: "all",
      saved: VIEW_ID,
      status: "new,open",
      priority: "urgent",
      assignee: "me",
      team: TEAM,
      tag: "vip",
      sort: "created_desc",
    });
    expect(parseInboxSearch(search as Record<string, unknown>)).toEqual(search);
  });

  it("round-trips: a saved view opened and saved again is the same view", () => {
    const saved = view({ status: ["pending"], channel: ["chat", "email"], assigneeId: "none" });
    const reopened = savableView("all", inboxSearchOf(saved), ME);
    expect(matchesSavedView(saved, reopened, ME)).toBe(true);
  });
});

describe("matchesSavedView", () => {
  const saved = view({ priority: ["urgent", "high"], assigneeId: "me" });

  it("ignores order and whether the viewer is named by id or as 'me'", () => {
    expect(
      matchesSavedView(saved, { filters: { assigneeId: ME, priority: ["high", "urgent"] }, sort: "updated_desc" }, ME),
    ).toBe(true);
  });

  it("sees a changed filter, an added one, a new sort, and an impossible inbox", () => {
    const same = { assigneeId: "me" as const, priority: ["high" as const, "urgent" as const] };
    expect(matchesSavedView(saved, { filters: { ...same, priority: ["urgent"] }, sort: "updated_desc" }, ME)).toBe(
      false,
    );
    expect(matchesSavedView(saved, { filters: { ...same, tag: "vip" }, sort: "updated_desc" }, ME)).toBe(false);
    expect(matchesSavedView(saved, { filters: same, sort: "created_asc" }, ME)).toBe(false);
    expect(matchesSavedView(saved, null, ME)).toBe(false);
  });
});

describe("canEditView", () => {
  const person = (role: Me["role"], id = ME) => ({ id, role }) as Me;

  it("lets the owner change a personal view, and supervisors and above a team's", () => {
    expect(canEditView(view({}), person("agent"))).toBe(true);
    expect(canEditView(view({}), person("admin", OTHER))).toBe(false);
    const shared = view({}, { scope: "team", teamId: TEAM, ownerId: OTHER });
    expect(canEditView(shared, person("agent"))).toBe(false);
    expect(canEditView(shared, person("supervisor"))).toBe(true);
    expect(canEditView(shared, person("admin"))).toBe(true);
  });
});

describe("a saved view of escalated tickets", () => {
  it("keeps the filter when saved and opened again, and tells it apart from one without", () => {
    const saved = savableView("all", { escalated: true, priority: "urgent" }, ME);
    expect(saved).toEqual({ filters: { priority: ["urgent"], escalated: "true" }, sort: "updated_desc" });
    const stored = view(saved!.filters);
    expect(inboxSearchOf(stored)).toEqual({ view: "all", saved: VIEW_ID, priority: "urgent", escalated: true });
    expect(matchesSavedView(stored, saved, ME)).toBe(true);
    expect(matchesSavedView(stored, savableView("all", { priority: "urgent" }, ME), ME)).toBe(false);
  });
});
