import { LANGUAGES, type Language } from "./bank";
import { type BulkSession, opt, TableRows, text, ts } from "./copy";
import type { OrgPlan } from "./plan";
import type { Rng } from "./random";
import { DAY } from "./season";
import { BANKS, productWord } from "./text";

const COMPANY_KINDS = ["Ltd", "GmbH", "SRL", "Group", "Logistics", "Studio", "Partners", "Holding"];
const PROVIDERS = ["mail.test", "post.test", "inbox.test", "webmail.test"];
const BATCH = 20_000;

/** An organisation's customers, as the tickets need them. */
export interface Customers {
  ids: string[];
  first: string[];
  language: Uint8Array;
}

const latin = (s: string) => (/^[a-z]+$/i.test(s) ? s.toLowerCase() : "client");

/** Customers (two for every five tickets, a few with many tickets), some in companies, each with an email. */
export async function copyCustomers(
  s: BulkSession,
  rng: Rng,
  orgId: string,
  plan: OrgPlan,
  startMs: number,
): Promise<Customers> {
  const count = Math.max(5, Math.ceil(plan.tickets * 0.4));
  const companies = new TableRows("companies", ["org_id", "id", "name", "domain", "created_at", "updated_at"]);
  const companyIds: string[] = [];
  for (let i = 0; i < Math.max(1, Math.floor(count / 25)); i++) {
    const at = startMs - 365 * DAY + rng.int(300) * DAY;
    const id = rng.uuidAt(at);
    const name = `${productWord("en", 500 + i)} ${COMPANY_KINDS[i % COMPANY_KINDS.length]}`;
    companies.add(orgId, id, name, `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`, ts(at), ts(at));
    companyIds.push(id);
  }
  await s.copy(companies);
  const out: Customers = { ids: [], first: [], language: new Uint8Array(count) };
  const rows = new TableRows("customers", [
    "org_id",
    "id",
    "name",
    "email",
    "locale",
    "company_id",
    "vip",
    "created_at",
    "updated_at",
  ]);
  const identities = new TableRows("customer_identities", [
    "org_id",
    "id",
    "customer_id",
    "channel",
    "value",
    "created_at",
    "updated_at",
  ]);
  for (let i = 0; i < count; i++) {
    const language: Language = plan.languages.pick(rng);
    const bank = BANKS[language];
    const first = rng.pick(bank.firstNames);
    const last = rng.pick(bank.lastNames);
    const at = startMs - rng.int(365) * DAY;
    const id = rng.uuidAt(at);
    const email = `${latin(first)}.${latin(last)}.${i + 1}@${PROVIDERS[i % PROVIDERS.length]}`;
    const company = rng.chance(0.4) ? companyIds[rng.zipf(companyIds.length)]! : null;
    rows.add(
      orgId,
      id,
      text(`${first} ${last}`),
      email,
      language,
      opt(company),
      rng.chance(0.01) ? "t" : "f",
      ts(at),
      ts(at),
    );
    identities.add(orgId, rng.uuidAt(at), id, "email", email, ts(at), ts(at));
    out.ids.push(id);
    out.first.push(first);
    out.language[i] = LANGUAGES.indexOf(language);
    if (rows.lines.length >= BATCH) {
      await s.copy(rows);
      await s.copy(identities);
      rows.clear();
      identities.clear();
    }
  }
  await s.copy(rows);
  await s.copy(identities);
  return out;
}
