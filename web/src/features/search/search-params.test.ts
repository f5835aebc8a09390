import { describe, expect, it } from "vitest";
import { customersWanted, filtersTickets, MAX_QUERY_LENGTH, parseSearchPage } from "./search-params";

describe("parseSearchPage", () => {
  it("keeps the words and the known filters, in canonical order", () => {
    expect(
      parseSearchPage({
        q: "  router  ",
        type: "customer,ticket,bogus",
        status: "open,new",
        priority: "x",
        channel: "email",
      }),
    ).toEqual({ q: "router", type: "ticket,customer", status: "new,open", channel: "email" });
  });

  it("takes what the router parsed as JSON back as the words typed", () => {
    expect(parseSearchPage({ q: 2024 })).toEqual({ q: "2024" });
    expect(parseSearchPage({ q: true })).toEqual({ q: "true" });
    expect(parseSearchPage({ q: null })).toEqual({ q: "null" });
    expect(parseSearchPage({ q: [1, 2] })).toEqual({ q: "[1,2]" });
  });

  it("drops empty words and cuts words longer than the server takes", () => {
    expect(parseSearchPage({ q: "   " })).toEqual({});
    expect(parseSearchPage({ q: "a".repeat(MAX_QUERY_LENGTH + 10) }).q).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe("what a search can find", () => {
  it("leaves customers out when a ticket field narrows it, or when other types are chosen", () => {
    expect(filtersTickets({ q: "a" })).toBe(false);
    expect(filtersTickets({ q: "a", type: "customer" })).toBe(false);
    expect(filtersTickets({ q: "a", priority: "urgent" })).toBe(true);
    expect(customersWanted({ q: "a" })).toBe(true);
    expect(customersWanted({ q: "a", type: "ticket,message" })).toBe(false);
  });
});
