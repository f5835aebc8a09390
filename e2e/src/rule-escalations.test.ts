import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn } from "./session";

const app = withFrontline();

/** A signed-in page of its own (separate cookies), as if on another person's computer. */
async function personAt(email: string): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, app.frontline.url, email);
  return page;
}

describe("rules escalate", () => {
  it("an admin writes 'a complaint → escalate' in the editor; a complaint arrives and waits in the supervisor's queue", async () => {
    const admin = await personAt("admin@demo.test");
    await admin.getByTestId("nav").getByRole("link", { name: "Rules" }).click();
    await admin.getByRole("heading", { name: "Rules", level: 1 }).waitFor();
    await admin.getByRole("button", { name: "Add trigger" }).click();
    const dialog = admin.getByRole("dialog", { name: "New trigger" });
    await dialog.getByLabel("Name").fill("Complaints go up");

    // Runs when the customer writes, instead of when a ticket is created. The list's own input lies
    // under the pills' box, which opens it: the click goes through to the box.
    await dialog.getByRole("combobox", { name: "Runs when" }).click({ force: true });
    await admin.getByRole("option", { name: "A ticket is created" }).click();
    await admin.getByRole("option", { name: "The customer writes" }).click();
    await dialog.getByLabel("Name").click();

    await dialog.getByRole("button", { name: "Add condition" }).first().click();
    await dialog.getByRole("combobox", { name: "Field" }).click();
    await admin.getByRole("option", { name: "Message reads as a complaint" }).click();
    await expect(dialog.getByRole("combobox", { name: "Operator" }).inputValue()).resolves.toBe("yes");

    await dialog.getByRole("combobox", { name: "Action" }).click();
    await admin.getByRole("option", { name: "Escalate", exact: true }).click();
    // The contract wants a reason before anything is sent.
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Required").first().waitFor();
    await dialog.getByRole("combobox", { name: "Escalation reason" }).click();
    await admin.getByRole("option", { name: "Angry customer" }).click();
    await dialog
      .getByRole("textbox", { name: "Note for the supervisor (optional)" })
      .fill("{{customer.name}} complains on #{{ticket.number}}");
    await admin.screenshot({ path: "/tmp/rule-escalations-editor-en.png", animations: "disabled" });
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = admin.getByTestId("rule-Complaints go up");
    await row.getByText("The customer writes").waitFor();
    await expect(row.textContent()).resolves.toContain("Escalate");

    const stamp = Date.now();
    const complaint = `Blender broke twice ${stamp}`;
    const calm = `Delivery date ${stamp}`;
    const ticket = (
      await callApi<{ data: { id: string; number: number } }>(admin, app.frontline.url, "POST", "/tickets", {
        subject: complaint,
        requester: { email: "mara.pop@example.com", name: "Mara Pop" },
        message: { body: "This is unacceptable. The blender broke twice and nobody answers my mails." },
        language: "en",
      })
    ).data;
    await callApi(admin, app.frontline.url, "POST", "/tickets", {
      subject: calm,
      requester: { email: "dan.ilie@example.com", name: "Dan Ilie" },
      message: { body: "When will my order arrive? Thank you, I'm happy with the shop so far." },
      language: "en",
    });

    // Stefan works in German.
    const stefan = await personAt("supervisor@demo.test");
    await stefan.getByTestId("nav").getByRole("link", { name: "Eskalationen" }).click();
    const queue = stefan.getByTestId("escalation-queue-open");
    const escalated = queue.getByTestId("escalation-row").filter({ hasText: complaint });
    await escalated.waitFor();
    const text = await escalated.textContent();
    expect(text).toContain("Verärgerter Kunde");
    expect(text).toContain("Automatisch");
    // Raised by the rule, named as it was then.
    expect(text).toContain("Regel „Complaints go up“");
    expect(text).toContain(`Mara Pop complains on #${ticket.number}`);
    await expect(queue.getByTestId("escalation-row").filter({ hasText: calm }).count()).resolves.toBe(0);
    await stefan.screenshot({ path: "/tmp/rule-escalations-queue-de.png", animations: "disabled" });
  });
});
