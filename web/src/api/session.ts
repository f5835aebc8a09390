import { type LoginInput, type Me, meSchema, one, type UpdateMeInput } from "@frontline/common";
import { apiGet, apiPatch, apiPost, setCsrfToken } from "./client";

const meResponse = one(meSchema);

/** The signed-in user; also refreshes the CSRF token the client sends on writes. */
export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const { data } = await apiGet("/me", meResponse, undefined, signal);
  setCsrfToken(data.csrfToken);
  return data;
}

/** Signs in with email and password; the server sets the session cookie. */
export async function signIn(input: LoginInput): Promise<Me> {
  const { data } = await apiPost("/auth/login", input, meResponse);
  setCsrfToken(data.csrfToken);
  return data;
}

/** Ends the session on the server. */
export async function signOut(): Promise<void> {
  try {
    await apiPost("/auth/logout");
  } finally {
    setCsrfToken(null);
  }
}

/** Changes the signed-in user's own name, language or time zone. */
export async function updateMe(input: UpdateMeInput): Promise<Me> {
  const { data } = await apiPatch("/me", input, meResponse);
  return data;
}
