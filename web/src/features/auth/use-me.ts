import type { Me } from "@frontline/common";
import { useSuspenseQuery } from "@tanstack/react-query";
import { meQuery } from "../../api/queries";

/** The signed-in user. Only for pages under the signed-in layout, whose guard has already loaded it. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}
