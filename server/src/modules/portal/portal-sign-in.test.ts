import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../../test/client";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { deliverLinks, mailsTo, portalClient, slugOf, tokenIn } from "../../../test/portal";
import { startRelay } from "../../../test/smtp-relay";
import { inOrg } from "../../platform/tenancy";

let h: Awaited<ReturnType<typeof testApp>>;
let relay: Awaited<ReturnType<typeof startRelay>>;
let org: TestOrg;
let slug: string;
const anonymous = () => new Client(h.app);

beforeAll(async () => {
  relay = await startRelay();
  h = await testApp();
  org = await makeOrg(h);
  slug = await slugOf(h, org.orgId);
});
afterAll(() => relay.close());

/** A customer the organisation knows (they wrote in through the API). */
async function knownCustomer(name = "Ivan Petrov") {
  const email = uniqueEmail("known");
  const ticket = (
    await org.as.agent.post("/api/v1/tickets", {
      subject: "Где мой заказ?",
      requester: { email, name },
      message: { body: "Заказ 7 не пришёл" },
    })
  ).body.data;
  return { email, ticket };
}

/** Asks for a sign-in link and reads it from the mail, as the customer would. */
async function linkFor(email: string, locale?: string) {
  const res = await anonymous().post(`/api/v1/portal/${slug}/sign-in-link`, { email, ...(locale ? { locale } : {}) });
  expect(res.status).toBe(202);
  await deliverLinks(h, relay, [org.orgId]);
  const mail = (await mailsTo(relay, email)).at(-1)!;
  return { mail, token: tokenIn(mail.text) };
}

describe("signing in to the portal works", () => {
  it("mails a known customer a one-time link in the language they chose, which opens a session", async () => {
    const { email } = await knownCustomer();
    const { mail, token } = await linkFor(email, "ru");
    expect(mail.subject).toMatch(/^Ваша ссылка для входа: Org /);
    expect(mail.text).toContain("Здравствуйте, Ivan Petrov!");
    expect(mail.text).toContain("действует 30 минут");

    const res = await anonymous().post(`/api/v1/portal/${slug}/session`, { token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      customer: { name: "Ivan Petrov", email, locale: null, csrfToken: expect.any(String) },
      ticketId: null,
    });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^frontline_portal=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");

    const again = await anonymous().post(`/api/v1/portal/${slug}/session`, { token });
    expect([again.status, again.body.code]).toEqual([401, "unauthenticated"]);
  });

  it("signs in again over an existing session (another link, another person) and ends the old one", async () => {
    const first = await knownCustomer("First Person");
    const second = await knownCustomer("Second Person");
    const old = await portalClient(h, slug, (await linkFor(first.email)).token);
    const { token } = await linkFor(second.email);
    // The browser still sends the first person's cookie, and no CSRF token: the mailed token is the proof.
    const res = await new Client(h.app, { cookie: old.creds.cookie! }).post(`/api/v1/portal/${slug}/session`, {
      token,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.customer.name).toBe("Second Person");
    expect((await old.get(`/api/v1/portal/${slug}/me`)).status).toBe(401);
  });

  it("answers the same for an unknown address and mails nobody", async () => {
    const email = uniqueEmail("stranger");
    const res = await anonymous().post(`/api/v1/portal/${slug}/sign-in-link`, { email });
    expect([res.status, res.body]).toEqual([202, null]);
    await deliverLinks(h, relay, [org.orgId]);
    expect(await mailsTo(relay, email)).toHaveLength(0);
  });

  it("lands on the request a confirmation mail was about", async () => {
    const email = uniqueEmail("lands");
    const sent = await anonymous().post(`/api/v1/portal/${slug}/requests`, { email, subject: "Where?", body: "b" });
    const ticket = (await org.as.agent.get("/api/v1/tickets?channel=web")).body.data.find(
      (t: { number: number }) => t.number === sent.body.data.number,
    );
    await deliverLinks(h, relay, [org.orgId]);
    const [mail] = await mailsTo(relay, email);
    const res = await anonymous().post(`/api/v1/portal/${slug}/session`, { token: tokenIn(mail!.text) });
    expect(res.status).toBe(200);
    expect(res.body.data.ticketId).toBe(ticket.id);
  });

  it("lets the customer change their language, and signs out on the server", async () => {
    const { email } = await knownCustomer("Layla Haddad");
    const customer = await portalClient(h, slug, (await linkFor(email)).token);
    const changed = await customer.patch(`/api/v1/portal/${slug}/me`, { locale: "ar" });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ name: "Layla Haddad", locale: "ar" });
    const out = await customer.delete(`/api/v1/portal/${slug}/session`);
    expect(out.status).toBe(204);
    expect((await customer.get(`/api/v1/portal/${slug}/me`)).status).toBe(401);
  });
});

