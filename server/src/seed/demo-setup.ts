import {
  createBusinessCalendarInput,
  createRuleInput,
  createSlaPolicyInput,
  createViewInput,
  type OpeningInterval,
  type RuleCondition,
  skillInput,
  updateRoutingAgentInput,
  updateTeamRoutingInput,
  type Weekday,
} from "@frontline/common";
import { createCalendar, setTeamCalendar } from "../modules/calendars";
import { createSkill, setTeamRouting, updateAgent } from "../modules/routing";
import { createRule } from "../modules/rules";
import { createSlaPolicy } from "../modules/sla";
import { createView } from "../modules/tickets";
import { asStaff, type DemoCast, staffId } from "./demo-cast";

const ADMIN = "admin@demo.test";
const SUPERVISOR = "supervisor@demo.test";

const week = (days: Weekday[], open: string, close: string): OpeningInterval[] =>
  days.map((day) => ({ day, open, close }));

/** Business hours: London for everyone (with England's public holidays), Riyadh for Technical support. */
export async function setUpCalendars(cast: DemoCast): Promise<void> {
  const admin = asStaff(cast, ADMIN);
  await createCalendar(
    admin,
    createBusinessCalendarInput.parse({
      name: "London office",
      timeZone: "Europe/London",
      hours: week(["mon", "tue", "wed", "thu", "fri"], "09:00", "17:30"),
      holidayCountry: "GB",
      holidayRegion: "ENG",
      isDefault: true,
    }),
  );
  const riyadh = await createCalendar(
    admin,
    createBusinessCalendarInput.parse({
      name: "Riyadh",
      timeZone: "Asia/Riyadh",
      hours: week(["sun", "mon", "tue", "wed", "thu"], "09:00", "17:00"),
      holidayCountry: "SA",
      customerRegions: ["Asia/Riyadh"],
    }),
  );
  await setTeamCalendar(admin, cast.teams.technical, riyadh.id);
}

/** Two promises: a tight one for urgent and high tickets, a relaxed one for the rest. */
export async function setUpSlaPolicies(cast: DemoCast): Promise<void> {
  const admin = asStaff(cast, ADMIN);
  await createSlaPolicy(
    admin,
    createSlaPolicyInput.parse({
      name: "Urgent and high",
      conditions: { priority: ["urgent", "high"] },
      targets: {
        firstReply: { minutes: 60, businessTime: true },
        nextReply: { minutes: 240, businessTime: true },
        resolution: { minutes: 1440, businessTime: true },
      },
    }),
  );
  await createSlaPolicy(
    admin,
    createSlaPolicyInput.parse({
      name: "Everything else",
      targets: {
        firstReply: { minutes: 480, businessTime: true },
        resolution: { minutes: 7200, businessTime: false },
      },
    }),
  );
}

/** Billing takes turns; Technical support goes to whoever has least, with the skills and language asked for. */
export async function setUpRouting(cast: DemoCast): Promise<void> {
  const supervisor = asStaff(cast, SUPERVISOR);
  await setTeamRouting(
    supervisor,
    cast.teams.billing,
    updateTeamRoutingInput.parse({
      strategy: "round_robin",
      skillMatching: false,
      languageMatching: false,
      reassignOnOffline: false,
    }),
  );
  await setTeamRouting(
    supervisor,
    cast.teams.technical,
    updateTeamRoutingInput.parse({
      strategy: "least_loaded",
      skillMatching: true,
      languageMatching: true,
      reassignOnOffline: true,
    }),
  );
  const skill = async (name: string) => (await createSkill(supervisor, skillInput.parse({ name }))).id;
  const [refunds, networking, firmware] = [await skill("Refunds"), await skill("Networking"), await skill("Firmware")];
  const profiles: [string, { skillId: string; level: number }[], string[]][] = [
    ["agent@demo.test", [{ skillId: refunds, level: 4 }], []],
    ["andrei@demo.test", [{ skillId: refunds, level: 3 }], ["en"]],
    [
      "irina@demo.test",
      [
        { skillId: networking, level: 5 },
        { skillId: firmware, level: 4 },
      ],
      ["en"],
    ],
    [
      "layla@demo.test",
      [
        { skillId: networking, level: 3 },
        { skillId: firmware, level: 5 },
      ],
      ["en"],
    ],
    [
      "jonas@demo.test",
      [
        { skillId: networking, level: 2 },
        { skillId: refunds, level: 2 },
      ],
      ["en"],
    ],
  ];
  for (const [email, skills, languages] of profiles) {
    await updateAgent(supervisor, staffId(cast, email), updateRoutingAgentInput.parse({ skills, languages }));
  }
}

