import { type Problem, problemSchema } from "@frontline/common";

/** Codes the client produces itself when no problem document came back from the server. */
export type ClientErrorCode = "network_error" | "unexpected_response";

/** A failed API call, carrying the server's problem document (or a client-made one). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string[]>;
  readonly requestId: string | undefined;
  /** Seconds to wait before retrying, from `Retry-After` on 429 and 503. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.fields = problem.fields ?? {};
    this.requestId = problem.requestId;
    this.retryAfter = retryAfter;
  }

  /** True when the server answered with per-field messages. */
  get hasFieldErrors(): boolean {
    return Object.keys(this.fields).length > 0;
  }
}

/** Builds an ApiError from any response that was not a success. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) return new ApiError(parsed.data, retryAfter);
  // A proxy or a crashed backend answers without a problem document; keep the status so 401/403/5xx still route.
  return new ApiError(
    {
      type: "about:blank",
      title: response.statusText || "Error",
      status: response.status,
      code: codeForStatus(response.status),
    },
    retryAfter,
  );
}

/** An error for a request that never reached the server. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "network_error" });
  error.cause = cause;
  return error;
}

/** An error for a response that does not match the shared contract. */
export function contractError(path: string, issues: unknown): ApiError {
  // Logged because it is a bug on one side of the contract, never something the user did.
  console.error(`Response from ${path} does not match the contract`, issues);
  return new ApiError({
    type: "about:blank",
    title: "Unexpected response",
    status: 0,
    code: "unexpected_response",
    detail: `Unexpected response from ${path}`,
  });
}

function codeForStatus(status: number): string {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status === 503) return "unavailable";
  if (status >= 500) return "internal_error";
  return "bad_request";
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** True for an ApiError with the given HTTP status. */
export function isApiStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}
