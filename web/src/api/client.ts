import { type ApiError, contractError, errorFromResponse, networkError } from "./api-error";

/** Anything with zod's `safeParse`; keeps this module free of a direct zod dependency. */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/** Query-string values; empty ones are left out so filters can be passed as they are. */
export type Query = Record<string, string | number | boolean | null | undefined>;

interface ApiHooks {
  /** Called on any 401 outside sign-in: the session ended, so the app returns to the sign-in page. */
  onUnauthorized: (error: ApiError) => void;
  /** The interface language, sent as Accept-Language so the server can word its messages to match. */
  language: () => string;
}

const BASE = "/api/v1";
let csrfToken: string | null = null;
let hooks: ApiHooks = { onUnauthorized: () => {}, language: () => "en" };

/** Wires the client to the app (router, i18n) without the client importing them. */
export function configureApi(next: Partial<ApiHooks>): void {
  hooks = { ...hooks, ...next };
}

/** Remembers the CSRF token from /me or the login response; sent on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Builds `/api/v1/...?...` from a path and optional query. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ""}`;
}

interface RequestOptions<T> {
  query?: Query;
  body?: unknown;
  schema?: Schema<T>;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": hooks.language() };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw networkError(cause);
  }

  return readResponse(response, path, options.schema);
}

/** Turns a response into its validated body, or throws the ApiError it carries. */
async function readResponse<T>(response: Response, path: string, schema: Schema<T> | undefined): Promise<T> {
  if (!response.ok) {
    const error = await errorFromResponse(response);
    // A wrong password is also a 401, but it must stay on the form rather than reset the app.
    if (error.status === 401 && path !== "/auth/login") hooks.onUnauthorized(error);
    throw error;
  }
  if (!schema) return undefined as T;

  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw contractError(path, cause);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw contractError(path, parsed.error);
  return parsed.data;
}

/** GET and validate against a contract schema. */
export function apiGet<T>(path: string, schema: Schema<T>, query?: Query, signal?: AbortSignal): Promise<T> {
  return request("GET", path, { schema, ...(query ? { query } : {}), ...(signal ? { signal } : {}) });
}

/** POST a JSON body; validates the response when a schema is given. */
export function apiPost<T = undefined>(path: string, body?: unknown, schema?: Schema<T>): Promise<T> {
  return request("POST", path, { body, ...(schema ? { schema } : {}) });
}

/** PATCH a JSON body and validate the response. */
export function apiPatch<T>(path: string, body: unknown, schema: Schema<T>): Promise<T> {
  return request("PATCH", path, { body, schema });
}

/** PUT a JSON body (a whole setting) and validate the response. */
export function apiPut<T>(path: string, body: unknown, schema: Schema<T>): Promise<T> {
  return request("PUT", path, { body, schema });
}

/** DELETE; the server answers 204. */
export function apiDelete(path: string): Promise<void> {
  return request<undefined>("DELETE", path, {});
}

export interface UploadOptions {
  /** Called as the bytes go out: how many have been sent of how many. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

function headersOf(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr
    .getAllResponseHeaders()
    .trim()
    .split(/[\r\n]+/)) {
    const at = line.indexOf(":");
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

/**
 * POSTs one file as multipart/form-data in the field `file` and validates the answer. It uses
 * XMLHttpRequest because fetch cannot report how much of a request body has been sent.
 */
export function apiUpload<T>(
  path: string,
  file: Blob,
  filename: string,
  schema: Schema<T>,
  options: UploadOptions = {},
) {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl(path));
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", hooks.language());
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status < 200) {
        reject(networkError(new Error(`Upload to ${path} got no answer`)));
        return;
      }
      const body = xhr.status === 204 ? null : xhr.responseText;
      readResponse(new Response(body, { status: xhr.status, headers: headersOf(xhr) }), path, schema).then(
        resolve,
        reject,
      );
    };
    xhr.onerror = () => reject(networkError(new Error(`Upload to ${path} failed`)));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    if (options.signal?.aborted) {
      reject(new DOMException("The upload was cancelled", "AbortError"));
      return;
    }
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("file", file, filename);
    xhr.send(form);
  });
}

/** Follows `nextCursor` to collect a whole (small) collection, e.g. every team for a picker. */
export async function apiGetAll<T>(
  path: string,
  schema: Schema<{ data: T[]; nextCursor: string | null }>,
  query: Query = {},
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result: { data: T[]; nextCursor: string | null } = await apiGet(path, schema, {
      ...query,
      limit: 200,
      cursor,
    });
    items.push(...result.data);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}
