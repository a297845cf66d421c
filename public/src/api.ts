/**
 * The JSON API (/api/v1) from the browser: the session cookie goes along automatically; writes
 * carry the session's CSRF token; errors come back as `ApiError` with the server's message in the
 * page's language (asked for with Accept-Language), shown to the person as returned.
 */
import type { Lang } from './prefs.js';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export interface User {
  id: number;
  username: string;
  role: 'seeker' | 'employer' | 'staff';
  seekerId: number | null;
  memberId: number | null;
  displayName: string;
  locale: Lang;
  largeText: boolean;
  highContrast: boolean;
}

let lang: Lang = 'zh-CN';
let csrfToken = '';

export function configureApi(options: { lang: Lang }): void {
  lang = options.lang;
}
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Messages for failures that never reached the API (network down), in the page's language. */
let offlineMessage = 'The service could not be reached. Check your connection and try again.';
export function setOfflineMessage(message: string): void {
  offlineMessage = message;
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang };
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', offlineMessage);
  }
  if (res.status === 204) return undefined as T;
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ApiError(res.status, 'bad_response', offlineMessage);
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; fields?: FieldError[] } }).error ?? {};
    throw new ApiError(res.status, e.code ?? 'unknown', e.message ?? offlineMessage, e.fields ?? []);
  }
  return json as T;
}

export const get = <T>(path: string) => api<{ data: T }>('GET', path).then((r) => r.data);
export const post = <T>(path: string, body?: unknown) => api<{ data: T }>('POST', path, body ?? {}).then((r) => r?.data);
export const patch = <T>(path: string, body: unknown) => api<{ data: T }>('PATCH', path, body).then((r) => r.data);

/** The signed-in user (and the CSRF token), or null without a live session. */
export async function currentSession(): Promise<User | null> {
  try {
    const s = await get<{ user: User; csrfToken: string }>('/auth/session');
    setCsrfToken(s.csrfToken);
    return s.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}
