import type { QueryClient } from "@tanstack/react-query";
import type { AnyRouter } from "@tanstack/react-router";
import i18next from "i18next";
import { setCsrfToken } from "../api/client";
import { meQuery } from "../api/queries";
import { signOut } from "../api/session";
import { notifyWarning } from "../ui/notify";

// The generic router type, not the app's: importing the app router here would make a module cycle.
type AppRouter = AnyRouter;

let leaving = false;

/** Leaves the signed-in area: first navigate (so no page refetches), then forget every cached answer. */
async function leave(router: AppRouter, queryClient: QueryClient, redirectTo?: string): Promise<void> {
  if (leaving) return;
  leaving = true;
  try {
    await router.navigate({ to: "/login", search: redirectTo ? { redirect: redirectTo } : {} });
    queryClient.clear();
  } finally {
    leaving = false;
  }
}

/** Called by the API client on a 401: the session expired or was revoked elsewhere. */
export function onSessionEnded(router: AppRouter, queryClient: QueryClient): () => void {
  return () => {
    setCsrfToken(null);
    // Without a cached /me the person was never signed in here; the route guard already redirects.
    if (!queryClient.getQueryData(meQuery.queryKey) || leaving) return;
    notifyWarning(i18next.t("auth.sessionEnded"), "session-ended");
    void leave(router, queryClient, router.state.location.href);
  };
}

/** Signs out on the server, then returns to the sign-in page. */
export async function signOutAndLeave(router: AppRouter, queryClient: QueryClient): Promise<void> {
  await signOut();
  await leave(router, queryClient);
}
