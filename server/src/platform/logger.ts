import pino from "pino";

export type Logger = pino.Logger;

/** One JSON line per event; secrets in well-known places are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ["password", "*.password", "token", "*.token", "req.headers.cookie", "req.headers.authorization"],
      censor: "[redacted]",
    },
  });
}
