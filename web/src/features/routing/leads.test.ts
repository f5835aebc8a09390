import { describe, expect, it } from "vitest";
import { leadsAgent, leadsTeam, pickTeam } from "./leads";

describe("who leads whom on the routing page", () => {
  it("lets managers and admins change every team, a supervisor only their own, an agent none", () => {
    expect(leadsTeam({ role: "admin", teamIds: [] }, "t1")).toBe(true);
    expect(leadsTeam({ role: "manager", teamIds: [] }, "t1")).toBe(true);
    expect(leadsTeam({ role: "supervisor", teamIds: ["t1"] }, "t1")).toBe(true);
    expect(leadsTeam({ role: "supervisor", teamIds: ["t2"] }, "t1")).toBe(false);
    expect(leadsTeam({ role: "agent", teamIds: ["t1"] }, "t1")).toBe(false);
  });

  it("lets a supervisor set up people who share a team with them", () => {
    expect(leadsAgent({ role: "supervisor", teamIds: ["t1", "t2"] }, ["t3", "t2"])).toBe(true);
    expect(leadsAgent({ role: "supervisor", teamIds: ["t1"] }, [])).toBe(false);
    expect(leadsAgent({ role: "manager", teamIds: [] }, [])).toBe(true);
    expect(leadsAgent({ role: "agent", teamIds: ["t1"] }, ["t1"])).toBe(false);
  });

  it("opens the team asked for, else the supervisor's own first, else the first there is", () => {
    const teams = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(pickTeam("c", teams, ["b"])).toBe("c");
    expect(pickTeam("gone", teams, ["b"])).toBe("b");
    expect(pickTeam(undefined, teams, [])).toBe("a");
    expect(pickTeam(undefined, [], ["b"])).toBeNull();
  });
});
