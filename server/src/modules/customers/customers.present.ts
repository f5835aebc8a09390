import type { Company, Customer, Locale } from "@frontline/common";
import type { CompanyRow } from "./companies.service";
import type { CustomerRow } from "./customers.queries";

/** Customer row → API shape. */
export function presentCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    locale: (r.locale as Locale | null) ?? null,
    timeZone: r.timeZone,
    companyId: r.companyId,
    vip: r.vip,
    notes: r.notes,
    customFields: r.customFields,
    identities: r.identities,
    mergedIntoId: r.mergedIntoId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Company row → API shape. */
export function presentCompany(r: CompanyRow): Company {
  return {
    id: r.id,
    name: r.name,
    domain: r.domain,
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
