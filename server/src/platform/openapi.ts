import { problemSchema } from "@frontline/common";
import type { z } from "zod";
import { jsonResponse } from "./http";

const problem = (description: string) => ({
  content: { "application/problem+json": { schema: problemSchema } },
  description,
});

/** The error responses every authenticated route may give. */
export const problemResponses = {
  400: problem("Invalid input"),
  401: problem("Not signed in"),
  403: problem("Not allowed"),
  404: problem("Unknown or foreign id"),
  409: problem("Conflicts with the current state"),
  413: problem("Body too large"),
  429: problem("Too many requests"),
} as const;

/** Either authentication method works on every route. */
export const authSecurity: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

/** Responses of a read or change: 200 with `schema`, or a problem. */
export const okResponses = <T extends z.ZodType>(schema: T, description: string) => ({
  ...problemResponses,
  200: jsonResponse(schema, description),
});

/** Responses of a creation: 201 with `schema`, or a problem. */
export const createdResponses = <T extends z.ZodType>(schema: T, description: string) => ({
  ...problemResponses,
  201: jsonResponse(schema, description),
});
