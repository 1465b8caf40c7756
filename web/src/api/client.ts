/**
 * The one way the web app talks to the Setu API: same-origin JSON over fetch, with the session cookie.
 * Every non-2xx answer becomes an {@link ApiError} built from the server's error body
 * `{ "error": { "code", "message", "details"? } }`, so pages can show a message in the user's language.
 */

import type { components, paths } from './generated/openapi';

// ---------------------------------------------------------------- generated API types

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
/** Shows up in a compile error when a route, method or status has no JSON body in the OpenAPI document. */
interface NoSuchResponse<Route> {
  readonly noJsonResponseFor: Route;
}

/**
 * The JSON body that route `P` answers a `M` request with on status `S`, from web/src/api/generated/openapi.ts (generated
 * from the server's OpenAPI document by `npm run generate:api`), so a changed server schema breaks the
 * web build instead of drifting from a hand-copied type.
 */
export type ApiResponse<P extends keyof paths, M extends Method = 'get', S extends number = 200> = [
  NonNullable<paths[P][M]>,
] extends [{ responses: Record<S, infer Response> }]
  ? [JsonOf<Response>] extends [never]
    ? NoSuchResponse<`${M} ${P} ${S}`>
    : JsonOf<Response>
  : NoSuchResponse<`${M} ${P} ${S}`>;

/** The JSON body route `P` accepts on `M`. */
export type ApiRequestBody<P extends keyof paths, M extends Method = 'post'> = [
  NonNullable<paths[P][M]>,
] extends [{ requestBody?: infer Body }]
  ? JsonOf<NonNullable<Body>>
  : NoSuchResponse<`${M} ${P} body`>;

/** The query parameters route `P` accepts on `M`. */
export type ApiQuery<P extends keyof paths, M extends Method = 'get'> = [NonNullable<paths[P][M]>] extends [
  { parameters: { query?: infer Params } },
]
  ? NonNullable<Params>
  : NoSuchResponse<`${M} ${P} query`>;

/** Compiles only when `T` is `never`: a compile-time assertion about a generated type. */
export type AssertNone<T extends never> = T;

/**
 * A run-time list of every code in the server's union `Union`, checked both ways at compile time:
 * `allCodes<Status>()(['open', 'closed'])` fails the web build on a code the server does not know, and on
 * one the server has that the list leaves out (naming it under `missing`).
 */
export function allCodes<Union extends string>() {
  return <const List extends readonly Union[]>(
    codes: List &
      ([Exclude<Union, List[number]>] extends [never] ? unknown : { missing: Exclude<Union, List[number]> }),
  ): List => codes;
}

/** The error body every non-2xx answer carries. */
export type ErrorBody = components['schemas']['Error'];

// ---------------------------------------------------------------- calling the API

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    /** Stable machine-readable code from the server, e.g. `invalid_credentials`. */
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export type QueryValue = string | number | boolean | null | undefined;
/** A list is sent as the same parameter repeated (`status=a&status=b`). */
export type Query = Record<string, QueryValue | readonly string[]>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * When false, a 401 does not send the user to the login page. For requests whose caller handles
   * "not signed in" itself (the "who am I" check, the public pages).
   */
  authRedirect?: boolean;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/** 401 codes that mean "this browser has no usable session": the user must sign in again. */
const SIGN_IN_AGAIN = new Set(['session_expired', 'unauthenticated']);
/** 401 codes that mean "signed in, but the second factor is still missing". */
const SECOND_FACTOR = new Set(['mfa_required', 'mfa_enrolment_required']);

export type AuthProblem = 'session_expired' | 'unauthenticated' | 'mfa_required' | 'mfa_enrolment_required';
type AuthProblemHandler = (problem: AuthProblem) => void;

/** Where the login page lives; `reason` lets it say why the user is there. */
export function loginPath(reason?: string, next?: string): string {
  const params = new URLSearchParams();
  if (reason) params.set('reason', reason);
  if (next && next !== '/') params.set('next', next);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

// Replaced by the app once its router is up (so the redirect keeps the loaded app); this default
// is a full page load, which works before that too.
let authProblemHandler: AuthProblemHandler = (problem) => {
  if (window.location.pathname.startsWith('/login')) return;
  const target =
    problem === 'mfa_required'
      ? '/login/mfa'
      : problem === 'mfa_enrolment_required'
        ? '/login/enrol'
        : loginPath(problem, currentPath());
  window.location.assign(target);
};

/** Lets the app decide how to send the user to the login or second-factor page. */
export function setAuthProblemHandler(handler: AuthProblemHandler): () => void {
  const previous = authProblemHandler;
  authProblemHandler = handler;
  return () => {
    authProblemHandler = previous;
  };
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) params.append(key, item);
    } else {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function codeForStatus(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_unavailable';
  return 'request_error';
}

function toApiError(status: number, payload: unknown): ApiError {
  if (typeof payload === 'object' && payload !== null && 'error' in payload) {
    const body = payload.error;
    if (typeof body === 'object' && body !== null) {
      const { code, message, details } = body as { code?: unknown; message?: unknown; details?: unknown };
      if (typeof code === 'string') {
        return new ApiError(
          status,
          code,
          typeof message === 'string' ? message : code,
          typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined,
        );
      }
    }
  }
  // No JSON error body: a proxy, a gateway, or a server that is not Setu's.
  return new ApiError(status, codeForStatus(status), `The server answered with HTTP ${status}.`);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), init);
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the Setu server. Check the connection.');
  }
  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (response.status === 401 && options.authRedirect !== false) {
      if (SIGN_IN_AGAIN.has(error.code) || SECOND_FACTOR.has(error.code)) {
        authProblemHandler(error.code as AuthProblem);
      }
    }
    throw error;
  }
  if (payload === undefined) {
    throw new ApiError(response.status, 'bad_response', 'The server sent an answer that is not JSON.');
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
};

/**
 * Downloads a file from the API (for attachments): the bytes as a Blob, or an {@link ApiError} from the
 * server's JSON error body, so a refusal is shown on the page instead of a raw error document.
 */
export async function fetchFile(path: string, query?: Query): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach the Setu server. Check the connection.');
  }
  if (!response.ok) {
    const error = toApiError(response.status, await readJson(response));
    if (response.status === 401 && (SIGN_IN_AGAIN.has(error.code) || SECOND_FACTOR.has(error.code))) {
      authProblemHandler(error.code as AuthProblem);
    }
    throw error;
  }
  return response.blob();
}

/** Saves a Blob under a file name through a temporary link (no pop-up, works on phones). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
