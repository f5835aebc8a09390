import { timestamp, uuid } from "drizzle-orm/pg-core";

/** The tenant key every table starts with. */
export const orgId = () => uuid("org_id").notNull();

/** A timestamp with time zone, handled as a Date. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** created_at / updated_at, set by the database on insert. */
export const timestamps = () => ({
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
