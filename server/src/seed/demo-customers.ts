import { createCompanyInput, createCustomerInput, type Locale } from "@frontline/common";
import { createCompany, createCustomer } from "../modules/customers";
import { asStaff, type DemoCast } from "./demo-cast";

// Addresses and numbers are reserved for examples (RFC 2606's .example and example.*, Ofcom's drama
// ranges), so a relay configured later cannot deliver a demo reply to a real person.

const COMPANIES = {
  brightwave: { name: "Brightwave Ltd", domain: "brightwave.example", notes: "Design studio in Manchester, 40 seats." },
  berger: {
    name: "Berger Maschinenbau GmbH",
    domain: "berger-maschinenbau.example",
    notes: "Machine builder near Stuttgart; routers in three plants. Key account.",
  },
  alnoor: { name: "Al Noor Trading", domain: "alnoor.example", notes: "Wholesaler with offices in Riyadh and Jeddah." },
} as const;

interface DemoCustomer {
  name: string;
  email: string;
  locale: Locale;
  timeZone: string;
  company?: keyof typeof COMPANIES;
  phone?: string;
  vip?: boolean;
  notes?: string;
}

const CUSTOMERS: DemoCustomer[] = [
  {
    name: "Emma Clarke",
    email: "emma.clarke@brightwave.example",
    locale: "en",
    timeZone: "Europe/London",
    company: "brightwave",
    notes: "Office manager; handles Brightwave's invoices.",
  },
  {
    name: "Sophie Turner",
    email: "sophie.turner@brightwave.example",
    locale: "en",
    timeZone: "Europe/London",
    company: "brightwave",
    phone: "+44 20 7946 0321",
  },
  {
    name: "James O'Connor",
    email: "james.oconnor@example.com",
    locale: "en",
    timeZone: "Europe/London",
    phone: "+44 20 7946 0544",
  },
  {
    name: "Daniel Reed",
    email: "daniel.reed@example.com",
    locale: "en",
    timeZone: "America/New_York",
    notes: "Developer; connects his shop to our API.",
  },
  { name: "Ana Popescu", email: "ana.popescu@example.net", locale: "ro", timeZone: "Europe/Bucharest" },
  { name: "Mihai Dumitrescu", email: "mihai.dumitrescu@example.net", locale: "ro", timeZone: "Europe/Bucharest" },
  { name: "Elena Stan", email: "elena.stan@example.org", locale: "ro", timeZone: "Europe/Bucharest" },
  {
    name: "Klaus Berger",
    email: "klaus.berger@berger-maschinenbau.example",
    locale: "de",
    timeZone: "Europe/Berlin",
    company: "berger",
    vip: true,
    notes: "Owner of Berger Maschinenbau. Prefers a call back to long mails.",
  },
  {
    name: "Petra Schmidt",
    email: "petra.schmidt@berger-maschinenbau.example",
    locale: "de",
    timeZone: "Europe/Berlin",
    company: "berger",
  },
  { name: "Lukas Hoffmann", email: "lukas.hoffmann@example.org", locale: "de", timeZone: "Europe/Vienna" },
  { name: "Dmitri Sokolov", email: "dmitri.sokolov@example.com", locale: "ru", timeZone: "Europe/Moscow" },
  { name: "Olga Morozova", email: "olga.morozova@example.net", locale: "ru", timeZone: "Europe/Moscow" },
  {
    name: "Omar Al-Farsi",
    email: "omar.alfarsi@alnoor.example",
    locale: "ar",
    timeZone: "Asia/Riyadh",
    company: "alnoor",
  },
  {
    name: "Fatima Al-Harbi",
    email: "fatima.alharbi@alnoor.example",
    locale: "ar",
    timeZone: "Asia/Riyadh",
    company: "alnoor",
  },
  { name: "Youssef Nasser", email: "youssef.nasser@example.com", locale: "ar", timeZone: "Asia/Riyadh" },
];

/** Creates the demo's companies and customers (a supervisor marks the VIP) into the cast, by email. */
export async function createDemoCustomers(cast: DemoCast): Promise<void> {
  const supervisor = asStaff(cast, "supervisor@demo.test");
  const companyIds = new Map<string, string>();
  for (const [key, company] of Object.entries(COMPANIES)) {
    companyIds.set(key, (await createCompany(supervisor, createCompanyInput.parse(company))).id);
  }
  for (const c of CUSTOMERS) {
    const input = createCustomerInput.parse({
      name: c.name,
      email: c.email,
      locale: c.locale,
      timeZone: c.timeZone,
      ...(c.phone ? { phone: c.phone } : {}),
      ...(c.company ? { companyId: companyIds.get(c.company) } : {}),
      vip: c.vip ?? false,
      notes: c.notes ?? "",
    });
    cast.customers.set(c.email, await createCustomer(supervisor, input));
  }
}
