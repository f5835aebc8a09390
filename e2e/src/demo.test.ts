import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { signIn } from "./session";

// A first start with the demo's example content, as a new user finds it.
const app = withFrontline(() => ({ DEMO_CONTENT: "on" }));

async function personAt(email: string): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signIn(page, app.frontline.url, email);
  return page;
}

const REFUND = "Refund for duplicate charge on invoice INV-20417";

describe("a new user finds a working desk in the demo", () => {
  it("the agent's inbox lists the demo tickets with their SLA due times, and a ticket shows its conversation", async () => {
    const alex = await personAt("agent@demo.test");
    await alex.getByTestId("nav").getByRole("link", { name: "Agent workspace" }).click();
    await alex
      .getByRole("navigation", { name: "Views" })
      .getByRole("link", { name: /All open/ })
      .click();
    await alex.waitForURL(/view=open/);
    const rows = alex.getByRole("row").filter({ has: alex.getByRole("cell") });
    const refund = alex.getByRole("row", { name: new RegExp(REFUND) });
    await refund.waitFor();
    // New, open, pending and on-hold tickets of both teams; those waiting on someone carry no due time.
    await expect.poll(() => rows.count()).toBe(17);
    await expect(refund.getByTestId("sla-badge").count()).resolves.toBe(1);
    await expect.poll(() => alex.getByTestId("sla-badge").count()).toBe(12);
    // The requester's name follows the row (customers are looked up after the list).
    await expect.poll(() => refund.textContent()).toContain("Emma Clarke");
    await alex.screenshot({ path: "/tmp/demo-inbox-en.png", animations: "disabled" });

    await refund.getByRole("link", { name: REFUND }).click();
    await alex.getByRole("heading", { name: REFUND }).waitFor();
    const conversation = alex.getByRole("region", { name: "Conversation" });
    await conversation.getByText("Our card was charged twice for invoice INV-20417").waitFor();
    await conversation
      .getByRole("article", { name: "Public reply" })
      .getByText("I can see both payments for INV-20417")
      .waitFor();
    await conversation.getByRole("link", { name: /statement-lines\.csv/ }).waitFor();
    await expect.poll(() => alex.getByTestId("open-escalation").textContent()).toContain("Refund above my limit");
    await alex.screenshot({ path: "/tmp/demo-ticket-en.png", animations: "disabled" });
  });

  it("the supervisor's escalation queue holds the open escalations, in his language", async () => {
    const stefan = await personAt("supervisor@demo.test");
    await stefan.getByTestId("nav").getByRole("link", { name: "Eskalationen" }).click();
    const open = stefan.getByTestId("escalation-queue-open").getByTestId("escalation-row");
    await open.first().waitFor();
    await expect.poll(() => open.count()).toBe(3);
    const refund = open.filter({ hasText: REFUND });
    await expect.poll(() => refund.textContent()).toContain("Erstattung über meinem Limit");
    await expect
      .poll(() => open.filter({ hasText: "Dritte Mahnung trotz bezahlter Rechnung" }).textContent())
      .toContain("Verärgerter Kunde");
    await expect
      .poll(() => open.filter({ hasText: "Не могу войти в личный кабинет" }).textContent())
      .toContain("Kunde verlangt eine Führungskraft");
    await stefan.screenshot({ path: "/tmp/demo-escalations-de.png", animations: "disabled" });
  });

  it("the admin finds the SLA policies and the rules already written", async () => {
    const ada = await personAt("admin@demo.test");
    await ada.getByTestId("nav").getByRole("link", { name: "SLA policies" }).click();
    await ada.getByRole("heading", { name: "SLA policies", level: 1 }).waitFor();
    const policies = ada.getByTestId("sla-policy");
    await policies.first().waitFor();
    await expect(policies.getByRole("heading").allTextContents()).resolves.toEqual([
      "Urgent and high",
      "Everything else",
    ]);
    await expect
      .poll(() => policies.first().getByTestId("sla-conditions").textContent())
      .toBe("Priority Urgent or High");

    await ada.getByTestId("nav").getByRole("link", { name: "Rules" }).click();
    const refunds = ada.getByTestId("rule-Refund requests go to Billing");
    await refunds.waitFor();
    await refunds.getByText("5 times in 30 days").waitFor();
    await ada.getByTestId("rule-Angry VIP → supervisor").getByText("1 time in 30 days").waitFor();
    await ada.getByTestId("rule-Pending 3 days → remind").waitFor();
    await ada.screenshot({ path: "/tmp/demo-rules-en.png", animations: "disabled" });
  });
});
