import type { OrgTx } from "./tenancy";

type Handler = (s: OrgTx, payload: unknown) => Promise<void>;

/**
 * In-transaction domain events: a module announces what happened and others react in the same
 * transaction, so the reaction commits or rolls back with the cause.
 */
export class DomainEvents {
  private readonly handlers = new Map<string, Handler[]>();

  /** Subscribes to an event by name. */
  on<P>(name: string, handler: (s: OrgTx, payload: P) => Promise<void>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler);
    this.handlers.set(name, list);
  }

  /** Runs every handler of `name` in order, inside the caller's transaction. */
  async emit<P>(s: OrgTx, name: string, payload: P): Promise<void> {
    for (const h of this.handlers.get(name) ?? []) await h(s, payload);
  }
}

/** The process's one event bus; modules register their reactions when imported. */
export const domainEvents = new DomainEvents();
