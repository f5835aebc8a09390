import { type Me, type Role, roleAtLeast } from "@frontline/common";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { isApiStatus } from "../api/api-error";
import { meQuery } from "../api/queries";
import { LoginPage } from "../features/auth/login-page";
import { parseDashboardSearch } from "../features/dashboard/dashboard-search";
import { InboxPage } from "../features/inbox/inbox-page";
import { parseInboxSearch } from "../features/inbox/views";
import { parseRoutingSearch } from "../features/routing/routing-search";
import { parseSearchPage } from "../features/search/search-params";
import { TicketPage } from "../features/ticket/ticket-page";
import { parseWallboardSearch } from "../features/wallboard/wallboard-search";
import { AppLayout } from "./app-layout";
import { CrashPage, NotFoundPage } from "./fallback-pages";

// The inbox and the ticket page load with the app; every other page is fetched when first opened,
// so an agent's first load carries no admin screens and no portal.

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: CrashPage,
});

/** Only same-site paths are accepted as a post-sign-in destination, so a link cannot bounce users elsewhere. */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : undefined;
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(search.redirect);
    return target ? { redirect: target } : {};
  },
  component: LoginPage,
});

/** Every signed-in page hangs under this layout; it loads /me once and hands it down as context. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context, location }): Promise<{ me: Me }> => {
    try {
      return { me: await context.queryClient.ensureQueryData(meQuery) };
    } catch (error) {
      if (isApiStatus(error, 401)) throw redirect({ to: "/login", search: { redirect: location.href } });
      throw error;
    }
  },
  component: AppLayout,
});

/** Pages a role may not use send it home rather than showing a door it cannot open. */
function requireRole(me: Me, minimum: Role): void {
  if (!roleAtLeast(me.role, minimum)) throw redirect({ to: "/inbox" });
}

const indexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/inbox" });
  },
});

const inboxRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/inbox",
  // Views, filters and sort live in the address bar; anything unknown in a hand-edited link is dropped.
  validateSearch: parseInboxSearch,
  component: InboxPage,
});

const searchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/search",
  // The words and filters live in the address bar, so a search can be bookmarked, shared and reloaded.
  validateSearch: parseSearchPage,
  component: lazyRouteComponent(() => import("../features/search/search-page"), "SearchPage"),
});

const ticketRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/tickets/$ticketId",
  component: TicketPage,
});

/** Every role may open it; the metrics API narrows what it shows to the viewer's scope. */
const dashboardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/dashboard",
  // Period, filters and views live in the address bar, so a view can be bookmarked and shared.
  validateSearch: parseDashboardSearch,
  component: lazyRouteComponent(() => import("../features/dashboard/dashboard-page"), "DashboardPage"),
});

const consoleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/console",
  beforeLoad: ({ context }) => requireRole(context.me, "supervisor"),
  component: lazyRouteComponent(() => import("../features/workspace/console-page"), "ConsolePage"),
});

const wallboardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/wallboard",
  beforeLoad: ({ context }) => requireRole(context.me, "supervisor"),
  // The team lives in the address bar, so a wall screen can be pointed at one team's floor.
  validateSearch: parseWallboardSearch,
  component: lazyRouteComponent(() => import("../features/wallboard/wallboard-page"), "WallboardPage"),
});

const routingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/routing",
  beforeLoad: ({ context }) => requireRole(context.me, "supervisor"),
  // The tab and the team live in the address bar, so a supervisor can bookmark their team's floor.
  validateSearch: parseRoutingSearch,
  component: lazyRouteComponent(() => import("../features/routing/routing-page"), "RoutingPage"),
});

const escalationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/escalations",
  beforeLoad: ({ context }) => requireRole(context.me, "supervisor"),
  component: lazyRouteComponent(() => import("../features/escalations/escalations-page"), "EscalationsPage"),
});

/** Scheduled reports: managers and admins (the admin area itself is for admins alone). */
const reportSchedulesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/reports/schedules",
  beforeLoad: ({ context }) => requireRole(context.me, "manager"),
  component: lazyRouteComponent(() => import("../features/admin-reports/report-schedules-page"), "ReportSchedulesPage"),
});

const adminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/admin",
  beforeLoad: ({ context }) => requireRole(context.me, "admin"),
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/admin/staff" });
  },
});

const staffRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/staff",
  component: lazyRouteComponent(() => import("../features/admin-staff/staff-page"), "StaffPage"),
});
const teamsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/teams",
  component: lazyRouteComponent(() => import("../features/admin-teams/teams-page"), "TeamsPage"),
});
const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/audit",
  component: lazyRouteComponent(() => import("../features/admin-audit/audit-page"), "AuditPage"),
});
const mailRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/mail",
  component: lazyRouteComponent(() => import("../features/admin-mail/mail-page"), "MailPage"),
});
const businessHoursRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/business-hours",
  component: lazyRouteComponent(() => import("../features/admin-calendars/business-hours-page"), "BusinessHoursPage"),
});
const slaPoliciesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/sla-policies",
  component: lazyRouteComponent(() => import("../features/admin-sla/sla-policies-page"), "SlaPoliciesPage"),
});
const rulesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/rules",
  component: lazyRouteComponent(() => import("../features/admin-rules/rules-page"), "RulesPage"),
});
const escalationSettingsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/escalations",
  component: lazyRouteComponent(
    () => import("../features/admin-escalations/escalation-settings-page"),
    "EscalationSettingsPage",
  ),
});

const surveySettingsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/surveys",
  component: lazyRouteComponent(() => import("../features/admin-surveys/survey-settings-page"), "SurveySettingsPage"),
});

const settingsRoute = createRoute({ getParentRoute: () => signedInRoute, path: "/settings" });

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/settings/profile" });
  },
});

const profileRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/profile",
  component: lazyRouteComponent(() => import("../features/profile/profile-page"), "ProfilePage"),
});
const tokensRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: "/tokens",
  component: lazyRouteComponent(() => import("../features/api-tokens/api-tokens-page"), "ApiTokensPage"),
});

/** The customer portal: public pages of one organisation, with their own (mailed-link) sign-in. */
const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/portal/$slug",
  component: lazyRouteComponent(() => import("../features/portal/portal-layout"), "PortalLayout"),
});
const portalHomeRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "/",
  component: lazyRouteComponent(() => import("../features/portal/portal-home-page"), "PortalHomePage"),
});
const portalSignInRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "/sign-in",
  component: lazyRouteComponent(() => import("../features/portal/portal-sign-in-page"), "PortalSignInPage"),
});
/** Where the "ask for a supervisor" link of a reply mail lands; the customer confirms there (a POST). */
const portalSupervisorRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "/supervisor",
  component: lazyRouteComponent(() => import("../features/portal/portal-supervisor-page"), "PortalSupervisorPage"),
});
const portalTicketRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "/tickets/$ticketId",
  component: lazyRouteComponent(() => import("../features/portal/portal-ticket-page"), "PortalTicketPage"),
});

/** A rating from a survey mail's link: one of 1..5, else nothing (a hand-edited link rates nothing). */
function parseSurveySearch(search: Record<string, unknown>): { rating?: number } {
  const rating = Number(search.rating);
  return Number.isInteger(rating) && rating >= 1 && rating <= 5 ? { rating } : {};
}

/** Where a satisfaction survey's mailed link lands: public, like the portal, without an account. */
const surveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/s/$token",
  validateSearch: parseSurveySearch,
  component: lazyRouteComponent(() => import("../features/surveys/survey-page"), "SurveyPage"),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  surveyRoute,
  portalRoute.addChildren([portalHomeRoute, portalSignInRoute, portalSupervisorRoute, portalTicketRoute]),
  signedInRoute.addChildren([
    indexRoute,
    inboxRoute,
    searchRoute,
    ticketRoute,
    dashboardRoute,
    consoleRoute,
    wallboardRoute,
    routingRoute,
    escalationsRoute,
    reportSchedulesRoute,
    adminRoute.addChildren([
      adminIndexRoute,
      staffRoute,
      teamsRoute,
      mailRoute,
      businessHoursRoute,
      slaPoliciesRoute,
      rulesRoute,
      escalationSettingsRoute,
      surveySettingsRoute,
      auditRoute,
    ]),
    settingsRoute.addChildren([settingsIndexRoute, profileRoute, tokensRoute]),
  ]),
]);

/** The typed router; route context carries the query client so guards can load /me. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // Data freshness is TanStack Query's job; the router should not cache loader results on its own.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
