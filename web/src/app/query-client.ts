import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/api-error";

/** Retries only what may succeed on a second try: network blips and 5xx, never 4xx. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  if (error instanceof ApiError && error.code === "unexpected_response") return false;
  return failureCount < 2;
}

/** One client for the app; pages read from it and writes invalidate it. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
