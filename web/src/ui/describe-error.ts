import type { TFunction } from "i18next";
import { ApiError } from "../api/api-error";

const KNOWN_CODES = [
  "network_error",
  "unexpected_response",
  "bad_request",
  "validation_failed",
  "malformed_json",
  "unauthenticated",
  "invalid_credentials",
  "csrf_failed",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "unprocessable",
  "rate_limited",
  "internal_error",
  "unavailable",
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

// Codes whose server detail names the specific problem ("email already in use", "last admin"), worth showing.
const DETAIL_WORTH_SHOWING = new Set(["conflict", "bad_request", "validation_failed", "unprocessable", "forbidden"]);

/** What to tell a person about a failure: a sentence in their language, plus the server's specifics if useful. */
export interface ErrorDescription {
  message: string;
  detail: string | undefined;
  requestId: string | undefined;
}

/** Turns any thrown value into words for the current language. */
export function describeError(error: unknown, t: TFunction): ErrorDescription {
  if (!(error instanceof ApiError)) return { message: t("errors.generic"), detail: undefined, requestId: undefined };
  let message: string;
  if (error.code === "rate_limited" && error.retryAfter !== undefined) {
    message = t("errors.rateLimitedFor", { seconds: error.retryAfter });
  } else if (isKnownCode(error.code)) {
    message = t(`errors.${error.code}`);
  } else {
    message = t("errors.generic");
  }
  const detail = DETAIL_WORTH_SHOWING.has(error.code) && error.message !== message ? error.message : undefined;
  return { message, detail, requestId: error.requestId };
}
