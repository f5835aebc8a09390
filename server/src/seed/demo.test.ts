import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "../../test/client";
import { signedIn } from "../../test/factories";
import { testApp, testDeps } from "../../test/harness";
import { findUserByEmail } from "../modules/staff";
import { systemCtx } from "../platform/context";
import { type DemoResult, seedDemo } from "./demo";

// The demo as its first users meet it: seeded once through the services, read back over HTTP.

let h: Awaited<ReturnType<typeof testApp>>;
let demo: DemoResult;
const as: Record<string, Client> = {};

interface Ticket {
  id: string;
  number: number;
  subject: string;
  status: string;
  channel: string;
  priority: string;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  language: string | null;
  escalationLevel: number;
  slaDueAt: string | null;
}

let tickets: Ticket[];
let teams: Record<string, string>;
let staff: Record<string, string>;
const bySubject = (subject: string) => tickets.find((t) => t.subject === subject)!;
const countBy = (key: "status" | "channel") =>
  Object.fromEntries(
    [...new Set(tickets.map((t) => t[key]))].sort().map((v) => [v, tickets.filter((t) => t[key] === v).length]),
  );

beforeAll(async () => {
  h = await testApp();
  demo = await seedDemo(h.deps, "demo-password");
  for (const email of ["admin@demo.test", "supervisor@demo.test", "irina@demo.test"]) {
    const user = (await findUserByEmail(systemCtx(h.deps, demo.orgId), email))!;
    as[email] = await signedIn(h, demo.orgId, user.id);
  }
  const admin = as["admin@demo.test"]!;
  tickets = (await admin.get("/api/v1/tickets?limit=200")).body.data;
  teams = Object.fromEntries(
    (await admin.get("/api/v1/teams")).body.data.map((t: { id: string; name: string }) => [t.name, t.id]),
  );
  staff = Object.fromEntries(
    (await admin.get("/api/v1/users?limit=200")).body.data.map((u: { id: string; email: string }) => [u.email, u.id]),
  );
});

