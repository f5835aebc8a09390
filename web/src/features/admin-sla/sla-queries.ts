import { queryOptions } from "@tanstack/react-query";
import { listAllCompanies } from "../../api/customers";
import { queryKeys } from "../../api/query-keys";
import { listSlaPolicies } from "../../api/sla";

/** Every SLA policy in the order they are tried. */
export const slaPoliciesQuery = queryOptions({
  queryKey: queryKeys.sla.policies,
  queryFn: ({ signal }) => listSlaPolicies(signal),
});

/** Every company, for the policy's conditions and the names in its summary. */
export const companiesQuery = queryOptions({
  queryKey: queryKeys.companies.list,
  queryFn: listAllCompanies,
  staleTime: 5 * 60_000,
});
