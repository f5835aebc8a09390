import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Candidate, type ChooseOptions, chooseAgent, eligibleAgents, meetsNeed } from "./choose-agent";

const SKILL_VAT = "01900000-0000-7000-8000-00000000000a";
const SKILL_SEPA = "01900000-0000-7000-8000-00000000000b";

/** An online agent with room, speaking English, with no skills; `over` changes what the case needs. */
const agent = (userId: string, over: Partial<Candidate> = {}): Candidate => ({
  userId,
  presence: "online",
  speaks: ["en"],
  skillIds: [],
  load: 0,
  capacity: 5,
  lastAssignedAt: null,
  ...over,
});

const none = { skillIds: [], language: null };
const rr: ChooseOptions = { strategy: "round_robin", skillMatching: true, languageMatching: true, lastUserId: null };
const ll: ChooseOptions = { ...rr, strategy: "least_loaded" };

describe("round robin", () => {
  it("starts with the first agent and takes turns after the last pick, wrapping round", () => {
    const team = [agent("c"), agent("a"), agent("b")];
    const picks: string[] = [];
    let last: string | null = null;
    for (let i = 0; i < 5; i++) {
      const choice = chooseAgent(none, team, { ...rr, lastUserId: last });
      last = "userId" in choice ? choice.userId : null;
      picks.push(String(last));
    }
    expect(picks).toEqual(["a", "b", "c", "a", "b"]);
  });

  it("skips whoever cannot take it and carries on after the last pick even if that agent left", () => {
    const team = [agent("a"), agent("b", { presence: "away" }), agent("c"), agent("d", { load: 5 })];
    expect(chooseAgent(none, team, { ...rr, lastUserId: "a" })).toEqual({ userId: "c" });
    expect(chooseAgent(none, team, { ...rr, lastUserId: "c" })).toEqual({ userId: "a" });
    expect(chooseAgent(none, [agent("a"), agent("c")], { ...rr, lastUserId: "b" })).toEqual({ userId: "c" });
  });
});

describe("least loaded", () => {
  it("picks the lowest load, whatever the capacity left", () => {
    const team = [agent("a", { load: 3, capacity: 10 }), agent("b", { load: 1, capacity: 2 }), agent("c", { load: 2 })];
    expect(chooseAgent(none, team, ll)).toEqual({ userId: "b" });
  });

  it("breaks a tie by who waited longest since their last routed ticket (never first), then by id", () => {
    const at = (iso: string) => new Date(iso);
    const team = [
      agent("a", { load: 1, lastAssignedAt: at("2026-01-01T10:00:00Z") }),
      agent("b", { load: 1, lastAssignedAt: at("2026-01-01T09:00:00Z") }),
      agent("c", { load: 2, lastAssignedAt: null }),
    ];
    expect(chooseAgent(none, team, ll)).toEqual({ userId: "b" });
    expect(chooseAgent(none, [...team, agent("d", { load: 1 })], ll)).toEqual({ userId: "d" });
    expect(chooseAgent(none, [agent("f", { load: 1 }), agent("e", { load: 1 })], ll)).toEqual({ userId: "e" });
  });
});

