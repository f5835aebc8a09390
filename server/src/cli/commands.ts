import { createUserInput, emailSchema, passwordSchema, roleSchema } from "@frontline/common";
import { z } from "zod";
import { createOrganization, findOrganizations, isValidSlug, setOrganizationRateLimit } from "../modules/orgs";
import { createUser, findUserByEmail, setUserPassword } from "../modules/staff";
import { type Deps, systemCtx } from "../platform/context";
import { AppError } from "../platform/errors";
import { validationError } from "../platform/http";
import { seedDemo } from "../seed/demo";
import { runBulkSeed } from "./bulk-seed";

type Values = Record<string, string | boolean | undefined>;

export interface Command {
  summary: string;
  options: Record<string, { type: "string" | "boolean"; help: string; required?: boolean }>;
  run(deps: Deps, values: Values, out: NodeJS.WritableStream): Promise<void>;
}

const cliActor = { type: "cli" as const, name: "cli" };

/** Validates a value; errors name the command-line flag (`flags` maps field names, or names the one flag). */
function parse<T extends z.ZodType>(schema: T, value: unknown, flags: string | Record<string, string>): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const err = validationError(result.error);
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(err.fields ?? {})) {
    const flag = typeof flags === "string" ? flags : (flags[field] ?? field);
    fields[`--${flag}`] = messages;
  }
  throw new AppError("validation_failed", `Invalid ${Object.keys(fields).join(", ")}`, fields);
}

/** An organisation by id or by exact name; the name must be unambiguous. */
async function resolveOrg(deps: Deps, ref: string): Promise<string> {
  const ids = (await findOrganizations(deps.database, ref)).map((o) => o.orgId);
  if (ids.length === 0) throw new AppError("not_found", `No organisation "${ref}"`);
  if (ids.length > 1) throw new AppError("conflict", `Several organisations are named "${ref}"; use the id`);
  return ids[0]!;
}

