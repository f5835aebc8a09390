import type { Tx } from "./db";
import type { OrgTx } from "./tenancy";

// An organisation's configuration that every ticket change reads (its rules, SLA policies, custom
// fields, escalation phrases, calendars, its own row) kept in this process's memory. It is trusted
// only at the version the transaction read when it entered the organisation: triggers move the
// version on in every transaction that changes any of it, so a transaction that can see a change
// never gets the copy from before it, on whichever node the change was made. Values are frozen:
// callers share them.

const MAX_ORGANIZATIONS = 10_000;

interface Entry {
  version: number;
  values: Map<string, unknown>;
}

const byOrg = new Map<string, Entry>();
const changedIn = new WeakSet<Tx>();

/**
 * Says the transaction changed configuration: until it ends, its own reads go to the database,
 * since the version it entered with no longer describes what it sees.
 */
export function configChanged(s: OrgTx): void {
  changedIn.add(s.tx);
}

/** `load()` once per organisation and configuration version; a transaction that changed configuration always loads. */
export async function cachedConfig<T>(s: OrgTx, key: string, load: () => Promise<T>): Promise<T> {
  const version = await s.configVersion();
  if (version === undefined || changedIn.has(s.tx)) return load();
  let entry = byOrg.get(s.orgId);
  if (entry && entry.version > version) return load(); // this transaction began before the newer copy
  if (!entry || entry.version < version) {
    entry = { version, values: new Map() };
    byOrg.delete(s.orgId);
    byOrg.set(s.orgId, entry);
    if (byOrg.size > MAX_ORGANIZATIONS) byOrg.delete(byOrg.keys().next().value!);
  }
  if (entry.values.has(key)) return entry.values.get(key) as T;
  const value = deepFreeze(await load());
  // Read after the version: at worst newer than the version says, which the next version replaces.
  if (byOrg.get(s.orgId) === entry) entry.values.set(key, value);
  return value;
}

/**
 * The value `cachedConfig` keeps under `key` at this transaction's version, or undefined when it has
 * none; never loads, so it sends no statement (for a transaction that may send no more).
 */
export async function knownConfig<T>(s: OrgTx, key: string): Promise<T | undefined> {
  const version = await s.configVersion();
  if (version === undefined || changedIn.has(s.tx)) return undefined;
  const entry = byOrg.get(s.orgId);
  return entry?.version === version ? (entry.values.get(key) as T | undefined) : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    // A map's entries are not its properties: walk them too (a frozen map still takes `set`, which
    // its ReadonlyMap type forbids).
    const inside = value instanceof Map ? [...value.values()] : Object.values(value);
    for (const v of inside) deepFreeze(v);
  }
  return value;
}
