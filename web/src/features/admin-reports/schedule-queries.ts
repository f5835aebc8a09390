import { queryOptions } from "@tanstack/react-query";
import { queryKeys } from "../../api/query-keys";
import { listReportSchedules } from "../../api/reports";

/** Every scheduled report, by name. */
export const reportSchedulesQuery = queryOptions({
  queryKey: queryKeys.reportSchedules,
  queryFn: ({ signal }) => listReportSchedules(signal),
});
