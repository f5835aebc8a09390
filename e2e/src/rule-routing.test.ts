import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn } from "./session";

const app = withFrontline();

describe("rules set what routing requires", () => {
  it("an admin adds 'require skills' and 'require a language' in the editor; the next ticket requires both", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, app.frontline.url, "admin@demo.test");
    const refunds = await callApi<{ data: { id: string } }>(page, app.frontline.url, "POST", "/routing/skills", {
      name: "Refunds",
    });
    await page.getByTestId("nav").getByRole("link", { name: "Rules" }).click();
    await page.getByRole("heading", { name: "Rules", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Add trigger" }).click();
    const dialog = page.getByRole("dialog", { name: "New trigger" });
    await dialog.getByLabel("Name").fill("Refunds in German");

    await dialog.getByRole("combobox", { name: "Action" }).click();
    await page.getByRole("option", { name: "Require skills" }).click();
    // No skill picked yet: the contract stops it before anything is sent.
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Required", { exact: true }).waitFor();
    // The list's own input lies under the pills' box, which opens it: the click goes through to the box.
    await dialog.getByRole("combobox", { name: "Required skills" }).click({ force: true });
    await page.getByRole("option", { name: "Refunds" }).click();
    await dialog.getByLabel("Name").click();
    await dialog.getByText("Added to the skills the ticket already requires.").waitFor();

    await dialog.getByRole("button", { name: "Add action" }).click();
    await dialog.getByRole("combobox", { name: "Action" }).last().click();
    await page.getByRole("option", { name: "Require a language" }).click();
    const language = dialog.getByRole("combobox", { name: "Required language" });
    await expect(language.inputValue()).resolves.toBe("The ticket's own language");
    await language.click();
    await page.getByRole("option", { name: "German", exact: true }).click();
    await page.screenshot({ path: "/tmp/rule-routing-editor-en.png", animations: "disabled" });
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = page.getByTestId("rule-Refunds in German");
    await row.getByText("Require skills · Require a language").waitFor();

    const ticket = await callApi<{ data: { id: string } }>(page, app.frontline.url, "POST", "/tickets", {
      subject: "Refund for order 81",
      requester: { email: "mara.pop@example.com" },
      message: { body: "I was charged twice for the same order." },
    });
    const required = await callApi<{ data: { skillIds: string[]; language: string | null } }>(
      page,
      app.frontline.url,
      "GET",
      `/tickets/${ticket.data.id}/requirements`,
    );
    expect(required.data).toMatchObject({ skillIds: [refunds.data.id], language: "de" });
  });
});
