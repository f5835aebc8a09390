import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { startMailRelay } from "./mail-relay";
import { signIn } from "./session";

// The customer's mail server; Frontline is started after it, pointed at it.
let relay: Awaited<ReturnType<typeof startMailRelay>>;
beforeAll(async () => {
  relay = await startMailRelay();
});
afterAll(async () => {
  await relay?.close();
});

const app = withFrontline(() => ({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` }));

const SIGN_IN_LINK = /(http:\/\/\S+\/sign-in#token=[A-Za-z0-9_-]+)/;

/** The sign-in links mailed to `address` so far, oldest first (replies to the customer carry none). */
async function signInLinksTo(address: string): Promise<string[]> {
  const mails = await Promise.all(relay.to(address).map((m) => simpleParser(m.raw)));
  return mails.flatMap((mail) => SIGN_IN_LINK.exec(mail.text ?? "")?.[1] ?? []);
}

/** The `count`th sign-in link mailed to `address`, once it has arrived. */
async function linkMailedTo(address: string, count: number): Promise<string> {
  await expect.poll(async () => (await signInLinksTo(address)).length, { timeout: 20_000 }).toBe(count);
  return (await signInLinksTo(address))[count - 1]!;
}

describe("the customer portal", () => {
  it("takes a customer's request with a file into the inbox, and carries the conversation both ways", async () => {
    const email = `radu.${Date.now()}@example.com`;
    const subject = `Blender arrived broken ${Date.now()}`;

    // The customer writes through the public form, with a photo of the damage.
    const customer = await app.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await customer.goto(`${app.frontline.url}/portal/demo`);
    await customer.getByRole("heading", { name: "Submit a request" }).waitFor();
    await customer.getByLabel("Your name").fill("Radu Stan");
    await customer.getByLabel("Your email").fill(email);
    await customer.getByLabel("Subject").fill(subject);
    await customer.getByLabel("How can we help?").fill("The jug is cracked.");
    await customer.locator("input[type=file]").setInputFiles({
      name: "damage.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("photo description"),
    });
    await customer.getByText("damage.txt").waitFor();
    await customer.getByRole("button", { name: "Send request" }).click();
    await customer.getByText("Thank you, we have your request").waitFor();
    const number = /#(\d+)/.exec((await customer.getByText(/Your request number is/).textContent()) ?? "")?.[1];
    expect(number).toMatch(/^\d+$/);

    // It is in the agent's inbox, with the file.
    const agent = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(agent, app.frontline.url, "agent@demo.test");
    await agent.getByTestId("nav").getByRole("link", { name: "Agent workspace" }).click();
    await agent
      .getByRole("navigation", { name: "Views" })
      .getByRole("link", { name: /All open/ })
      .click();
    const row = agent.getByRole("row", { name: new RegExp(subject) });
    await row.waitFor();
    await row.getByRole("link").first().click();
    await agent.getByRole("heading", { name: subject }).waitFor();
    const conversation = agent.getByRole("region", { name: "Conversation" });
    await conversation.getByRole("article", { name: "Customer message" }).getByText("damage.txt").waitFor();

    // The agent answers; the customer follows the link from the confirmation mail and sees the answer.
    const answer = "Sorry about that: a replacement jug ships tomorrow.";
    await agent.keyboard.press("r");
    await agent.keyboard.type(answer);
    await agent.keyboard.press("Control+Enter");
    await conversation.getByRole("article", { name: "Public reply" }).filter({ hasText: answer }).waitFor();

    const link = await linkMailedTo(email, 1);
    await customer.goto(link);
    await customer.getByRole("heading", { name: new RegExp(subject) }).waitFor();
    expect(customer.url()).not.toContain("token=");
    await customer.getByText(answer).waitFor();
    await customer.getByText(email).waitFor();

    // The customer answers in the portal; it lands on the ticket the agent has open.
    await customer.getByLabel("Add a reply").fill("Thank you, tomorrow is fine.");
    await customer.getByRole("button", { name: "Send" }).click();
    await customer.getByText("Your reply was sent.").waitFor();
    await conversation.getByText("Thank you, tomorrow is fine.").waitFor({ timeout: 30_000 });

    // Back on the list, the request shows; the portal speaks Arabic right to left when asked.
    await customer.getByRole("link", { name: "All requests" }).click();
    await customer.getByRole("link", { name: subject }).waitFor();
    await customer.getByRole("combobox", { name: "Language" }).click();
    await customer.getByRole("option", { name: "العربية" }).click();
    await customer.getByRole("heading", { name: "طلباتك" }).waitFor();
    expect(await customer.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await customer.getByRole("button", { name: "تسجيل الخروج" }).click();
    await customer.getByRole("heading", { name: "أرسل طلبًا" }).waitFor();
  });

  it("sends a known customer a fresh link, and explains a used one", async () => {
    const page = await app.browser.newPage();
    const email = `mara.${Date.now()}@example.com`;
    await page.goto(`${app.frontline.url}/portal/demo`);
    await page.getByLabel("Your email").fill(email);
    await page.getByLabel("Subject").fill("Invoice copy");
    await page.getByLabel("How can we help?").fill("Please send me a copy of invoice 44.");
    await page.getByRole("button", { name: "Send request" }).click();
    await page.getByText("Thank you, we have your request").waitFor();
    const first = await linkMailedTo(email, 1);

    await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByText(`If ${email} has written to us before`).waitFor();
    const fresh = await linkMailedTo(email, 2);
    await page.goto(fresh);
    await page.getByRole("heading", { name: "Your requests" }).waitFor();
    await page.getByRole("link", { name: "Invoice copy" }).waitFor();

    // The confirmation's link still works once, and lands on its request; a second time it does not.
    await page.goto(first);
    await page.getByRole("heading", { name: /Invoice copy/ }).waitFor();
    await page.goto(first);
    await page.getByText("This link has expired or was already used").waitFor();
  });
});
