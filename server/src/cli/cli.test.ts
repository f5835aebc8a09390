import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../test/client";
import { testApp } from "../../test/harness";
import { runCli } from "./main";

let h: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  h = await testApp();
});

async function cli(...argv: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = "";
  let stderr = "";
  out.on("data", (c) => (stdout += c));
  err.on("data", (c) => (stderr += c));
  const code = await runCli(argv, { out, err, deps: h.deps });
  return { code, stdout, stderr };
}

const tag = () => Math.random().toString(36).slice(2, 8);
const signIn = (email: string, password: string) => new Client(h.app).post("/api/v1/auth/login", { email, password });

describe("the command-line tool works", () => {
  it("creates an organisation whose admin can sign in, adds a user, resets a password", async () => {
    const t = tag();
    const created = await cli(
      "create-org",
      "--name",
      `Acme ${t}`,
      "--admin-email",
      `Boss-${t}@Acme.test`,
      "--admin-password",
      "first-password",
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(
      new RegExp(
        `^Created organisation "Acme ${t}" \\([0-9a-f-]{36}\\) with admin boss-${t}@acme.test\\.\\nIts customer portal: /portal/acme-${t}\\n$`,
      ),
    );
    expect((await signIn(`boss-${t}@acme.test`, "first-password")).status).toBe(200);

    const user = await cli(
      "create-user",
      "--org",
      `acme ${t}`,
      "--email",
      `agent-${t}@acme.test`,
      "--role",
      "agent",
      "--password",
      "agent-password",
      "--locale",
      "de",
    );
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(new RegExp(`^Created agent agent-${t}@acme.test \\(`));
    const me = await signIn(`agent-${t}@acme.test`, "agent-password");
    expect(me.body.data).toMatchObject({ role: "agent", locale: "de", name: `agent-${t}` });

    const reset = await cli(
      "reset-password",
      "--org",
      `Acme ${t}`,
      "--email",
      `agent-${t}@acme.test`,
      "--password",
      "second-password",
    );
    expect(reset).toMatchObject({ code: 0, stdout: `Password of agent-${t}@acme.test changed.\n` });
    expect((await signIn(`agent-${t}@acme.test`, "agent-password")).status).toBe(401);
    expect((await signIn(`agent-${t}@acme.test`, "second-password")).status).toBe(200);
  });

  it("prints help for the tool and for each command", async () => {
    const help = await cli("--help");
    expect(help.code).toBe(0);
    for (const name of ["create-org", "create-user", "reset-password", "seed"])
      expect(help.stdout).toContain(`  ${name}`);
    const one = await cli("create-user", "--help");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("--role ROLE");
  });
});

describe("the command-line tool rejects bad input", () => {
  it("names the flag that is wrong or missing", async () => {
    const t = tag();
    const short = await cli(
      "create-org",
      "--name",
      `X ${t}`,
      "--admin-email",
      `a-${t}@x.test`,
      "--admin-password",
      "short",
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toBe(
      "Invalid --admin-password\n  --admin-password: Too small: expected string to have >=8 characters\n",
    );
    const missing = await cli("create-user", "--org", "x");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Missing --email, --role, --password\./);
    const role = await cli(
      "create-user",
      "--org",
      "x",
      "--email",
      "a@b.test",
      "--role",
      "boss",
      "--password",
      "longenough",
    );
    expect(role.stderr).toMatch(/^Invalid --role\n/);
  });

  it("refuses a malformed portal slug and one that is taken", async () => {
    const t = tag();
    const org = ["--admin-email", `a-${t}@s.test`, "--admin-password", "longenough"];
    const bad = await cli("create-org", "--name", `S ${t}`, "--slug", "Not A Slug", ...org);
    expect([bad.code, bad.stderr]).toEqual([
      1,
      "Invalid --slug\n  --slug: Use 2-48 lower-case letters, digits and single dashes\n",
    ]);
    const first = await cli("create-org", "--name", `S ${t}`, "--slug", `help-${t}`, ...org);
    expect(first.stdout).toContain(`Its customer portal: /portal/help-${t}\n`);
    const taken = await cli("create-org", "--name", `T ${t}`, "--slug", `help-${t}`, ...org);
    expect([taken.code, taken.stderr]).toEqual([1, `The slug "help-${t}" is taken\n  slug: Taken\n`]);
  });

  it("generates organisations with seed --tickets, whose staff sign in with the printed password", async () => {
    const seed = String(Math.floor(Math.random() * 1e9));
    const run = await cli("seed", "--tickets", "60", "--orgs", "2", "--seed", seed);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Generated 60 tickets in 2 organisations/);
    const [, email, password] = run.stdout.match(/Sign in as (\S+),.* password: (\S+)\n$/s)!;
    expect((await signIn(email!, password!)).status).toBe(200);
    const again = await cli("seed", "--tickets", "60", "--orgs", "2", "--seed", seed);
    expect(again.stderr).toMatch(/already exists: choose another seed/);
    expect((await cli("seed", "--tickets", "0")).stderr).toMatch(/--tickets/);
  });

  it("reports an unknown organisation, user or command", async () => {
    expect(
      (
        await cli(
          "create-user",
          "--org",
          `none-${tag()}`,
          "--email",
          "a@b.test",
          "--role",
          "agent",
          "--password",
          "longenough",
        )
      ).stderr,
    ).toMatch(/^No organisation "none-/);
    const t = tag();
    await cli("create-org", "--name", `Y ${t}`, "--admin-email", `a-${t}@y.test`, "--admin-password", "longenough");
    expect(
      (await cli("reset-password", "--org", `Y ${t}`, "--email", "ghost@y.test", "--password", "longenough")).stderr,
    ).toBe("No user ghost@y.test in that organisation\n");
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Unknown command "frobnicate"/);
  });
});
