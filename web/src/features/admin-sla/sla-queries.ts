import { queryOptions } from "@tanstack/react-query";
import { queryKeys } from "../../api/query-keys";
import { listSlaPolicies } from "../../api/sla";

/** Every SLA policy in the order they are tried. */
export const slaPoliciesQuery = queryOptions({
  queryKey: queryKeys.sla.policies,
  queryFn: ({ signal }) => listSlaPolicies(signal),
});
