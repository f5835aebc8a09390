import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn } from "./session";

const app = withFrontline();

/** A signed-in page of its own (separate cookies), as if on another person's computer. */
async function personAt(email: string, width = 1440, height = 900): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await signIn(page, app.frontline.url, email);
  return page;
}

describe("the wallboard shows the floor live", () => {
  it("Stefan watches Billing; tickets opened and solved by a colleague move its queue without a reload", async () => {
    const admin = await personAt("admin@demo.test");
    const teams = await callApi<{ data: { id: string; name: string }[] }>(admin, app.frontline.url, "GET", "/teams");
    const billing = teams.data.find((t) => t.name === "Billing")!;
    const stamp = Date.now();
    const open = async (n: number) =>
      (
        await callApi<{ data: { id: string } }>(admin, app.frontline.url, "POST", "/tickets", {
          subject: `Charged twice ${n} ${stamp}`,
          requester: { email: `payer-${n}-${stamp}@example.com`, name: "Elena Marin" },
          message: { body: "I was charged twice for my subscription this month." },
          channel: "email",
          teamId: billing.id,
        })
      ).data.id;
    const first = await open(1);

    // Stefan supervises Billing and works in German; he opens the wallboard from the console.
    const stefan = await personAt("supervisor@demo.test");
    await stefan.getByTestId("nav").getByRole("link", { name: "Leitstand" }).click();
    await stefan.getByTestId("console-wallboard").click();
    await stefan.waitForURL(/\/wallboard/);
    await expect.poll(() => stefan.getByTestId("wallboard-link").getAttribute("data-state")).toBe("live");
    const tile = stefan.getByTestId("wallboard-team").filter({ hasText: "Billing" });
    const waiting = tile.getByTestId("team-waiting-value");
    await expect.poll(() => waiting.textContent()).toBe("1");
    // Marks this page: a reload would forget it.
    await stefan.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const second = await open(2);
    await expect.poll(() => waiting.textContent()).toBe("2");
    await expect.poll(() => tile.getByTestId("team-channel").getAttribute("data-channel")).toBe("email");

    await callApi(admin, app.frontline.url, "PATCH", `/tickets/${first}`, { status: "solved" });
    await expect.poll(() => waiting.textContent()).toBe("1");
    await callApi(admin, app.frontline.url, "PATCH", `/tickets/${second}`, { status: "solved" });
    await expect.poll(() => waiting.textContent()).toBe("0");
    expect(await stefan.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect.poll(() => stefan.getByTestId("wallboard-link").getAttribute("data-state")).toBe("live");

    // Alex comes online: his presence shows on the board as it happens.
    const alex = await personAt("agent@demo.test");
    await alex.getByTestId("presence-switch").click();
    await alex.getByTestId("presence-online").click();
    const row = stefan.getByTestId("wallboard-agent").filter({ hasText: "Alex" });
    await expect.poll(() => row.getByTestId("wallboard-presence").getAttribute("data-status")).toBe("online");
  });
});
