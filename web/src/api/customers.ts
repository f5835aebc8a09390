import {
  type Company,
  companySchema,
  customerSchema,
  one,
  pageOf,
  timelineEntrySchema,
  type UpdateCustomerInput,
} from "@frontline/common";
import { apiGet, apiGetAll, apiPatch } from "./client";

const customerResponse = one(customerSchema);
const companyResponse = one(companySchema);
const companyPage = pageOf(companySchema);
const timelinePage = pageOf(timelineEntrySchema);

/** One customer. */
export async function getCustomer(id: string, signal?: AbortSignal) {
  return (await apiGet(`/customers/${encodeURIComponent(id)}`, customerResponse, undefined, signal)).data;
}

/** Changes a customer (marking one VIP: supervisors and above). */
export async function updateCustomer(id: string, input: UpdateCustomerInput) {
  return (await apiPatch(`/customers/${encodeURIComponent(id)}`, input, customerResponse)).data;
}

/** One company, for the name beside a customer. */
export async function getCompany(id: string, signal?: AbortSignal) {
  return (await apiGet(`/companies/${encodeURIComponent(id)}`, companyResponse, undefined, signal)).data;
}

/** Every company by name, for pickers (an SLA policy's or a rule's condition on the customer's company). */
export function listAllCompanies(): Promise<Company[]> {
  return apiGetAll("/companies", companyPage);
}

/** One page of a customer's timeline: every message of their tickets, newest first. */
export function customerTimeline(id: string, cursor: string | null, signal?: AbortSignal) {
  return apiGet(`/customers/${encodeURIComponent(id)}/timeline`, timelinePage, { limit: 20, cursor }, signal);
}
