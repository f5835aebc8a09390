import { notify } from "../../platform/live";
import type { OrgTx } from "../../platform/tenancy";

/** The live-signal channel of the floor; each signal's payload is the organisation's id, nothing else. */
export const FLOOR_CHANNEL = "floor";

// One signal per transaction is enough (the database would fold repeats anyway): a bulk change of a
// hundred tickets costs one round trip, not a hundred. Keyed by the transaction, so it lives as long as it.
const signalled = new WeakSet<object>();

/** Signals, inside the caller's transaction, that the organisation's floor changed once it commits. */
export async function signalFloor(s: OrgTx): Promise<void> {
  if (signalled.has(s.tx)) return;
  signalled.add(s.tx);
  await notify(s.tx, FLOOR_CHANNEL, s.orgId);
}
