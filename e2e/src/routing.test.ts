import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn } from "./session";

const app = withFrontline();

/** A signed-in page of its own (separate cookies), as if on another person's computer. */
async function personAt(email: string): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await signIn(page, app.frontline.url, email);
  return page;
}

/** Picks a presence in the header's switch and waits until the header shows it. */
async function goPresence(page: Page, status: "online" | "away" | "offline") {
  await page.getByTestId("presence-switch").click();
  await page.getByTestId(`presence-${status}`).click();
  await expect.poll(() => page.getByTestId("presence-switch").getAttribute("data-status")).toBe(status);
}

/** The subjects in a person's own inbox ("assigned to me"), read afresh. */
async function inboxOf(page: Page, subjects: string[]): Promise<string[]> {
  await page.goto(`${app.frontline.url}/inbox`);
  await page.getByRole("table").first().waitFor();
  const shown: string[] = [];
  for (const subject of subjects) {
    if ((await page.getByRole("row", { name: new RegExp(subject) }).count()) > 0) shown.push(subject);
  }
  return shown;
}

describe("routing hands out a team's tickets", () => {
  it("round robin between the two online agents, and to the one left when the other goes offline", async () => {
    // Stefan supervises Billing and works in German.
    const stefan = await personAt("supervisor@demo.test");
    await stefan.getByTestId("nav").getByRole("link", { name: "Zuweisung" }).click();
    await stefan.waitForURL(/\/routing/);
    await stefan.getByRole("tab", { name: "Team-Einstellungen" }).click();
    await stefan.getByRole("radio", { name: "Reihum" }).check();
    await stefan.getByTestId("save-routing").click();
    await stefan.getByText("Zuweisungseinstellungen gespeichert").waitFor();
    const teams = await callApi<{ data: { id: string; name: string }[] }>(stefan, app.frontline.url, "GET", "/teams");
    const billing = teams.data.find((t) => t.name === "Billing")!;
    const routing = await callApi<{ data: { strategy: string } }>(
      stefan,
      app.frontline.url,
      "GET",
      `/teams/${billing.id}/routing`,
    );
    expect(routing.data.strategy).toBe("round_robin");

    // Andrei works in Romanian; he answers English mail too, which Stefan records on his set-up.
    await stefan.getByRole("tab", { name: "Live-Übersicht" }).click();
    await stefan.getByRole("button", { name: "Andrei Popescu einrichten" }).click();
    const dialog = stefan.getByRole("dialog", { name: "Andrei Popescu einrichten" });
    await dialog.getByRole("combobox", { name: "Spricht außerdem" }).click();
    await stefan.getByRole("option", { name: "Englisch", exact: true }).click();
    await stefan.keyboard.press("Tab");
    await dialog.getByRole("button", { name: "Speichern" }).click();
    await dialog.waitFor({ state: "hidden" });

    const alex = await personAt("agent@demo.test");
    const andrei = await personAt("andrei@demo.test");
    await goPresence(alex, "online");
    await goPresence(andrei, "online");
    await alex.screenshot({ path: "/tmp/routing-presence-en.png", animations: "disabled" });

    const stamp = Date.now();
    const subjects = [1, 2, 3, 4, 5].map((n) => `Invoice question ${n} ${stamp}`);
    const open = (subject: string) =>
      callApi<{ data: { id: string; assigneeId: string | null } }>(stefan, app.frontline.url, "POST", "/tickets", {
        subject,
        requester: { email: `billing-${stamp}@example.com`, name: "Elena Marin" },
        message: { body: "Hello, I was charged twice for my subscription this month." },
        teamId: billing.id,
      });
    for (const subject of subjects.slice(0, 4)) await open(subject);
    expect(await inboxOf(alex, subjects)).toEqual([subjects[0], subjects[2]]);
    expect(await inboxOf(andrei, subjects)).toEqual([subjects[1], subjects[3]]);

    // Andrei leaves: the next ticket goes to Alex, though it would have been Andrei's turn.
    await goPresence(andrei, "offline");
    await open(subjects[4]!);
    expect(await inboxOf(alex, subjects)).toEqual([subjects[0], subjects[2], subjects[4]]);
    expect(await inboxOf(andrei, subjects)).toEqual([subjects[1], subjects[3]]);

    // Stefan's floor shows who is on and how loaded; nothing waits.
    await stefan.reload();
    const floor = stefan.getByTestId("routing-agents");
    const row = (name: string) => floor.getByTestId("routing-agent").filter({ hasText: name });
    await expect.poll(() => row("Alex Agent").getByTestId("agent-presence").getAttribute("data-status")).toBe("online");
    await expect
      .poll(() => row("Andrei Popescu").getByTestId("agent-presence").getAttribute("data-status"))
      .toBe("offline");
    await expect(row("Alex Agent").getByTestId("agent-ticket-load").textContent()).resolves.toBe("3 von 10");
    await stefan.getByTestId("queue-empty").waitFor();
    await stefan.screenshot({ path: "/tmp/routing-floor-de.png", animations: "disabled", fullPage: true });
  });
});
