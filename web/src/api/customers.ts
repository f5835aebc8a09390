import { type Company, companySchema, customerSchema, one, pageOf, timelineEntrySchema } from "@frontline/common";
import { apiGet, apiGetAll } from "./client";

const customerResponse = one(customerSchema);
const companyResponse = one(companySchema);
const timelinePage = pageOf(timelineEntrySchema);
const companyPage = pageOf(companySchema);

/** One customer. */
export async function getCustomer(id: string, signal?: AbortSignal) {
  return (await apiGet(`/customers/${encodeURIComponent(id)}`, customerResponse, undefined, signal)).data;
}

/** One company, for the name beside a customer. */
export async function getCompany(id: string, signal?: AbortSignal) {
  return (await apiGet(`/companies/${encodeURIComponent(id)}`, companyResponse, undefined, signal)).data;
}

/** Every company by name, for pickers such as an SLA policy's conditions. */
export function listAllCompanies(): Promise<Company[]> {
  return apiGetAll("/companies", companyPage);
}

/** One page of a customer's timeline: every message of their tickets, newest first. */
export function customerTimeline(id: string, cursor: string | null, signal?: AbortSignal) {
  return apiGet(`/customers/${encodeURIComponent(id)}/timeline`, timelinePage, { limit: 20, cursor }, signal);
}
