import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn } from "./session";

const app = withFrontline();

describe("rules", () => {
  it("an admin writes a trigger in the editor, and the next matching ticket is handled by it at once", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, app.frontline.url, "admin@demo.test");
    await page.getByTestId("nav").getByRole("link", { name: "Rules" }).click();
    await page.getByRole("heading", { name: "Rules", level: 1 }).waitFor();
    await page.getByText("No triggers yet.").waitFor();

    await page.getByRole("button", { name: "Add trigger" }).click();
    const dialog = page.getByRole("dialog", { name: "New trigger" });
    // The contract checks the form before anything is sent.
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.getByText("Required").first().waitFor();

    await dialog.getByLabel("Name").fill("Refunds are urgent");
    await dialog.getByRole("button", { name: "Add condition" }).first().click();
    await dialog.getByRole("combobox", { name: "Field" }).click();
    await page.getByRole("option", { name: "Subject" }).click();
    await dialog.getByRole("textbox", { name: "Value" }).first().fill("refund");
    // The first action row (add tags) becomes "set priority: urgent".
    await dialog.getByRole("combobox", { name: "Action" }).click();
    await page.getByRole("option", { name: "Set priority" }).click();
    await dialog.getByRole("combobox", { name: "Value" }).last().click();
    await page.getByRole("option", { name: "Urgent" }).click();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = page.getByTestId("rule-Refunds are urgent");
    await row.getByText("A ticket is created").waitFor();
    await row.getByText("Never").waitFor();

    const ticket = await callApi<{ data: { id: string } }>(page, app.frontline.url, "POST", "/tickets", {
      subject: "Refund for order 81",
      requester: { email: "mara.pop@example.com" },
      message: { body: "I was charged twice." },
    });
    const read = await callApi<{ data: { priority: string } }>(
      page,
      app.frontline.url,
      "GET",
      `/tickets/${ticket.data.id}`,
    );
    expect(read.data.priority).toBe("urgent");
    await page.reload();
    await page.getByTestId("rule-Refunds are urgent").getByText("1 time in 30 days").waitFor();

    // Switched off, it no longer acts.
    // Mantine draws the switch over its input, which stays the element people operate by keyboard and readers announce.
    await page.getByRole("switch", { name: "Refunds are urgent is active" }).click({ force: true });
    await expect
      .poll(
        async () =>
          (await callApi<{ data: { active: boolean }[] }>(page, app.frontline.url, "GET", "/rules")).data[0]?.active,
      )
      .toBe(false);
    const second = await callApi<{ data: { priority: string } }>(page, app.frontline.url, "POST", "/tickets", {
      subject: "Refund again",
      requester: { email: "mara.pop@example.com" },
      message: { body: "Still charged twice." },
    });
    expect(second.data.priority).toBe("normal");
  });
});
