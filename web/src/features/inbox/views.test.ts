import { describe, expect, it } from "vitest";
import { activeFilterCount, buildTicketQuery, countLabel, countQueryFor, moveCursor, parseInboxSearch } from "./views";

const ME = "0f0f0f0f-1111-4222-8333-444455556666";
const OTHER = "1f0f0f0f-1111-4222-8333-444455556666";
const TEAM = "2f0f0f0f-1111-4222-8333-444455556666";

describe("built-in views", () => {
  it("become the list filters the brief defines", () => {
    expect(countQueryFor("mine", ME)).toEqual({ status: "new,open,pending,on_hold", assigneeId: ME });
    expect(countQueryFor("unassigned", ME)).toEqual({ status: "new,open", assigneeId: "none" });
    expect(countQueryFor("open", ME)).toEqual({ status: "new,open,pending,on_hold" });
    expect(countQueryFor("pending", ME)).toEqual({ status: "pending" });
    expect(countQueryFor("solved", ME)).toEqual({ status: "solved" });
    expect(countQueryFor("all", ME)).toEqual({});
  });

  it("sort by latest update unless told otherwise", () => {
    expect(buildTicketQuery("all", {}, ME)).toEqual({ sort: "updated_desc" });
    expect(buildTicketQuery("all", { sort: "created_asc" }, ME)).toEqual({ sort: "created_asc" });
  });
});

describe("filters on a view", () => {
  it("narrow the view's statuses to the ones chosen", () => {
    expect(buildTicketQuery("open", { status: "pending,solved" }, ME)?.status).toBe("pending");
    expect(buildTicketQuery("all", { status: "solved,closed" }, ME)?.status).toBe("solved,closed");
  });

  it("give null when nothing can match, so nothing is fetched", () => {
    expect(buildTicketQuery("solved", { status: "open" }, ME)).toBeNull();
    expect(buildTicketQuery("mine", { assignee: OTHER }, ME)).toBeNull();
    expect(buildTicketQuery("unassigned", { assignee: "me" }, ME)).toBeNull();
  });

  it("resolve 'me' and keep an agreeing assignee", () => {
    expect(buildTicketQuery("open", { assignee: "me" }, ME)?.assigneeId).toBe(ME);
    expect(buildTicketQuery("mine", { assignee: ME }, ME)?.assigneeId).toBe(ME);
    expect(buildTicketQuery("all", { assignee: "none" }, ME)?.assigneeId).toBe("none");
  });

  it("pass team, priority, channel and tag through", () => {
    expect(buildTicketQuery("all", { team: TEAM, priority: "high,urgent", channel: "email", tag: "vip" }, ME)).toEqual({
      teamId: TEAM,
      priority: "high,urgent",
      channel: "email",
      tag: "vip",
      sort: "updated_desc",
    });
  });

  it("show one customer's tickets by their id", () => {
    expect(buildTicketQuery("all", { requester: OTHER }, ME)).toEqual({ requesterId: OTHER, sort: "updated_desc" });
  });
});

describe("parseInboxSearch", () => {
  it("keeps what is valid and drops the rest", () => {
    expect(
      parseInboxSearch({
        view: "solved",
        status: "pending,bogus,new,new",
        priority: "urgent",
        channel: "fax",
        assignee: "me",
        team: "not-an-id",
        tag: " VIP ",
        sort: "random",
      }),
    ).toEqual({ view: "solved", status: "new,pending", priority: "urgent", assignee: "me", tag: "vip" });
  });

  it("accepts ids, 'none', and a numeric tag the router parsed as a number", () => {
    expect(parseInboxSearch({ assignee: OTHER, team: "none", tag: 2024 })).toEqual({
      assignee: OTHER,
      team: "none",
      tag: "2024",
    });
  });

  it("keeps a customer and a saved view only when they are ids", () => {
    expect(parseInboxSearch({ requester: OTHER, saved: TEAM })).toEqual({ requester: OTHER, saved: TEAM });
    expect(parseInboxSearch({ requester: "ana@example.com", saved: "mine" })).toEqual({});
  });

  it("ignores an unknown view and values of the wrong type", () => {
    expect(parseInboxSearch({ view: "everything", status: ["open"], tag: "a b" })).toEqual({});
  });

  it("counts the filters set beyond the view", () => {
    expect(activeFilterCount({ view: "all", sort: "created_asc" })).toBe(0);
    expect(activeFilterCount({ status: "open", tag: "vip", team: "none" })).toBe(3);
    expect(activeFilterCount({ requester: OTHER, saved: TEAM })).toBe(1);
  });
});

describe("countLabel", () => {
  const format = (n: number) => new Intl.NumberFormat("en").format(n);
  it("shows the number, or N+ when there is more than one page", () => {
    expect(countLabel({ count: 12, more: false }, format)).toBe("12");
    expect(countLabel({ count: 200, more: true }, format)).toBe("200+");
  });
});

describe("moveCursor", () => {
  it("starts at the first or last row and stays inside the list", () => {
    expect(moveCursor(-1, 1, 3)).toBe(0);
    expect(moveCursor(-1, -1, 3)).toBe(2);
    expect(moveCursor(0, -1, 3)).toBe(0);
    expect(moveCursor(2, 1, 3)).toBe(2);
    expect(moveCursor(1, 1, 3)).toBe(2);
    expect(moveCursor(5, 1, 3)).toBe(0);
    expect(moveCursor(0, 1, 0)).toBe(-1);
  });
});

describe("the escalated filter", () => {
  it("reads only 'true' from the address, counts as a filter, and asks for escalated tickets", () => {
    expect(parseInboxSearch({ escalated: true })).toEqual({ escalated: true });
    expect(parseInboxSearch({ escalated: "true" })).toEqual({ escalated: true });
    expect(parseInboxSearch({ escalated: "yes" })).toEqual({});
    expect(activeFilterCount({ escalated: true })).toBe(1);
    expect(buildTicketQuery("open", { escalated: true }, ME)).toEqual({
      status: "new,open,pending,on_hold",
      escalated: "true",
      sort: "updated_desc",
    });
  });
});