describe("matching", () => {
  const need = { skillIds: [SKILL_VAT, SKILL_SEPA], language: "de" };
  const team = [
    agent("a", { speaks: ["en", "de"], skillIds: [SKILL_VAT] }),
    agent("b", { speaks: ["en"], skillIds: [SKILL_VAT, SKILL_SEPA] }),
    agent("c", { speaks: ["ro", "de"], skillIds: [SKILL_SEPA, SKILL_VAT], load: 4 }),
  ];

  it("gives the ticket only to someone with every skill and the language", () => {
    expect(chooseAgent(need, team, ll)).toEqual({ userId: "c" });
  });

  it("ignores skills or language when the team does not match on them", () => {
    expect(chooseAgent(need, team, { ...ll, skillMatching: false })).toEqual({ userId: "a" });
    expect(chooseAgent(need, team, { ...ll, languageMatching: false })).toEqual({ userId: "b" });
    expect(chooseAgent({ skillIds: [], language: null }, team, ll)).toEqual({ userId: "a" });
  });

  it("names the first reason that leaves nobody: online, skill, language, capacity", () => {
    expect(chooseAgent(need, [agent("a", { presence: "away" }), agent("b", { presence: "offline" })], ll)).toEqual({
      waits: "nobody_online",
    });
    expect(chooseAgent(need, [agent("a", { speaks: ["de"], skillIds: [SKILL_VAT] })], ll)).toEqual({
      waits: "missing_skill",
    });
    expect(chooseAgent(need, [agent("b", { skillIds: [SKILL_SEPA, SKILL_VAT] })], ll)).toEqual({
      waits: "missing_language",
    });
    expect(chooseAgent(need, [{ ...team[2]!, load: 5 }, agent("x", { presence: "away" })], ll)).toEqual({
      waits: "no_capacity",
    });
    expect(chooseAgent(none, [agent("z", { capacity: 0 })], rr)).toEqual({ waits: "no_capacity" });
    expect(chooseAgent(none, [], rr)).toEqual({ waits: "nobody_online" });
  });

  it("leaves out the agent who handed the ticket back", () => {
    expect(chooseAgent(none, [agent("a"), agent("b", { load: 3 })], { ...ll, excludeUserId: "a" })).toEqual({
      userId: "b",
    });
    expect(chooseAgent(none, [agent("a")], { ...ll, excludeUserId: "a" })).toEqual({ waits: "nobody_online" });
  });

  it("tells whether someone who holds the ticket has what it asks, whatever their presence and load", () => {
    const away = team.map((c): Candidate => ({ ...c, presence: "offline", load: 99 }));
    expect(away.map((c) => meetsNeed(need, c, ll))).toEqual([false, false, true]);
    expect(team.map((c) => meetsNeed(need, c, { ...ll, skillMatching: false }))).toEqual([true, false, true]);
    expect(team.map((c) => meetsNeed(need, c, { ...ll, languageMatching: false }))).toEqual([false, true, true]);
    expect(meetsNeed({ skillIds: [SKILL_VAT], language: null }, team[0]!, ll)).toBe(true);
  });
});

describe("whatever the team looks like", () => {
  const candidate = fc.record({
    userId: fc.constantFrom("a", "b", "c", "d", "e", "f"),
    presence: fc.constantFrom("online", "away", "offline" as const),
    speaks: fc.subarray(["en", "de", "ar"]),
    skillIds: fc.subarray([SKILL_VAT, SKILL_SEPA]),
    load: fc.nat(6),
    capacity: fc.nat(6),
    lastAssignedAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
  });
  const team = fc.uniqueArray(candidate, { selector: (c) => c.userId, maxLength: 6 });
  const need = fc.record({
    skillIds: fc.subarray([SKILL_VAT, SKILL_SEPA]),
    language: fc.option(fc.constantFrom("en", "de", "ar"), { nil: null }),
  });
  const options = fc.record({
    strategy: fc.constantFrom("round_robin", "least_loaded" as const),
    skillMatching: fc.boolean(),
    languageMatching: fc.boolean(),
    lastUserId: fc.option(fc.constantFrom("a", "c", "f"), { nil: null }),
  });

  it("only ever picks an online agent with room, the skills and the language; waits only when none is", () => {
    fc.assert(
      fc.property(need, team, options, (n, t, o) => {
        const choice = chooseAgent(n, t, o);
        const fits = (c: Candidate) =>
          c.presence === "online" &&
          c.load < c.capacity &&
          (!o.skillMatching || n.skillIds.every((s) => c.skillIds.includes(s))) &&
          (!o.languageMatching || n.language === null || c.speaks.includes(n.language));
        if ("userId" in choice) expect(fits(t.find((c) => c.userId === choice.userId)!)).toBe(true);
        else expect(t.filter(fits)).toEqual([]);
        const pool = eligibleAgents(n, t, o);
        if ("userId" in choice && typeof pool !== "string" && o.strategy === "least_loaded") {
          expect(Math.min(...pool.map((c) => c.load))).toBe(t.find((c) => c.userId === choice.userId)!.load);
        }
      }),
    );
  });

  it("round robin gives each of n eligible agents exactly one of n tickets in a row", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e"), { minLength: 1 }), (ids) => {
        const t = ids.map((id) => agent(id));
        let last: string | null = null;
        const got = ids.map(() => {
          const choice = chooseAgent(none, t, { ...rr, lastUserId: last });
          last = "userId" in choice ? choice.userId : null;
          return last;
        });
        expect([...got].sort()).toEqual([...ids].sort());
      }),
    );
  });
});