describe("the demo content works", () => {
  it("has customers and tickets on every channel and in every status", async () => {
    expect(demo.content).toMatchObject({ customers: 15, tickets: 25 });
    expect(tickets).toHaveLength(25);
    expect(countBy("status")).toEqual({ closed: 3, new: 4, on_hold: 2, open: 8, pending: 3, solved: 5 });
    expect(countBy("channel")).toEqual({ api: 3, email: 10, phone: 2, portal: 4, web: 6 });
    expect(new Set(tickets.map((t) => t.language))).toEqual(new Set(["en", "ro", "de", "ru", "ar"]));
    const customers = (await as["admin@demo.test"]!.get("/api/v1/customers?limit=200")).body.data;
    expect(customers).toHaveLength(15);
    expect(customers.filter((c: { vip: boolean }) => c.vip).map((c: { name: string }) => c.name)).toEqual([
      "Klaus Berger",
    ]);
  });

  it("has the calendars, SLA policies and rules an admin would set up", async () => {
    const admin = as["admin@demo.test"]!;
    const calendars = (await admin.get("/api/v1/business-calendars")).body.data;
    expect(
      calendars.map((c: { name: string; timeZone: string; isDefault: boolean; teamIds: string[] }) => [
        c.name,
        c.timeZone,
        c.isDefault,
        c.teamIds,
      ]),
    ).toEqual([
      ["London office", "Europe/London", true, []],
      ["Riyadh", "Asia/Riyadh", false, [teams["Technical support"]]],
    ]);
    expect(calendars[0]).toMatchObject({ holidayCountry: "GB", holidayRegion: "ENG" });
    expect(calendars[1].hours.map((i: { day: string }) => i.day)).toEqual(["mon", "tue", "wed", "thu", "sun"]);

    const policies = (await admin.get("/api/v1/sla-policies")).body.data;
    expect(
      policies.map((p: { name: string; conditions: unknown; targets: unknown }) => [p.name, p.conditions, p.targets]),
    ).toEqual([
      [
        "Urgent and high",
        { priority: ["urgent", "high"] },
        {
          firstReply: { minutes: 60, businessTime: true },
          nextReply: { minutes: 240, businessTime: true },
          resolution: { minutes: 1440, businessTime: true },
        },
      ],
      [
        "Everything else",
        {},
        { firstReply: { minutes: 480, businessTime: true }, resolution: { minutes: 7200, businessTime: false } },
      ],
    ]);

    const rules = (await admin.get("/api/v1/rules")).body.data;
    expect(
      rules.map((r: { kind: string; name: string; firings30d: number }) => [r.kind, r.name, r.firings30d]),
    ).toEqual([
      ["automation", "Pending 3 days → remind", 0],
      ["trigger", "Refund requests go to Billing", 5],
      ["trigger", "Angry VIP → supervisor", 1],
    ]);
  });

  it("lets the refund rule choose Billing, in any language, and leaves routing's queue waiting for someone online", async () => {
    const emma = bySubject("Refund for duplicate charge on invoice INV-20417");
    expect(emma).toMatchObject({ teamId: teams.Billing, assigneeId: staff["agent@demo.test"], priority: "high" });
    expect(emma.tags.sort()).toEqual(["invoice", "refund"]);
    const omar = bySubject("طلب استرداد رسوم الاشتراك السنوي");
    expect(omar).toMatchObject({ teamId: teams.Billing, assigneeId: null, status: "new", tags: ["refund"] });
    expect(tickets.filter((t) => t.tags.includes("refund"))).toHaveLength(5);
    const queue = (await as["supervisor@demo.test"]!.get(`/api/v1/routing/queue?teamId=${teams.Billing}`)).body.data;
    expect(queue.map((q: { ticket: { subject: string }; reason: string }) => [q.ticket.subject, q.reason])).toEqual([
      ["طلب استرداد رسوم الاشتراك السنوي", "nobody_online"],
      ["Деньги списали дважды", "nobody_online"],
    ]);
  });

  it("raises escalations of every kind: open, taken and resolved", async () => {
    const list = (await as["supervisor@demo.test"]!.get("/api/v1/escalations?status=open,taken,resolved&limit=50")).body
      .data;
    const summary = list.map((e: { ticketSubject: string; type: string; reason: string; status: string }) => [
      e.ticketSubject,
      e.type,
      e.reason,
      e.status,
    ]);
    expect(summary).toEqual([
      ["Refund for a router that arrived two weeks late", "agent", "refund_above_limit", "resolved"],
      ["Dritte Mahnung trotz bezahlter Rechnung", "automatic", "angry_customer", "open"],
      ["Refund for duplicate charge on invoice INV-20417", "agent", "refund_above_limit", "open"],
      ["Роутер не подключается к интернету после обновления", "agent", "technical_expertise", "taken"],
      ["Не могу войти в личный кабинет", "customer_request", "customer_request", "open"],
    ]);
    const open = list.find((e: { status: string; type: string }) => e.status === "open" && e.type === "agent");
    expect(open).toMatchObject({
      note: "Duplicate payment of £1,240 on INV-20417; my refund limit is £500.",
      toUser: { name: "Stefan Keller" },
      createdBy: { name: "Alex Agent" },
      level: 1,
    });
    expect(list[0]).toMatchObject({ outcome: "refund_approved", resolvedBy: { name: "Stefan Keller" } });
    expect(list[1].note).toBe("Klaus Berger (VIP) wrote a complaint on #7.");
  });

  it("counts SLA clocks as kept, running and paused", async () => {
    const admin = as["admin@demo.test"]!;
    const states = async (subject: string) =>
      (await admin.get(`/api/v1/tickets/${bySubject(subject).id}/sla`)).body.data.map(
        (t: { target: string; state: string; policyName: string }) => `${t.policyName}: ${t.target} ${t.state}`,
      );
    expect(await states("Refund for duplicate charge on invoice INV-20417")).toEqual([
      "Urgent and high: firstReply met",
      "Urgent and high: resolution active",
    ]);
    expect(await states("Деньги списали дважды")).toEqual([
      "Urgent and high: firstReply active",
      "Urgent and high: resolution active",
    ]);
    expect(await states("WLAN bricht alle paar Minuten ab")).toEqual([
      "Everything else: firstReply met",
      "Everything else: resolution paused",
    ]);
    expect(bySubject("Деньги списали дважды").slaDueAt).not.toBeNull();
  });

  it("keeps conversations with their authors, files, mentions and search documents", async () => {
    const admin = as["admin@demo.test"]!;
    const messages = (
      await admin.get(`/api/v1/tickets/${bySubject("Роутер не подключается к интернету после обновления").id}/messages`)
    ).body.data;
    expect(
      messages.map((m: { kind: string; author: { name: string }; attachments: { filename: string }[] }) => [
        m.kind,
        m.author.name,
        m.attachments.map((a) => a.filename),
      ]),
    ).toEqual([
      ["inbound", "Dmitri Sokolov", []],
      ["reply", "Irina Volkova", []],
      ["inbound", "Dmitri Sokolov", ["router-log.txt"]],
      ["note", "Irina Volkova", []],
    ]);
    const notices = (await as["irina@demo.test"]!.get("/api/v1/notifications")).body.data;
    expect(notices.map((n: { kind: string }) => n.kind).sort()).toEqual(["escalation_taken", "mention"]);
    const found = (await admin.get("/api/v1/search?q=Mahnverfahren&type=ticket")).body.data;
    expect(found.map((r: { title: string }) => r.title)).toEqual(["Dritte Mahnung trotz bezahlter Rechnung"]);
  });
});

describe("the demo content can be left out", () => {
  it("creates only the staff with DEMO_CONTENT=off", async () => {
    const off = await seedDemo(await testDeps({ DEMO_CONTENT: "off" }), "demo-password");
    expect(off.content).toBeUndefined();
    const admin = (await findUserByEmail(systemCtx(h.deps, off.orgId), "admin@demo.test"))!;
    const client = await signedIn(h, off.orgId, admin.id);
    expect((await client.get("/api/v1/tickets")).body.data).toEqual([]);
    expect((await client.get("/api/v1/rules")).body.data).toEqual([]);
    expect((await client.get("/api/v1/sla-policies")).body.data).toEqual([]);
  });
});
