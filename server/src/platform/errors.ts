/** The closed list of error codes and the HTTP status each one answers with. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "Validation failed",
  malformed_json: "Malformed JSON",
  unauthenticated: "Authentication required",
  invalid_credentials: "Invalid email or password",
  csrf_failed: "CSRF check failed",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  unprocessable: "Unprocessable",
  rate_limited: "Too many requests",
  internal_error: "Internal error",
  unavailable: "Service unavailable",
};

export type FieldErrors = Record<string, string[]>;

/** The one error class: every failure a client can cause is one of these. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? TITLES[code]);
    this.status = ERROR_STATUS[code];
  }

  get title(): string {
    return TITLES[this.code];
  }
}

/** Shorthand for the common 404: a missing or foreign id. */
export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}

/** application/problem+json body for an error. */
export function problemBody(err: AppError, requestId?: string) {
  return {
    type: `https://frontline.dev/problems/${err.code.replaceAll("_", "-")}`,
    title: err.title,
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(err.fields ? { fields: err.fields } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
