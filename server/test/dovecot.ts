import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const DOVECOT = "/usr/sbin/dovecot";

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("dovecot did not start listening");
}

/** A throwaway Debian dovecot on loopback with one plain-text user, for the IMAP tests. */
export async function startDovecot(): Promise<Dovecot> {
  if (!fs.existsSync(DOVECOT)) {
    throw new Error(`${DOVECOT} is missing: install Debian's dovecot-imapd (.ci/run does)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-dovecot-"));
  const port = await freePort();
  const user = "support@imap.test";
  const password = "imap-secret";
  for (const d of ["run", "state", "mail", "home"]) fs.mkdirSync(path.join(dir, d));
  fs.writeFileSync(path.join(dir, "users"), `${user}:{PLAIN}${password}\n`);
  // As root (CI), dovecot's own system users run the login and mail processes: it refuses root for them.
  const root = process.getuid?.() === 0;
  const me = os.userInfo().username;
  const login = root ? "dovenull" : me;
  const internal = root ? "dovecot" : me;
  fs.writeFileSync(
    path.join(dir, "dovecot.conf"),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_internal_user = ${internal}
default_login_user = ${login}
default_internal_group = ${internal}
first_valid_uid = 0
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
}
service anvil {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${internal} gid=${internal} home=${dir}/home/%u
}
`,
  );
  if (root) {
    fs.chmodSync(dir, 0o755);
    spawnSync("chown", ["-R", `${internal}:${internal}`, path.join(dir, "mail"), path.join(dir, "home")]);
  }
  const child = spawn(DOVECOT, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: "ignore" });
  await waitForPort(port, child);
  return {
    port,
    user,
    password,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
