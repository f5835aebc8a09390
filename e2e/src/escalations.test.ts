import { simpleParser } from "mailparser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { startMailRelay } from "./mail-relay";
import { callApi, signIn as signInAs } from "./session";

// The customers' mail server; Frontline is started after it, pointed at it.
let relay: Awaited<ReturnType<typeof startMailRelay>>;
beforeAll(async () => {
  relay = await startMailRelay();
});
afterAll(async () => {
  await relay?.close();
});

const app = withFrontline(() => ({ SMTP_URL: `smtp://127.0.0.1:${relay.port}` }));

/** A signed-in page of its own (separate cookies), as if on another person's computer. */
async function personAt(email: string): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await signInAs(page, app.frontline.url, email);
  return page;
}

/** Chooses an option of a labelled select inside `scope` (a dialog). */
async function choose(page: Page, label: string, option: string | RegExp) {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

const unreadOf = (page: Page) => page.getByTestId("notification-bell").getAttribute("data-unread");

describe("an agent hands a difficult customer up, and a supervisor handles it", () => {
  it("Alex escalates with a reason; Stefan sees it in the queue, takes and resolves it; Alex's bell says so", async () => {
    const subject = `Refund of 480 EUR ${Date.now()}`;
    const alex = await personAt("agent@demo.test");
    const ticket = (
      await callApi<{ data: { id: string; number: number } }>(alex, app.frontline.url, "POST", "/tickets", {
        subject,
        requester: { email: "mihai.dobre@example.com", name: "Mihai Dobre" },
        message: { body: "The blender broke on day two. I want all my money back." },
        language: "en",
      })
    ).data;
    await alex.goto(`${app.frontline.url}/tickets/${ticket.id}`);
    await alex.getByRole("heading", { name: subject }).waitFor();

    await alex.getByRole("button", { name: "Escalate" }).click();
    const dialog = alex.getByRole("dialog", { name: `Escalate ticket #${ticket.number}` });
    await dialog.waitFor();
    await choose(alex, "Reason", "Refund above my limit");
    await dialog.getByRole("textbox", { name: "Note for the supervisor" }).fill("He wants 480 EUR; my limit is 200.");
    await choose(alex, "Hand to", /Stefan Keller/);
    await alex.screenshot({ path: "/tmp/escalations-dialog-en.png", animations: "disabled" });
    await dialog.getByRole("button", { name: "Escalate" }).click();
    const banner = alex.getByTestId("open-escalation");
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain("Escalated to level 1 (Supervisor): Refund above my limit");
    await expect(banner.textContent()).resolves.toContain("handed to Stefan Keller");
    await expect(alex.getByTestId("escalation-level").first().textContent()).resolves.toBe("Level 1");
    await alex.screenshot({ path: "/tmp/escalations-ticket-en.png", animations: "disabled" });
    // The inbox shows the level and filters by it.
    await alex.goto(`${app.frontline.url}/inbox?view=all&escalated=true`);
    const row = alex.getByRole("row", { name: new RegExp(subject) });
    await expect.poll(() => row.getByTestId("escalation-level").textContent()).toBe("L1");
    await expect(alex.getByRole("checkbox", { name: "Escalated only" }).isChecked()).resolves.toBe(true);
    await alex.screenshot({ path: "/tmp/escalations-inbox-en.png", animations: "disabled" });

    // Stefan works in German: his bell says he was handed it, the queue lists it.
    const stefan = await personAt("supervisor@demo.test");
    await expect.poll(() => unreadOf(stefan)).toBe("1");
    await stefan.getByTestId("nav").getByRole("link", { name: "Eskalationen" }).click();
    const open = stefan.getByTestId("escalation-queue-open").getByTestId("escalation-row").filter({ hasText: subject });
    await open.waitFor();
    await expect(open.textContent()).resolves.toContain("Erstattung über meinem Limit");
    await expect(stefan.getByTestId("report-total").textContent()).resolves.toBe("1");
    // The report looks back over a period of his choosing; today's escalation is in each.
    await stefan.getByTestId("escalation-report").getByText("7 Tage").click();
    await stefan.getByRole("heading", { name: "Letzte 7 Tage" }).waitFor();
    await expect(stefan.getByTestId("report-total").textContent()).resolves.toBe("1");
    await stefan.screenshot({ path: "/tmp/escalations-queue-de.png", animations: "disabled" });
    await open.getByRole("button", { name: "Übernehmen" }).click();
    await open.waitFor({ state: "detached" });

    await stefan.getByRole("tab", { name: "Übernommen" }).click();
    const taken = stefan
      .getByTestId("escalation-queue-taken")
      .getByTestId("escalation-row")
      .filter({ hasText: subject });
    await taken.waitFor();
    await expect(taken.textContent()).resolves.toContain("Stefan Keller");
    await taken.getByRole("button", { name: "Erledigen" }).click();
    const resolve = stefan.getByRole("dialog", { name: `Eskalation von #${ticket.number} erledigen` });
    await resolve.waitFor();
    await choose(stefan, "Ergebnis", "Erstattung genehmigt");
    await resolve.getByRole("textbox", { name: "Notiz für den Agenten" }).fill("Approved: refund all 480 EUR today.");
    await resolve.getByRole("button", { name: "Erledigen" }).click();
    await taken.waitFor({ state: "detached" });
    await stefan.getByRole("tab", { name: "Erledigt" }).click();
    const done = stefan
      .getByTestId("escalation-queue-resolved")
      .getByTestId("escalation-row")
      .filter({ hasText: subject });
    await expect.poll(() => done.textContent()).toContain("Erstattung genehmigt");

    // Alex's bell tells him it was taken and resolved; the note is on the ticket, the level is gone.
    await alex.reload();
    await expect.poll(() => unreadOf(alex)).toBe("2");
    await alex.getByTestId("notification-bell").click();
    const latest = alex.getByTestId("notification-item").first();
    await expect.poll(() => latest.textContent()).toContain("Stefan Keller resolved the escalation");
    await expect(latest.textContent()).resolves.toContain("Refund approved · Refund above my limit");
    await expect(latest.textContent()).resolves.toContain(`#${ticket.number} ${subject}`);
    await alex.screenshot({ path: "/tmp/escalations-bell-en.png", animations: "disabled" });
    await latest.click();
    await alex
      .getByRole("region", { name: "Conversation" })
      .getByRole("article", { name: "Internal note" })
      .filter({ hasText: "Approved: refund all 480 EUR today." })
      .waitFor();
    await expect(alex.getByTestId("open-escalation").count()).resolves.toBe(0);
    await expect(alex.getByTestId("escalation-level").count()).resolves.toBe(0);
  });
});

/** The text of mail number `count` to `address`, once it has arrived. */
async function mailText(address: string, count: number): Promise<string> {
  await expect.poll(() => relay.to(address).length, { timeout: 20_000 }).toBe(count);
  return (await simpleParser(relay.to(address)[count - 1]!.raw)).text ?? "";
}

const linkIn = (text: string, path: string) => {
  const link = new RegExp(`(http://\\S+/${path}#\\S+)`).exec(text)?.[1];
  if (!link) throw new Error(`no ${path} link in ${text}`);
  return link;
};

const rtl = (page: Page) => page.waitForFunction(() => document.documentElement.dir === "rtl");

describe("a customer asks for a supervisor", () => {
  it("through the link in a reply mail and with the portal's button, in their language; staff see it in theirs", async () => {
    const email = `noura.${Date.now()}@example.com`;
    const subject = `Damaged sofa ${Date.now()}`;
    const customer = await app.browser.newPage({ viewport: { width: 1100, height: 860 } });
    await customer.goto(`${app.frontline.url}/portal/demo`);
    await customer.getByLabel("Your name").fill("Noura Saleh");
    await customer.getByLabel("Your email").fill(email);
    await customer.getByLabel("Subject").fill(subject);
    await customer.getByLabel("How can we help?").fill("The sofa arrived with a torn cushion.");
    await customer.getByRole("button", { name: "Send request" }).click();
    await customer.getByText("Thank you, we have your request").waitFor();
    const signInLink = linkIn(await mailText(email, 1), "portal/demo/sign-in");

    // An agent answers; the reply mail carries the link, in English here.
    const alex = await personAt("agent@demo.test");
    const list = await callApi<{ data: { id: string; number: number; subject: string }[] }>(
      alex,
      app.frontline.url,
      "GET",
      "/tickets?limit=50",
    );
    const first = list.data.find((t) => t.subject === subject)!;
    const reply = (ticketId: string, body: string) =>
      callApi(alex, app.frontline.url, "POST", `/tickets/${ticketId}/messages`, { kind: "reply", body });
    await reply(first.id, "We are sorry; a new cushion is on its way.");
    const mailed = await mailText(email, 2);
    expect(mailed).toContain("Not happy with how this is going? Ask for a supervisor: http://");
    await customer.goto(linkIn(mailed, "portal/demo/supervisor"));
    await customer.getByRole("heading", { name: `Ask a supervisor to look at request #${first.number}?` }).waitFor();
    expect(customer.url()).not.toContain("token=");
    await customer.screenshot({ path: "/tmp/escalations-link-en.png", animations: "disabled" });
    await customer.getByRole("button", { name: "Yes, ask a supervisor" }).click();
    await customer.getByRole("heading", { name: `A supervisor will look at request #${first.number}` }).waitFor();
    const raised = await callApi<{ data: { type: string; via: string }[] }>(
      alex,
      app.frontline.url,
      "GET",
      `/tickets/${first.id}/escalations`,
    );
    expect(raised.data.map((e) => [e.type, e.via])).toEqual([["customer_request", "mail_link"]]);

    // A second request in Arabic: its mail and its page speak Arabic, right to left.
    const second = (
      await callApi<{ data: { id: string; number: number } }>(alex, app.frontline.url, "POST", "/tickets", {
        subject: `${subject} (2)`,
        requester: { email },
        message: { body: "وصلت الأريكة الثانية متضررة أيضًا." },
        channel: "web",
        language: "ar",
      })
    ).data;
    await reply(second.id, "نعتذر عن ذلك.");
    const arabic = await mailText(email, 3);
    expect(arabic).toContain("غير راضٍ عن سير الأمور؟ اطلب تدخّل قائد الفريق: http://");
    await customer.goto(linkIn(arabic, "portal/demo/supervisor"));
    await rtl(customer);
    await customer.getByRole("heading", { name: `هل تطلب من قائد الفريق النظر في الطلب #${second.number}؟` }).waitFor();
    await customer.screenshot({ path: "/tmp/escalations-link-ar.png", animations: "disabled" });

    // Signed in to the portal, the customer asks with the button instead.
    await customer.goto(signInLink);
    await customer.getByTestId("supervisor-requested").waitFor();
    await customer.goto(`${app.frontline.url}/portal/demo/tickets/${second.id}`);
    // Signed in, the portal speaks the customer's saved language (English, from the form); they switch.
    await customer.getByRole("button", { name: "Ask for a supervisor" }).waitFor();
    await customer.getByRole("combobox", { name: "Language" }).click();
    await customer.getByRole("option", { name: "العربية" }).click();
    await rtl(customer);
    await customer.getByRole("button", { name: "اطلب تدخّل قائد الفريق" }).click();
    await customer.getByTestId("supervisor-requested").waitFor();
    await expect(customer.getByTestId("supervisor-requested").textContent()).resolves.toBe(
      "طُلب من قائد الفريق النظر في هذا الطلب.",
    );
    await customer.screenshot({ path: "/tmp/escalations-portal-ar.png", animations: "disabled" });
    const viaPortal = await callApi<{ data: { type: string; via: string }[] }>(
      alex,
      app.frontline.url,
      "GET",
      `/tickets/${second.id}/escalations`,
    );
    expect(viaPortal.data.map((e) => [e.type, e.via])).toEqual([["customer_request", "portal"]]);

    // Layla works in Arabic: the ticket's header shows the customer's request right to left.
    const layla = await personAt("layla@demo.test");
    await rtl(layla);
    await layla.goto(`${app.frontline.url}/tickets/${second.id}`);
    const banner = layla.getByTestId("open-escalation");
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain("صُعّدت إلى المستوى 1 (مشرف): طلب العميل التحدث إلى مشرف");
    await layla.screenshot({ path: "/tmp/escalations-ticket-ar.png", animations: "disabled" });
    // Escalating it again would take it to a manager: the dialog says so, in Arabic.
    await layla.getByRole("button", { name: "تصعيد" }).click();
    const again = layla.getByRole("dialog", { name: `تصعيد التذكرة #${second.number}` });
    await again.getByText("المستوى 2 · مدير").waitFor();
    await layla.screenshot({ path: "/tmp/escalations-dialog-ar.png", animations: "disabled" });
    await again.getByRole("button", { name: "إلغاء" }).click();
    await again.waitFor({ state: "detached" });
    await layla.goto(`${app.frontline.url}/inbox?view=all&escalated=true`);
    await expect.poll(() => layla.getByTestId("escalation-level").count()).toBe(2);
    await layla.screenshot({ path: "/tmp/escalations-inbox-ar.png", animations: "disabled" });

    // The admin's pages: the settings in English, then the queue and the settings in Arabic.
    const ada = await personAt("admin@demo.test");
    await ada.goto(`${app.frontline.url}/admin/escalations`);
    await ada.getByTestId("reasons-table").getByText("Refund above my limit").waitFor();
    await ada.getByRole("button", { name: "Add reason" }).click();
    const add = ada.getByRole("dialog", { name: "Add reason" });
    await add.getByRole("textbox", { name: "Code" }).fill("fraud_suspected");
    await add.getByRole("textbox", { name: "Label in English" }).fill("Fraud suspected");
    await add.getByRole("textbox", { name: "Label in العربية" }).fill("اشتباه في احتيال");
    await ada.screenshot({ path: "/tmp/escalations-reason-form-en.png", animations: "disabled" });
    await add.getByRole("button", { name: "Save" }).click();
    await ada.getByTestId("reasons-table").getByText("Fraud suspected").waitFor();
    await ada.screenshot({ path: "/tmp/escalations-settings-en.png", animations: "disabled", fullPage: true });
    await callApi(ada, app.frontline.url, "PATCH", "/me", { locale: "ar" });
    await ada.goto(`${app.frontline.url}/escalations`);
    await rtl(ada);
    const rows = ada.getByTestId("escalation-queue-open").getByTestId("escalation-row");
    await expect.poll(() => rows.count()).toBe(2);
    await ada.screenshot({ path: "/tmp/escalations-queue-ar.png", animations: "disabled" });
    await ada.goto(`${app.frontline.url}/admin/escalations`);
    await ada.getByTestId("reasons-table").getByText("اشتباه في احتيال").waitFor();
    await ada.screenshot({ path: "/tmp/escalations-settings-ar.png", animations: "disabled", fullPage: true });
  });
});
