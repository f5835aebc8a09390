import {
  type ApiToken,
  apiTokenSchema,
  type CreateApiTokenInput,
  createdApiTokenSchema,
  one,
  pageOf,
} from "@frontline/common";
import { apiDelete, apiGetAll, apiPost } from "./client";

const tokenPage = pageOf(apiTokenSchema);
const createdResponse = one(createdApiTokenSchema);

/** The signed-in user's own API tokens, revoked ones included. */
export function listApiTokens(): Promise<ApiToken[]> {
  return apiGetAll("/api-tokens", tokenPage);
}

/** Creates a token; the secret in `token` is returned this once only. */
export async function createApiToken(input: CreateApiTokenInput) {
  return (await apiPost("/api-tokens", input, createdResponse)).data;
}

/** Revokes a token at once. */
export function revokeApiToken(id: string): Promise<void> {
  return apiDelete(`/api-tokens/${encodeURIComponent(id)}`);
}
