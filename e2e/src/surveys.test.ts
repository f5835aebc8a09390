import { simpleParser } from "mailparser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { startMailRelay } from "./mail-relay";
import { callApi, signIn } from "./session";

// The customers' mail server; Frontline is started after it, pointed at it.
let relay: Awaited<ReturnType<typeof startMailRelay>>;
beforeAll(async () => {
  relay = await startMailRelay();
});
afterAll(async () => {
  await relay?.close();
});

const app = withFrontline(() => ({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` }));

async function staff(email: string): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, app.frontline.url, email);
  return page;
}

/** A customer's phone: a browser of their own, no account, no cookies of ours. */
async function phone(): Promise<Page> {
  const context = await app.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

/** Opens a ticket for a new customer and solves it; answers the customer's address. */
async function solveTicketFor(agent: Page, name: string, language: string, subject: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.com`;
  const ticket = (
    await callApi<{ data: { id: string } }>(agent, app.frontline.url, "POST", "/tickets", {
      subject,
      requester: { email, name },
      message: { body: "The parcel never came." },
      language,
    })
  ).data;
  await callApi(agent, app.frontline.url, "PATCH", `/tickets/${ticket.id}`, { status: "solved" });
  return email;
}

/** The survey mail a customer received, parsed, and its rating links by score. */
async function surveyMailTo(email: string) {
  await expect.poll(() => relay.to(email).length, { timeout: 20_000 }).toBe(1);
  const mail = await simpleParser(relay.to(email)[0]!.raw);
  const links = new Map(
    [...(mail.text ?? "").matchAll(/(\S+\/s\/[A-Za-z0-9_-]{43}\?rating=(\d))/g)].map((m) => [Number(m[2]), m[1]!]),
  );
  return { mail, links };
}

describe("satisfaction surveys", () => {
  it("an admin sets when surveys go out and what they ask, in the Surveys page", async () => {
    const admin = await staff("admin@demo.test");
    await admin.getByTestId("nav").getByRole("link", { name: "Surveys" }).click();
    await admin.getByRole("heading", { name: "Satisfaction surveys" }).waitFor();
    await expect(admin.getByLabel("Send after (minutes)").inputValue()).resolves.toBe("60");
    await admin.getByLabel("Send after (minutes)").fill("0");
    await admin.getByRole("switch", { name: /Also ask how likely/ }).check();
    await admin.getByRole("button", { name: "Add question" }).click();
    await admin.getByRole("textbox", { name: "Question 1", exact: true }).fill("What was it about?");
    await admin.getByRole("combobox", { name: "Texts in" }).click();
    await admin.getByRole("option", { name: "Deutsch" }).click();
    await admin.getByRole("textbox", { name: "Question 1", exact: true }).fill("Worum ging es?");
    await admin.screenshot({ path: "/tmp/surveys-settings-en.png", fullPage: true, animations: "disabled" });
    await admin.getByRole("button", { name: "Save" }).click();
    await admin.getByText("Survey settings saved").waitFor();

    await admin.reload();
    await admin.getByRole("heading", { name: "Satisfaction surveys" }).waitFor();
    await expect(admin.getByLabel("Send after (minutes)").inputValue()).resolves.toBe("0");
    await expect(admin.getByRole("textbox", { name: "Question 1", exact: true }).inputValue()).resolves.toBe(
      "What was it about?",
    );
    const saved = await callApi<{ data: Record<string, unknown> }>(
      admin,
      app.frontline.url,
      "GET",
      "/settings/surveys",
    );
    expect(saved.data).toMatchObject({
      delayMinutes: 0,
      nps: true,
      questions: [{ label: { en: "What was it about?", de: "Worum ging es?" }, kind: "text" }],
    });
  });

  it("a customer rates with one click from the mail, changes the rating and sees the thank-you", async () => {
    const agent = await staff("agent@demo.test");
    const subject = `Parcel lost ${Date.now()}`;
    const email = await solveTicketFor(agent, "Elena Petrescu", "en", subject);
    const { mail, links } = await surveyMailTo(email);
    expect(mail.subject).toContain(subject);
    expect([...links.keys()]).toEqual([1, 2, 3, 4, 5]);
    const four = links.get(4)!;
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(four)![1]!;
    const survey = () =>
      agent.request.get(`${app.frontline.url}/api/v1/surveys/${token}`).then(async (r) => (await r.json()).data);

    // A mail scanner fetching the link rates nothing: only the page, running, posts the rating.
    expect((await agent.request.get(four)).status()).toBe(200);
    expect((await survey()).response).toBeNull();

    const customer = await phone();
    await customer.goto(four);
    await customer.getByTestId("survey-rating-saved").waitFor();
    await expect(customer.getByRole("radio", { name: "4 – Good" }).getAttribute("aria-checked")).resolves.toBe("true");
    expect((await survey()).response).toMatchObject({ rating: 4 });
    expect(new URL(customer.url()).search).toBe("");
    await customer.screenshot({ path: "/tmp/surveys-page-phone-en.png", fullPage: true, animations: "disabled" });

    await customer.getByRole("radio", { name: "2 – Poor" }).click();
    await customer.getByRole("radio", { name: "3", exact: true }).click();
    await customer.getByLabel("What was it about?").fill("A lost parcel");
    await customer.getByLabel("Anything else you would like to tell us?").fill("It took a week to hear back.");
    await customer.getByRole("button", { name: "Send" }).click();
    await expect(customer.getByTestId("survey-thanks").textContent()).resolves.toBe("Your rating: 2 of 5 (Poor).");
    await customer.screenshot({ path: "/tmp/surveys-thanks-phone-en.png", fullPage: true, animations: "disabled" });
    expect((await survey()).response).toMatchObject({
      rating: 2,
      nps: 3,
      comment: "It took a week to hear back.",
      answers: { [(await survey()).questions[0].id]: "A lost parcel" },
    });

    // The low rating is now a supervisor's to follow up.
    const supervisor = await staff("supervisor@demo.test");
    const queue = await callApi<{ data: { type: string; note: string; ticketSubject: string }[] }>(
      supervisor,
      app.frontline.url,
      "GET",
      "/escalations?type=bad_rating",
    );
    expect(queue.data.filter((e) => e.ticketSubject === subject).map((e) => e.note)).toEqual([
      "2/5 — It took a week to hear back.",
    ]);

    // Changing the answer again keeps one response.
    await customer.getByRole("button", { name: "Change my answer" }).click();
    await customer.getByRole("radio", { name: "5 – Excellent" }).click();
    await customer.getByRole("button", { name: "Send" }).click();
    await expect(customer.getByTestId("survey-thanks").textContent()).resolves.toBe("Your rating: 5 of 5 (Excellent).");
    expect((await survey()).response).toMatchObject({ rating: 5, comment: "It took a week to hear back." });
  });

  it("a customer's rating from the survey link changes the CSAT card on the dashboard", async () => {
    const manager = await staff("manager@demo.test");
    await manager.goto(`${app.frontline.url}/dashboard`);
    const card = manager.getByTestId("kpi-csat");
    const shown = () => card.getByTestId("kpi-value").textContent();
    await card.waitFor();
    type Csat = { score: number | null; responses: number; distribution: number[] };
    const csat = async () =>
      (await callApi<{ data: { csat: Csat } }>(manager, app.frontline.url, "GET", "/metrics/summary")).data.csat;
    const before = await csat();
    await expect.poll(shown).not.toBe("");
    const shownBefore = await shown();

    const agent = await staff("agent@demo.test");
    const email = await solveTicketFor(agent, "Mihai Ionescu", "ro", `Comanda nu a sosit ${Date.now()}`);
    const { links } = await surveyMailTo(email);
    const customer = await phone();
    await customer.goto(links.get(1)!);
    await customer.getByTestId("survey-rating-saved").waitFor();

    const after = await csat();
    expect(after.responses).toBe(before.responses + 1);
    expect(after.distribution[0]).toBe(before.distribution[0]! + 1);
    expect(after.score).not.toBe(before.score);
    await manager.reload();
    await expect.poll(shown).not.toBe(shownBefore);
    await expect.poll(() => card.textContent()).toContain(String(after.responses));
  });

  it("speaks the customer's language, right to left in Arabic", async () => {
    const agent = await staff("agent@demo.test");
    const email = await solveTicketFor(agent, "Layla Haddad", "ar", `طرد مفقود ${Date.now()}`);
    const { mail, links } = await surveyMailTo(email);
    expect(mail.html).toContain('dir="rtl"');
    const customer = await phone();
    await customer.goto(links.get(1)!.replace(/\?rating=1$/, ""));
    await customer.getByRole("heading", { name: "كيف كان أداؤنا؟" }).waitFor();
    await expect(customer.evaluate(() => document.documentElement.dir)).resolves.toBe("rtl");
    await customer.getByRole("radio", { name: "1 – سيئ جدًا" }).waitFor();
    await customer.screenshot({ path: "/tmp/surveys-page-phone-ar.png", fullPage: true, animations: "disabled" });
  });
});