export const COMMANDS: Record<string, Command> = {
  "create-org": {
    summary: "Create an organisation and its first admin",
    options: {
      name: { type: "string", help: "Organisation name", required: true },
      "admin-email": { type: "string", help: "Email of the first admin", required: true },
      "admin-password": { type: "string", help: "Password of the first admin (8+ characters)", required: true },
      "admin-name": { type: "string", help: "Display name of the first admin (default: Admin)" },
      "support-email": { type: "string", help: "Address customers write to" },
      slug: { type: "string", help: "Name in the customer portal's address, /portal/<slug> (default: from the name)" },
    },
    async run(deps, v, out) {
      const name = parse(z.string().trim().min(1).max(200), v.name, "name");
      const admin = parse(
        createUserInput,
        { email: v["admin-email"], password: v["admin-password"], name: v["admin-name"] ?? "Admin", role: "admin" },
        { email: "admin-email", password: "admin-password", name: "admin-name" },
      );
      const supportEmail = v["support-email"] ? parse(emailSchema, v["support-email"], "support-email") : null;
      const slug = typeof v.slug === "string" ? v.slug : undefined;
      if (slug !== undefined && !isValidSlug(slug)) {
        throw new AppError("validation_failed", "Invalid --slug", {
          "--slug": ["Use 2-48 lower-case letters, digits and single dashes"],
        });
      }
      const orgId = await createOrganization(deps, { name, supportEmail, ...(slug ? { slug } : {}) });
      const user = await createUser(systemCtx(deps, orgId, cliActor), admin);
      const org = await findOrganizations(deps.database, orgId);
      out.write(`Created organisation "${name}" (${orgId}) with admin ${user.email}.\n`);
      out.write(`Its customer portal: /portal/${org[0]?.slug ?? ""}\n`);
    },
  },
  "create-user": {
    summary: "Add a staff user to an organisation",
    options: {
      org: { type: "string", help: "Organisation id or name", required: true },
      email: { type: "string", help: "Email address", required: true },
      role: { type: "string", help: "agent, supervisor, manager or admin", required: true },
      password: { type: "string", help: "Password (8+ characters)", required: true },
      name: { type: "string", help: "Display name (default: the part of the email before @)" },
      locale: { type: "string", help: "en, ro, de, ru or ar (default en)" },
      "time-zone": { type: "string", help: "IANA time zone (default UTC)" },
    },
    async run(deps, v, out) {
      const input = parse(
        createUserInput,
        {
          email: v.email,
          role: parse(roleSchema, v.role, "role"),
          password: v.password,
          name: v.name ?? String(v.email).split("@")[0],
          locale: v.locale,
          timeZone: v["time-zone"],
        },
        { timeZone: "time-zone" },
      );
      const orgId = await resolveOrg(deps, String(v.org));
      const user = await createUser(systemCtx(deps, orgId, cliActor), input);
      out.write(`Created ${user.role} ${user.email} (${user.id}).\n`);
    },
  },
  "reset-password": {
    summary: "Set a new password for a staff user",
    options: {
      org: { type: "string", help: "Organisation id or name", required: true },
      email: { type: "string", help: "The user's email", required: true },
      password: { type: "string", help: "The new password (8+ characters)", required: true },
    },
    async run(deps, v, out) {
      const email = parse(emailSchema, v.email, "email");
      const password = parse(passwordSchema, v.password, "password");
      const ctx = systemCtx(deps, await resolveOrg(deps, String(v.org)), cliActor);
      const user = await findUserByEmail(ctx, email);
      if (!user) throw new AppError("not_found", `No user ${email} in that organisation`);
      await setUserPassword(ctx, user.id, password);
      out.write(`Password of ${user.email} changed.\n`);
    },
  },
  "set-rate-limit": {
    summary: "Give an organisation its own request limit per minute (or back the default)",
    options: {
      org: { type: "string", help: "Organisation id or name", required: true },
      "per-minute": {
        type: "string",
        help: 'Requests per minute, or "default" for RATE_LIMIT_ORG_PER_MINUTE',
        required: true,
      },
    },
    async run(deps, v, out) {
      const raw = String(v["per-minute"]);
      const perMinute =
        raw === "default" ? null : parse(z.coerce.number().int().min(1).max(10_000_000), raw, "per-minute");
      const orgId = await resolveOrg(deps, String(v.org));
      await setOrganizationRateLimit(deps, orgId, perMinute);
      const shown = perMinute === null ? `the default (${deps.config.RATE_LIMIT_ORG_PER_MINUTE})` : String(perMinute);
      out.write(`Organisation ${orgId} may now send ${shown} requests per minute (nodes apply it within a minute).
`);
    },
  },
  seed: {
    summary: 'Create the demo workspace (organisation "Demo", its staff and, unless DEMO_CONTENT=off, example content)',
    options: {
      password: { type: "string", help: "Password for every demo user (default: DEMO_PASSWORD, else random)" },
      tickets: { type: "string", help: "Instead: generate this many tickets in organisations of many sizes" },
      seed: { type: "string", help: "With --tickets: the random seed (default 1)" },
      orgs: { type: "string", help: "With --tickets: how many organisations (default 20)" },
    },
    async run(deps, v, out) {
      if (v.tickets !== undefined) return runBulkSeed(deps, v, out, parse);
      if ((await findOrganizations(deps.database, "Demo")).length > 0)
        throw new AppError("conflict", 'An organisation named "Demo" already exists');
      const password = v.password === undefined ? undefined : parse(passwordSchema, v.password, "password");
      const demo = await seedDemo(deps, password, (line) => out.write(`${line}\n`));
      const content = demo.content
        ? ` with ${demo.content.customers} customers and ${demo.content.tickets} tickets`
        : "";
      out.write(
        `Created the demo workspace${content}. Sign in as ${demo.emails.slice(0, 4).join(", ")} with password: ${demo.password}\n`,
      );
    },
  },
};
