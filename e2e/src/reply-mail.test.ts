import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { startMailRelay } from "./mail-relay";
import { signIn as signInAs } from "./session";

// The customer's mail server; Frontline is started after it, pointed at it.
let relay: Awaited<ReturnType<typeof startMailRelay>>;
beforeAll(async () => {
  relay = await startMailRelay();
});
afterAll(async () => {
  await relay?.close();
});

const app = withFrontline(() => ({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` }));

const signIn = (page: Page, email: string) => signInAs(page, app.frontline.url, email);

describe("a customer's mail and an agent's answer", () => {
  it("turns a mail into a ticket, mails the agent's reply back threaded, and files the customer's answer on the same ticket", async () => {
    const customer = `ioana.${Date.now()}@example.com`;
    const subject = `Washing machine leaks ${Date.now()}`;
    const customerMail = nodemailer.createTransport({
      host: "127.0.0.1",
      port: app.frontline.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await customerMail.sendMail({
      from: `Ioana Marin <${customer}>`,
      to: "support@demo.test",
      subject,
      text: "Water on the floor after every wash.",
    });

    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, "agent@demo.test");
    await page.getByTestId("nav").getByRole("link", { name: "Agent workspace" }).click();
    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("link", { name: /All open/ })
      .click();
    const row = page.getByRole("row", { name: new RegExp(subject) });
    await row.waitFor();
    await row.getByRole("link").first().click();
    await page.getByRole("heading", { name: subject }).waitFor();

    const answer = "Please check the drain hose clamp; a technician can come on Tuesday.";
    await page.keyboard.press("r");
    await page.keyboard.type(answer);
    await page.keyboard.press("Control+Enter");
    const conversation = page.getByRole("region", { name: "Conversation" });
    await conversation.getByRole("article", { name: "Public reply" }).filter({ hasText: answer }).waitFor();

    // The reply leaves through the outbox within a few seconds.
    await expect.poll(() => relay.to(customer).length, { timeout: 20_000 }).toBe(1);
    const received = await simpleParser(relay.to(customer)[0]!.raw);
    expect(received.subject).toMatch(new RegExp(`^Re: ${subject} \\[#\\d+\\]$`));
    // The agent's words come first, then the way to ask for a supervisor.
    const [body, footer] = received.text!.trim().split(/\n\s*\n/);
    expect(body).toBe(answer);
    expect(footer).toMatch(
      /^Not happy with how this is going\? Ask for a supervisor: http:\/\/\S+\/portal\/demo\/supervisor#token=/,
    );

    // The customer answers that mail: it lands on the same ticket, shown without reloading.
    await customerMail.sendMail({
      from: `Ioana Marin <${customer}>`,
      to: "support@demo.test",
      subject: `Re: ${received.subject}`,
      inReplyTo: received.messageId,
      references: [received.messageId!],
      text: `Tuesday works for me.\n\nOn Friday, Support wrote:\n> ${answer}`,
    });
    customerMail.close();
    await conversation.getByText("Tuesday works for me.").waitFor({ timeout: 20_000 });
    await expect(conversation.textContent()).resolves.not.toContain("On Friday, Support wrote");
  });
});
