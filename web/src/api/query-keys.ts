import type { Query } from "./client";

/** Every TanStack Query key in one place, so a write can invalidate exactly what it changed. */
export const queryKeys = {
  me: ["me"] as const,
  users: {
    all: ["users"] as const,
    list: (filters: Query) => ["users", "list", filters] as const,
    everyone: ["users", "everyone"] as const,
  },
  teams: {
    all: ["teams"] as const,
  },
  audit: {
    list: (filters: Query) => ["audit", filters] as const,
  },
  apiTokens: ["api-tokens"] as const,
};