const contains = (field: "subject" | "message_body", value: string): RuleCondition => ({
  field,
  op: "contains",
  value,
});

// The word for a refund in each language the demo's customers write in.
const REFUND_WORDS = ["refund", "rambursare", "Erstattung", "возврат", "استرداد"];

const REMINDERS = {
  en: "Hello {{customer.first_name}}, we are still waiting for your answer on ticket #{{ticket.number}}. Reply to this message and we will carry on.",
  ro: "Bună ziua, {{customer.first_name}}, așteptăm încă răspunsul dumneavoastră la solicitarea #{{ticket.number}}. Răspundeți la acest mesaj și continuăm.",
  de: "Hallo {{customer.first_name}}, wir warten noch auf Ihre Antwort zu Anfrage #{{ticket.number}}. Antworten Sie einfach auf diese Nachricht.",
  ru: "Здравствуйте, {{customer.first_name}}! Мы всё ещё ждём вашего ответа по обращению #{{ticket.number}}. Просто ответьте на это письмо.",
  ar: "مرحبًا {{customer.first_name}}، ما زلنا ننتظر ردك على الطلب رقم {{ticket.number}}. يكفي أن ترد على هذه الرسالة لنتابع.",
};

/** Two triggers and an automation, as a supervisor would write them in Admin → Rules. */
export async function setUpRules(cast: DemoCast): Promise<void> {
  const admin = asStaff(cast, ADMIN);
  await createRule(
    admin,
    createRuleInput.parse({
      kind: "trigger",
      name: "Refund requests go to Billing",
      events: ["message.received"],
      conditions: {
        // Tagged once: a customer's later messages leave the ticket where an agent put it.
        all: [{ field: "tags", op: "not_contains", value: "refund" }],
        any: [contains("subject", "refund"), ...REFUND_WORDS.map((w) => contains("message_body", w))],
      },
      actions: [
        { type: "set_team", value: cast.teams.billing },
        { type: "add_tags", value: ["refund"] },
      ],
    }),
  );
  await createRule(
    admin,
    createRuleInput.parse({
      kind: "trigger",
      name: "Angry VIP → supervisor",
      events: ["message.received"],
      conditions: {
        all: [
          { field: "message_negative", op: "is_true" },
          { field: "customer_vip", op: "is_true" },
        ],
      },
      actions: [
        {
          type: "escalate",
          reason: "angry_customer",
          note: "{{customer.name}} (VIP) wrote a complaint on #{{ticket.number}}.",
        },
        { type: "add_tags", value: ["complaint"] },
      ],
    }),
  );
  await createRule(
    admin,
    createRuleInput.parse({
      kind: "automation",
      name: "Pending 3 days → remind",
      conditions: {
        all: [
          { field: "status", op: "is", value: "pending" },
          { field: "hours_since_updated", op: "gte", value: 72 },
          { field: "tags", op: "not_contains", value: "reminded" },
        ],
      },
      actions: [
        { type: "reply", body: REMINDERS.en, translations: REMINDERS },
        { type: "add_tags", value: ["reminded"] },
      ],
    }),
  );
}

/** A view each team shares: what waits for it, most urgent promise first. */
export async function setUpViews(cast: DemoCast): Promise<void> {
  const supervisor = asStaff(cast, SUPERVISOR);
  for (const [name, teamId] of [
    ["Billing queue", cast.teams.billing],
    ["Technical queue", cast.teams.technical],
  ] as const) {
    await createView(
      supervisor,
      createViewInput.parse({ name, teamId, filters: { teamId, status: ["new", "open"] }, sort: "sla_due_asc" }),
    );
  }
}
