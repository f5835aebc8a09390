import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Secrets Frontline must read back (an IMAP mailbox's password) are stored as
 * `v1:<iv>:<tag>:<ciphertext>`, base64url: AES-256-GCM with a random 96-bit IV per value. The version
 * names the format and the key, so either can change later (a v2 beside v1, re-sealed as rows are read).
 */
const SEALED = /^v1:([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]*)$/;
/** Any versioned value; one of these that does not match SEALED was damaged, it is not plaintext. */
const VERSIONED = /^v\d+:/;

/** The key file made in DATA_DIR when an embedded install has no SECRETS_KEY. */
export const KEY_FILE = "secrets.key";

/** A stored secret that cannot be opened (another key, altered bytes, another row's value) or a bad key file. */
export class SecretError extends Error {}

/** The 32 bytes of a key written as 64 hex digits or in base64 (standard or URL-safe); null when it is neither. */
export function decodeSecretsKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value.replaceAll("-", "+").replaceAll("_", "/"), "base64");
    return key.length === 32 ? key : null;
  }
  return null;
}

/** True when a stored value is sealed; false for plaintext kept from before encryption at rest. */
export function isSealed(stored: string): boolean {
  return VERSIONED.test(stored);
}

/**
 * Seals and opens secrets with one key. Every value is bound to a context (what it is and whose row it
 * sits in) as additional authenticated data, so a ciphertext copied to another row or tenant fails to open.
 */
export class SecretBox {
  // A private field: the key never shows up when the box (or the deps holding it) is logged or serialised.
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new SecretError("A secrets key is 32 bytes");
    this.#key = Buffer.from(key);
  }

  /** Encrypts `plain` for `context` (e.g. ["imap_mailboxes.password", orgId, id]); answers the text to store. */
  seal(plain: string, context: readonly string[]): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    cipher.setAAD(aad(context));
    const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `v1:${b64(iv)}:${b64(cipher.getAuthTag())}:${b64(ciphertext)}`;
  }

  /**
   * Decrypts a stored value sealed for `context`; plaintext from before encryption at rest comes back
   * as it is (see `isSealed`). Throws SecretError when the value cannot be trusted.
   */
  open(stored: string, context: readonly string[]): string {
    if (!isSealed(stored)) return stored;
    const parts = SEALED.exec(stored);
    if (!parts) throw new SecretError("The stored secret is damaged or in an unknown format");
    const [, iv, tag, ciphertext] = parts.map((p) => Buffer.from(p, "base64url"));
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, iv!);
      decipher.setAAD(aad(context));
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretError("The stored secret cannot be decrypted with this key, or was altered or moved");
    }
  }
}

const b64 = (bytes: Buffer) => bytes.toString("base64url");
// JSON keeps the parts apart: ["a:b", "c"] and ["a", "b:c"] must not authenticate each other.
const aad = (context: readonly string[]) => Buffer.from(JSON.stringify(context), "utf8");

/** What choosing the key depends on; a subset of Config, so this module needs no import of it. */
export interface SecretsSettings {
  SECRETS_KEY?: string | undefined;
  DATABASE_URL?: string | undefined;
  dataDir: string;
}

/** Where the process's key came from, for the start-up log. */
export type KeySource = "SECRETS_KEY" | "key file" | "none";

/**
 * The process's box: from SECRETS_KEY; otherwise, embedded (no DATABASE_URL), from a key file made once
 * in DATA_DIR; otherwise none, and features that need it refuse with a message naming SECRETS_KEY.
 */
export function loadSecretBox(settings: SecretsSettings): { box: SecretBox | null; source: KeySource } {
  if (settings.SECRETS_KEY) {
    const key = decodeSecretsKey(settings.SECRETS_KEY);
    if (!key) throw new SecretError("SECRETS_KEY must be 32 bytes, as 64 hex digits or in base64");
    return { box: new SecretBox(key), source: "SECRETS_KEY" };
  }
  if (settings.DATABASE_URL) return { box: null, source: "none" };
  return { box: new SecretBox(keyFromFile(path.join(settings.dataDir, KEY_FILE))), source: "key file" };
}

function keyFromFile(file: string): Buffer {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside, then linked into place: a crash never leaves half a key, and of two processes making
    // one at once, link() lets exactly one win and the other reads the winner's key.
    const draft = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(draft, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  const key = decodeSecretsKey(fs.readFileSync(file, "utf8"));
  if (!key) {
    throw new SecretError(
      `${file} does not hold a 32-byte key: restore it from a backup, or set SECRETS_KEY to the key it held`,
    );
  }
  return key;
}
