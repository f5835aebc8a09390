import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { getPortalMe, getPortalOrg, portalKeys } from "../../api/portal";

/** The portal's slug from the address. */
export function usePortalSlug(): string {
  return useParams({ strict: false, select: (p: { slug?: string }) => p.slug ?? "" });
}

/** The organisation behind the portal. */
export function usePortalOrg(slug: string) {
  return useQuery({
    queryKey: portalKeys.org(slug),
    queryFn: () => getPortalOrg(slug),
    staleTime: 10 * 60_000,
    retry: 1,
  });
}

/** The signed-in customer, or null; undefined while loading. */
export function usePortalMe(slug: string) {
  return useQuery({ queryKey: portalKeys.me(slug), queryFn: () => getPortalMe(slug), staleTime: 5 * 60_000 });
}
