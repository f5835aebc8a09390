import type { DemoCast } from "./demo-cast";
import { createDemoCustomers } from "./demo-customers";
import { type DemoTicket, playTicket } from "./demo-play";
import { setUpCalendars, setUpRouting, setUpRules, setUpSlaPolicies, setUpViews } from "./demo-setup";
import { BILLING_TICKETS } from "./demo-tickets-billing";
import { TECHNICAL_TICKETS, UNSORTED_TICKETS } from "./demo-tickets-technical";

/** Every demo ticket, in the order they arrive (the inbox shows the latest activity first). */
export const DEMO_TICKETS: readonly DemoTicket[] = [...BILLING_TICKETS, ...TECHNICAL_TICKETS, ...UNSORTED_TICKETS];

/** How much demo content there is, and how long it took to create. */
export interface DemoContentResult {
  customers: number;
  tickets: number;
  ms: number;
}

/** Progress is worth showing only once the wait is noticeable; a quick start prints nothing. */
const QUIET_MS = 2000;

/**
 * Fills the demo workspace with what a working desk has: business hours, SLA policies, routing and
 * skills, rules, shared views, customers and their tickets with conversations and escalations. All
 * of it goes through the modules' services, so clocks, routing, rules, search and audit react as
 * they do in use. Everything happens now: the services take the time from the clock.
 */
export async function seedDemoContent(
  cast: DemoCast,
  progress: (line: string) => void = () => {},
): Promise<DemoContentResult> {
  const started = performance.now();
  let spoke = false;
  const say = (line: string) => {
    if (performance.now() - started < QUIET_MS) return;
    if (!spoke) progress("Adding the demo content: customers, tickets, escalations…");
    spoke = true;
    progress(line);
  };
  await setUpCalendars(cast);
  await setUpSlaPolicies(cast);
  await setUpRouting(cast);
  await setUpRules(cast);
  await setUpViews(cast);
  await createDemoCustomers(cast);
  for (const [index, script] of DEMO_TICKETS.entries()) {
    await playTicket(cast, script, index + 1);
    if ((index + 1) % 5 === 0) say(`  ${index + 1} of ${DEMO_TICKETS.length} tickets`);
  }
  return { customers: cast.customers.size, tickets: DEMO_TICKETS.length, ms: Math.round(performance.now() - started) };
}
