import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn as signInAs } from "./session";

const app = withFrontline();

const signIn = (page: Page, email: string) => signInAs(page, app.frontline.url, email);

interface Me {
  data: { id: string; teamIds: string[] };
}

async function openTickets(page: Page, tickets: { priority: string; assigneeId?: string; tags?: string[] }[]) {
  for (const [i, ticket] of tickets.entries()) {
    await callApi(page, app.frontline.url, "POST", "/tickets", {
      subject: `Saved views ${i} ${Date.now()}`,
      requester: { email: `customer.${i}.${Date.now()}@example.com` },
      message: { body: "Where is my parcel?" },
      ...ticket,
    });
  }
}

/** The count a saved view shows beside its name, once it is there. */
async function countOf(page: Page, name: string) {
  const link = page.getByRole("navigation", { name: "Saved views" }).getByRole("link", { name: new RegExp(name) });
  await link.waitFor();
  return (await link.textContent())?.replace(name, "").trim();
}

/** Picks one more value in a filter the way a keyboard user does: focus it, open it, choose. */
async function chooseOption(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).focus();
  await page.keyboard.press("ArrowDown");
  await page.getByRole("option", { name: option, exact: true }).click();
  await page.keyboard.press("Escape");
}

describe("an agent keeps filters as saved views", () => {
  it("saves the current filters as a view with its count, renames it, updates its filters and deletes it", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "agent@demo.test");
    const me = await callApi<Me>(page, app.frontline.url, "GET", "/me");
    await openTickets(page, [
      { priority: "urgent", assigneeId: me.data.id },
      { priority: "urgent", assigneeId: me.data.id },
      { priority: "high", assigneeId: me.data.id },
      { priority: "urgent" },
    ]);

    await page.goto(`${app.frontline.url}/inbox?view=mine`);
    await chooseOption(page, "Priority", "Urgent");
    await page.waitForURL(/priority=urgent/);
    const saved = page.getByRole("navigation", { name: "Saved views" });
    await saved.getByText("No saved views yet").waitFor();

    await saved.getByRole("button", { name: "Save as view" }).click();
    const dialog = page.getByRole("dialog", { name: "Save as view" });
    // An agent keeps views for themselves; sharing is for supervisors.
    await dialog.getByText("Only supervisors and above can share a view with a team.").waitFor();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Required").waitFor();
    await dialog.getByLabel("Name").fill("My urgent");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.waitForURL(/saved=/);
    await expect.poll(() => countOf(page, "My urgent")).toBe("2");
    const link = saved.getByRole("link", { name: /My urgent/ });
    await expect(link.getAttribute("aria-current")).resolves.toBe("page");

    await saved.getByRole("button", { name: "Actions for My urgent" }).click();
    await page.getByRole("menuitem", { name: "Rename or share…" }).click();
    const edit = page.getByRole("dialog", { name: "Rename or share view" });
    await edit.getByLabel("Name").fill("Urgent and high for me");
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "hidden" });
    await saved.getByRole("link", { name: /Urgent and high for me/ }).waitFor();

    // A filter added on top of the open view can be kept in it.
    await chooseOption(page, "Priority", "High");
    await page.waitForURL(/priority=high%2Curgent|priority=high,urgent/);
    await saved.getByText("Filters changed").waitFor();
    await saved.getByRole("button", { name: "Update view" }).click();
    await saved.getByText("Filters changed").waitFor({ state: "detached" });
    await expect.poll(() => countOf(page, "Urgent and high for me")).toBe("3");

    await saved.getByRole("button", { name: "Actions for Urgent and high for me" }).click();
    await page.getByRole("menuitem", { name: "Delete…" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this view?" });
    await confirm.getByText("“Urgent and high for me” will be removed.").waitFor();
    await confirm.getByRole("button", { name: "Delete view" }).click();
    await confirm.waitFor({ state: "hidden" });
    await saved.getByText("No saved views yet").waitFor();
    expect(page.url()).not.toContain("saved=");
    expect((await callApi<{ data: unknown[] }>(page, app.frontline.url, "GET", "/views")).data).toEqual([]);
  });

  it("shows a supervisor's view shared with the team to its members, without their being able to change it", async () => {
    const tag = `returns-${Date.now()}`;
    const supervisor = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(supervisor, "supervisor@demo.test");
    // The demo's supervisor reads German; this test reads English.
    await callApi(supervisor, app.frontline.url, "PATCH", "/me", { locale: "en" });
    await openTickets(supervisor, [
      { priority: "normal", tags: [tag] },
      { priority: "low", tags: [tag] },
    ]);
    await supervisor.goto(`${app.frontline.url}/inbox?view=all&tag=${tag}`);
    const saved = supervisor.getByRole("navigation", { name: "Saved views" });
    await saved.getByRole("button", { name: "Save as view" }).click();
    const dialog = supervisor.getByRole("dialog", { name: "Save as view" });
    await dialog.getByLabel("Name").fill("Returns");
    await dialog.getByRole("combobox", { name: "Who sees it" }).click();
    await supervisor.getByRole("option", { name: "Shared with Billing" }).click();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => countOf(supervisor, "Returns")).toContain("2");
    await saved.getByRole("button", { name: "Actions for Returns" }).waitFor();

    const agent = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(agent, "agent@demo.test");
    await agent.goto(`${app.frontline.url}/inbox`);
    const theirs = agent.getByRole("navigation", { name: "Saved views" });
    const link = theirs.getByRole("link", { name: /Returns/ });
    await link.waitFor();
    await expect.poll(() => link.textContent()).toContain("Shared with Billing");
    await expect(theirs.getByRole("button", { name: "Actions for Returns" }).count()).resolves.toBe(0);
    await link.click();
    await agent.waitForURL(new RegExp(`tag=${tag}`));
    await expect.poll(() => agent.getByRole("row", { name: /Saved views/ }).count()).toBe(2);

    // Taken back by the supervisor, the view leaves the team's lists.
    await saved.getByRole("button", { name: "Actions for Returns" }).click();
    await supervisor.getByRole("menuitem", { name: "Rename or share…" }).click();
    const edit = supervisor.getByRole("dialog", { name: "Rename or share view" });
    await edit.getByRole("combobox", { name: "Who sees it" }).click();
    await supervisor.getByRole("option", { name: "Only me" }).click();
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "hidden" });
    await expect.poll(() => saved.getByRole("link", { name: /Returns/ }).textContent()).not.toContain("Shared");
    await agent.reload();
    await theirs.getByText("No saved views yet").waitFor();
  });
});