describe("signing in to the portal rejects bad input", () => {
  it("refuses forged, expired and malformed tokens", async () => {
    const forged = await anonymous().post(`/api/v1/portal/${slug}/session`, { token: "x".repeat(43) });
    expect([forged.status, forged.body.code]).toEqual([401, "unauthenticated"]);
    const short = await anonymous().post(`/api/v1/portal/${slug}/session`, { token: "abc" });
    expect([short.status, Object.keys(short.body.fields)]).toEqual([400, ["token"]]);

    const { email } = await knownCustomer();
    const { token } = await linkFor(email);
    // The link's half hour has passed.
    await inOrg(h.deps.database, org.orgId, (s) =>
      s.tx.execute(sql`UPDATE portal_links SET expires_at = now() - interval '1 minute' WHERE customer_id IN
        (SELECT id FROM customers WHERE org_id = ${org.orgId} AND email = ${email})`),
    );
    const expired = await anonymous().post(`/api/v1/portal/${slug}/session`, { token });
    expect([expired.status, expired.body.code]).toEqual([401, "unauthenticated"]);
  });

  it("refuses a bad email and unknown fields", async () => {
    const res = await anonymous().post(`/api/v1/portal/${slug}/sign-in-link`, { email: "nope", admin: true });
    expect([res.status, Object.keys(res.body.fields).sort()]).toEqual([400, ["admin", "email"]]);
  });
});

describe("signing in to the portal refuses the wrong caller", () => {
  it("does not honour another organisation's link or session", async () => {
    const other = await makeOrg(h);
    const otherSlug = await slugOf(h, other.orgId);
    const { email } = await knownCustomer();
    const { token } = await linkFor(email);
    const elsewhere = await anonymous().post(`/api/v1/portal/${otherSlug}/session`, { token });
    expect(elsewhere.status).toBe(401);
    const customer = await portalClient(h, slug, token);
    const cross = new Client(h.app, customer.creds);
    expect((await cross.get(`/api/v1/portal/${otherSlug}/me`)).status).toBe(401);
    expect((await cross.get(`/api/v1/portal/${otherSlug}/tickets`)).status).toBe(401);
  });

  it("keeps portal and staff sessions apart", async () => {
    const { email } = await knownCustomer();
    const customer = await portalClient(h, slug, (await linkFor(email)).token);
    const staffApi = await customer.get("/api/v1/tickets");
    expect([staffApi.status, staffApi.body.code]).toEqual([401, "unauthenticated"]);
    const staffInPortal = await org.as.admin.get(`/api/v1/portal/${slug}/me`);
    expect(staffInPortal.status).toBe(401);
  });

  it("refuses a signed-in write without the session's CSRF token", async () => {
    const { email } = await knownCustomer();
    const customer = await portalClient(h, slug, (await linkFor(email)).token);
    const noToken = new Client(h.app, { cookie: customer.creds.cookie! });
    const res = await noToken.patch(`/api/v1/portal/${slug}/me`, { locale: "de" });
    expect([res.status, res.body.code]).toEqual([403, "csrf_failed"]);
  });

  it("limits link requests per address", async () => {
    const { email } = await knownCustomer();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await anonymous().post(`/api/v1/portal/${slug}/sign-in-link`, { email })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });
});
