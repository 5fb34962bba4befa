import type { Problem } from './types.js';

/** A refused or failed request: the API's problem details (or one made up for a network failure). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  /** The message of each bad field, by field path (`height.value`, `observedOn`, …). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] = out[e.field] ? `${out[e.field]}; ${e.message}` : e.message;
    return out;
  }

  /** Nothing was recorded and the same commandId may be sent again (503, or no answer at all). */
  get retryable(): boolean {
    return this.problem.status === 503 || this.problem.status === 0;
  }
}

type TokenSource = () => string | undefined;
type Unauthenticated = (problem: Problem) => void;

let tokenOf: TokenSource = () => undefined;
let onUnauthenticated: Unauthenticated = () => undefined;

/** Wires the client to the session: where the bearer token comes from, and what a 401 does. */
export function configureClient(tokens: TokenSource, unauthenticated: Unauthenticated): void {
  tokenOf = tokens;
  onUnauthenticated = unauthenticated;
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (typeof body.code === 'string') return { ...body, status: response.status, code: body.code, title: body.title ?? response.statusText } as Problem;
  } catch {
    // not JSON: described below
  }
  return { status: response.status, code: `HTTP_${response.status}`, title: response.statusText || 'The request failed', detail: text.slice(0, 200) || undefined };
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Send no token (sign-in). */
  readonly anonymous?: boolean;
}

/** One request to the API (same origin). JSON in and out; problem details become an ApiError. */
export async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const token = options.anonymous ? undefined : tokenOf();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', title: 'The server could not be reached', detail: 'Check the connection and try again; nothing was recorded unless the page says so.' });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    // A token that expired or was revoked (lockout): back to sign-in. A wrong e-signature password is a
    // 401 too, but it belongs to the form that asked for it.
    if (response.status === 401 && problem.code !== 'REAUTHENTICATION_FAILED' && !options.anonymous) onUnauthenticated(problem);
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const get = <T>(path: string, options?: RequestOptions): Promise<T> => request<T>('GET', path, undefined, options);
export const post = <T>(path: string, body: unknown, options?: RequestOptions): Promise<T> => request<T>('POST', path, body, options);

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * A UUID v4 for a command's idempotency key. From getRandomValues rather than randomUUID, which browsers
 * offer only in secure contexts (a plain-http intranet deployment is not one).
 */
export function newCommandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A file the API hands over (an export): fetched with the token, then saved under the name the API gives. */
export async function download(path: string, fallbackName: string): Promise<{ name: string; bytes: number }> {
  const headers: Record<string, string> = {};
  const token = tokenOf();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { headers });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', title: 'The server could not be reached' });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) onUnauthenticated(problem);
    throw new ApiError(problem);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, bytes: blob.size };
}
