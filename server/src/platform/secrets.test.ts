import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeSecretsKey, isSealed, KEY_FILE, loadSecretBox, SecretBox, SecretError } from "./secrets";

const box = new SecretBox(randomBytes(32));
const here = ["imap_mailboxes.password", "org-1", "row-1"];

/** Flips one bit of the base64url part `index` (1 = IV, 2 = tag, 3 = ciphertext) of a sealed value. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split(":");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0]! ^= 1;
  parts[index] = bytes.toString("base64url");
  return parts.join(":");
}

describe("sealed secrets work", () => {
  it("round-trip any text, with a fresh IV each time and no plaintext in what is stored", () => {
    for (const plain of ["imap-secret", "", "pässwörd ✓ 密码 كلمة", "x".repeat(1000)]) {
      const sealed = box.seal(plain, here);
      expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/);
      if (plain) expect(sealed).not.toContain(plain);
      expect(isSealed(sealed)).toBe(true);
      expect(box.open(sealed, here)).toBe(plain);
    }
    expect(box.seal("same", here)).not.toBe(box.seal("same", here));
  });

  it("hand back plaintext stored before encryption at rest, marked as not sealed", () => {
    expect(isSealed("imap-secret")).toBe(false);
    expect(box.open("imap-secret", here)).toBe("imap-secret");
  });

  it("read keys as 64 hex digits or base64 (standard or URL-safe, padded or not)", () => {
    const key = randomBytes(32);
    for (const text of [
      key.toString("hex"),
      key.toString("hex").toUpperCase(),
      key.toString("base64"),
      key.toString("base64url"),
      ` ${key.toString("base64")}\n`,
    ]) {
      expect(decodeSecretsKey(text)?.equals(key), text).toBe(true);
    }
  });

  it("make a key file once in an embedded data folder (mode 0600) and use it from then on", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-secrets-"));
    try {
      const first = loadSecretBox({ dataDir });
      expect(first.source).toBe("key file");
      const file = path.join(dataDir, KEY_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE]);
      const sealed = first.box!.seal("kept", here);
      expect(loadSecretBox({ dataDir }).box!.open(sealed, here)).toBe("kept");
      expect(decodeSecretsKey(fs.readFileSync(file, "utf8"))).not.toBeNull();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("take SECRETS_KEY over the key file, and have no box on a server without it", () => {
    const key = randomBytes(32);
    const fromEnv = loadSecretBox({ SECRETS_KEY: key.toString("hex"), dataDir: "/nonexistent" });
    expect(fromEnv.source).toBe("SECRETS_KEY");
    expect(new SecretBox(key).open(fromEnv.box!.seal("a", here), here)).toBe("a");
    expect(loadSecretBox({ DATABASE_URL: "postgres://x/y", dataDir: "/nonexistent" })).toEqual({
      box: null,
      source: "none",
    });
  });

  it("never show the key when the box is printed or serialised", () => {
    const key = randomBytes(32);
    const shown = `${JSON.stringify({ box: new SecretBox(key) })} ${String(new SecretBox(key))}`;
    expect(shown).not.toContain(key.toString("hex"));
    expect(shown).not.toContain(key.toString("base64"));
  });
});

describe("sealed secrets refuse", () => {
  const sealed = box.seal("imap-secret", here);

  it("another key", () => {
    expect(() => new SecretBox(randomBytes(32)).open(sealed, here)).toThrow(SecretError);
  });

  it("a tampered IV, tag or ciphertext", () => {
    for (const part of [1, 2, 3])
      expect(() => box.open(tamper(sealed, part), here), `part ${part}`).toThrow(SecretError);
  });

  it("a value copied to another row, tenant or column (the context is authenticated)", () => {
    for (const elsewhere of [
      ["imap_mailboxes.password", "org-1", "row-2"],
      ["imap_mailboxes.password", "org-2", "row-1"],
      ["webhooks.secret", "org-1", "row-1"],
      // The parts are kept apart: moving a separator does not make another context match.
      ["imap_mailboxes.password", "org-1row-1", ""],
    ]) {
      expect(() => box.open(sealed, elsewhere), elsewhere.join()).toThrow(SecretError);
    }
  });

  it("a damaged or unknown versioned value, rather than taking it for plaintext", () => {
    for (const bad of ["v1:", "v1:abc:def:ghi", `${sealed}=`, sealed.replace(/^v1/, "v2")]) {
      expect(isSealed(bad)).toBe(true);
      expect(() => box.open(bad, here), bad).toThrow(SecretError);
    }
  });

  it("keys that are not 32 bytes, and a key file that holds no key", () => {
    for (const bad of [
      "",
      "short",
      "00".repeat(31),
      "00".repeat(33),
      randomBytes(24).toString("base64"),
      "g".repeat(64),
    ]) {
      expect(decodeSecretsKey(bad), bad).toBeNull();
    }
    expect(() => new SecretBox(randomBytes(16))).toThrow(SecretError);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-secrets-"));
    try {
      fs.writeFileSync(path.join(dataDir, KEY_FILE), "");
      expect(() => loadSecretBox({ dataDir })).toThrow(/secrets\.key does not hold a 32-byte key/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
