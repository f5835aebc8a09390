import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { DEMO_PASSWORD } from "./frontline";
import { callApi, signIn } from "./session";

const app = withFrontline();

/** A signed-in page of its own (separate cookies), as if on another person's computer. */
async function personAt(email: string, width = 1440, height = 900): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await signIn(page, app.frontline.url, email);
  return page;
}

/** A session for the API alone, without the sign-in page. */
async function apiSession(email: string): Promise<Page> {
  const page = await (await app.browser.newContext()).newPage();
  const res = await page.request.post(`${app.frontline.url}/api/v1/auth/login`, {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return page;
}

const kpi = (page: Page, id: string) => page.getByTestId(`kpi-${id}`).getByTestId("kpi-value").textContent();
const agentNames = (page: Page) =>
  page.getByTestId("agents-table").getByTestId("breakdown-row").locator("td:first-child").allTextContents();

describe("the supervisor's dashboard", () => {
  it("counts the tickets made, lists them behind the card, sorts the agent table and narrows to an agent", async () => {
    const ada = await apiSession("admin@demo.test");
    const url = app.frontline.url;
    type Named = { data: { id: string; name: string; email?: string }[] };
    const billing = (await callApi<Named>(ada, url, "GET", "/teams")).data.find((t) => t.name === "Billing")!;
    const users = (await callApi<Named>(ada, url, "GET", "/users?limit=200")).data;
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    const alex = idOf("agent@demo.test");
    const andrei = idOf("andrei@demo.test");
    const stamp = Date.now();
    const made: { id: string; subject: string }[] = [];
    for (const [n, assigneeId] of [
      [1, alex],
      [2, alex],
      [3, andrei],
    ] as const) {
      const subject = `Invoice question ${n} ${stamp}`;
      const ticket = await callApi<{ data: { id: string } }>(ada, url, "POST", "/tickets", {
        subject,
        requester: { email: `customer${n}.${stamp}@example.com`, name: `Customer ${n}` },
        message: { body: "Why was I charged twice?" },
        teamId: billing.id,
        assigneeId,
        tags: ["billing"],
      });
      made.push({ id: ticket.data.id, subject });
    }
    // Alex answers both of his, Andrei his one: the agent table has replies to sort by.
    const alexApi = await apiSession("agent@demo.test");
    const andreiApi = await apiSession("andrei@demo.test");
    for (const [who, ticket] of [
      [alexApi, made[0]!],
      [alexApi, made[1]!],
      [andreiApi, made[2]!],
    ] as const) {
      await callApi(who, url, "POST", `/tickets/${ticket.id}/messages`, { kind: "reply", body: "Looking into it." });
    }

    // Stefan works in German.
    const stefan = await personAt("supervisor@demo.test");
    await stefan.getByTestId("nav").getByRole("link", { name: "Kennzahlen" }).click();
    await stefan.getByRole("heading", { name: "Kennzahlen", level: 1 }).waitFor();
    await expect.poll(() => kpi(stefan, "created")).toBe("3");
    await expect.poll(() => kpi(stefan, "backlog")).toBe("3");

    // The card opens the tickets behind the number, each a link to the ticket.
    await stefan.getByTestId("kpi-created").click();
    const drawer = stefan.getByRole("dialog", { name: "Erstellte Tickets" });
    await drawer.waitFor();
    const rows = drawer.getByTestId("drill-row");
    await expect.poll(() => rows.count()).toBe(3);
    for (const ticket of made) await drawer.getByRole("link", { name: new RegExp(ticket.subject) }).waitFor();
    await expect(drawer.getByRole("link", { name: new RegExp(made[2]!.subject) }).getAttribute("href")).resolves.toBe(
      `/tickets/${made[2]!.id}`,
    );
    await stefan.screenshot({ path: "/tmp/dashboard-drill-de.png", animations: "disabled" });
    await stefan.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });

    // The agent table sorts by any column, both ways.
    await expect.poll(() => agentNames(stefan)).toEqual(expect.arrayContaining(["Alex Agent", "Andrei Popescu"]));
    const table = stefan.getByTestId("agents-table");
    await table.getByTestId("sort-name").click();
    await expect.poll(() => agentNames(stefan)).toEqual(["Alex Agent", "Andrei Popescu"]);
    await table.getByTestId("sort-name").click();
    await expect.poll(() => agentNames(stefan)).toEqual(["Andrei Popescu", "Alex Agent"]);
    await table.getByTestId("sort-replies").click();
    await expect.poll(() => agentNames(stefan)).toEqual(["Alex Agent", "Andrei Popescu"]);
    await expect(table.getByTestId("sort-replies").locator("xpath=..").getAttribute("aria-sort")).resolves.toBe(
      "descending",
    );
    await table.getByTestId("sort-replies").click();
    await expect.poll(() => agentNames(stefan)).toEqual(["Andrei Popescu", "Alex Agent"]);
    await stefan.screenshot({ path: "/tmp/dashboard-supervisor-de.png", animations: "disabled", fullPage: true });

    // The table's export downloads the same rows, with the dashboard's filters.
    await stefan.getByTestId("agents").getByRole("button", { name: "Agenten exportieren" }).click();
    const csv = stefan.getByRole("menuitem", { name: "CSV-Datei" });
    const href = (await csv.getAttribute("href"))!;
    expect(new URLSearchParams(href.split("?")[1]).get("by")).toBe("agent");
    const file = await stefan.request.get(`${url}${href}`);
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain("Andrei Popescu");
    await stefan.keyboard.press("Escape");

    // A row narrows the whole dashboard to that agent, and the address bar keeps it.
    await table.getByRole("button", { name: "Kennzahlen für Andrei Popescu zeigen" }).click();
    await expect.poll(() => new URL(stefan.url()).searchParams.get("agentId")).toBe(andrei);
    await expect.poll(() => kpi(stefan, "created")).toBe("1");
    await stefan.reload();
    await expect.poll(() => kpi(stefan, "created")).toBe("1");
  });

  it("shows an agent their own work as 'My performance', without team or agent filters", async () => {
    const alex = await personAt("agent@demo.test");
    await alex.getByTestId("nav").getByRole("link", { name: "My performance" }).click();
    await alex.getByRole("heading", { name: "My performance", level: 1 }).waitFor();
    await expect.poll(() => kpi(alex, "created")).toBe("2");
    const filters = alex.getByTestId("dashboard-filters");
    await filters.getByRole("combobox", { name: "Channel" }).waitFor();
    await expect(filters.getByRole("combobox", { name: "Team" }).count()).resolves.toBe(0);
    await expect(filters.getByRole("combobox", { name: "Agent" }).count()).resolves.toBe(0);
    await expect(alex.getByTestId("agents").count()).resolves.toBe(0);
    await alex.screenshot({ path: "/tmp/dashboard-agent-en.png", animations: "disabled", fullPage: true });
  });
});
