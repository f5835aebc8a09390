import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, uniqueEmail } from "../../../test/factories";
import { testApp } from "../../../test/harness";
import { markSnippet } from "./search.service";

let h: Awaited<ReturnType<typeof testApp>>;
let org: TestOrg;

beforeAll(async () => {
  h = await testApp();
  org = await makeOrg(h);
});

async function ticket(subject: string, body: string, language: string, extra: Record<string, unknown> = {}) {
  const res = await org.as.agent.post("/api/v1/tickets", {
    subject,
    requester: { email: uniqueEmail(), name: "Client" },
    message: { body },
    language,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body.data;
}

type Hit = { type: string; id: string; ticketId?: string; snippet: string; title: string };
const find = async (q: string, extra = "") =>
  (await org.as.agent.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`)).body.data as Hit[];
const ticketIds = (hits: Hit[]) => hits.filter((x) => x.type === "ticket").map((x) => x.id);

describe("search finds stemmed words in every language", () => {
  const cases: [string, string, string, string, string][] = [
    ["en", "Damaged parcels", "Both parcels arrived damaged and wet.", "parcel", "damage"],
    ["ro", "Colete deteriorate", "Coletele au ajuns deteriorate și ude.", "coletul", "colete"],
    ["de", "Beschädigte Pakete", "Die Pakete kamen beschädigt an.", "Paket", "Paketen"],
    ["ru", "Повреждённые посылки", "Обе посылки пришли повреждёнными.", "посылка", "посылку"],
    ["ar", "مشكلة في الطلب", "وصلت الطرود تالفة ومبللة", "المشكلة", "بالطرود"],
  ];
  it.each(cases)("%s: another form of the word finds the ticket", async (language, subject, body, form1, form2) => {
    const t = await ticket(subject, body, language);
    expect(ticketIds(await find(form1))).toContain(t.id);
    expect(ticketIds(await find(form2))).toContain(t.id);
  });
});

describe("search works", () => {
  it("ranks, highlights, finds messages and customers, and combines words", async () => {
    const t = await ticket("Refund for order 991", "I want a refund, the blender is broken.", "en");
    await org.as.agent.post(`/api/v1/tickets/${t.id}/messages`, { kind: "note", body: "Refund approved by finance" });
    const hits = await find("refund blender");
    const mine = hits.find((x) => x.type === "ticket" && x.id === t.id)!;
    expect(mine.title).toBe("Refund for order 991");
    expect(mine.snippet).toMatch(/<mark>refund<\/mark>/i);
    const messages = hits.filter((x) => x.type === "message" && x.ticketId === t.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.snippet).toContain("<mark>blender</mark>");
    expect(ticketIds(await find("refund approved"))).toContain(t.id);
    expect(ticketIds(await find("refund giraffe"))).not.toContain(t.id);
    const email = uniqueEmail("searchable");
    const c = (await org.as.agent.post("/api/v1/customers", { name: "Zoltan Searchable", email })).body.data;
    const people = (await find("searchable")).filter((x) => x.type === "customer");
    expect(people.map((p) => p.id)).toEqual([c.id]);
    expect(people[0]!.snippet).toContain("<mark>Searchable</mark>");
  });

  it("combines the words with ticket filters and a chosen type", async () => {
    const open = await ticket("Invoice copy needed", "Please send the invoice again", "en", { priority: "high" });
    const low = await ticket("Invoice address wrong", "The invoice has the old address", "en", { priority: "low" });
    const ids = ticketIds(await find("invoice", "&priority=high"));
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(low.id);
    const onlyTickets = await find("invoice", "&type=ticket");
    expect(new Set(onlyTickets.map((x) => x.type))).toEqual(new Set(["ticket"]));
  });

  it("finds a ticket again after its subject changes", async () => {
    const t = await ticket("Placeholder", "nothing here", "en");
    await org.as.agent.patch(`/api/v1/tickets/${t.id}`, { subject: "Warranty extension" });
    expect(ticketIds(await find("warranty"))).toContain(t.id);
  });

  it("escapes the text of snippets: only <mark> is HTML", () => {
    expect(markSnippet(`<img src=x onerror=alert(1)> \u27e6word\u27e7 & "q"`)).toBe(
      "&lt;img src=x onerror=alert(1)&gt; <mark>word</mark> &amp; &quot;q&quot;",
    );
  });
});

describe("search rejects bad input and other organisations", () => {
  it("requires a query and valid filters", async () => {
    expect((await org.as.agent.get("/api/v1/search")).status).toBe(400);
    expect((await org.as.agent.get("/api/v1/search?q=x&status=done")).status).toBe(400);
    const odd = await org.as.agent.get(`/api/v1/search?q=${encodeURIComponent('"unclosed -- ! & | ( ) :*')}`);
    expect(odd.status).toBe(200);
  });

  it("never shows another organisation's tickets, messages or customers", async () => {
    const t = await ticket("Quarantined keyword xylophone", "xylophone inside", "en");
    const other = await makeOrg(h);
    const hits = (await other.as.admin.get("/api/v1/search?q=xylophone")).body.data as Hit[];
    expect(hits).toEqual([]);
    expect(ticketIds(await find("xylophone"))).toContain(t.id);
  });
});
