import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { v7 } from "uuid";

/** Time-ordered UUID (v7): ids sort by creation, which keeps indexes compact. */
export const newId = (): string => v7();

/** A random secret of `bytes` bytes (default 32 = 256 bits), base64url. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString("base64url");

/** SHA-256 hex of a secret; secrets are stored only as hashes. */
export const sha256 = (value: string | Buffer): string => createHash("sha256").update(value).digest("hex");

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
