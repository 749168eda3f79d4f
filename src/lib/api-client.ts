import type { ApiErrorBody } from '../../contract/api-types.ts';
import type { ValidationProblem } from '../../contract/validation-problem.ts';
import { NETWORK_ERROR, PaiError } from './pai-error.ts';
import { runtimeConfig } from './runtime-config.ts';
import { clearSession, currentSession, isExpired } from './session.ts';

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is with a JSON content type: a job config exactly as the person wrote it. */
  jsonText?: string;
  /** `text`: the body as a string whatever its type (a config, a log); `blob`: the bytes (a file to save). */
  responseType?: 'auto' | 'text' | 'blob';
  signal?: AbortSignal;
  /** Sent without the bearer token, and a 401 does not send the person to sign in (login itself). */
  anonymous?: boolean;
  /** Sent with this token instead of the session's, and a 401 is only reported (sign-out, token checks). */
  token?: string;
}

type SignInRedirect = (from: string) => void;

/** Outside the router (tests, early failures) a full navigation is the safe fallback. */
let redirectToSignIn: SignInRedirect = (from) => {
  window.location.assign(`${import.meta.env.BASE_URL}login?from=${encodeURIComponent(from)}`);
};

/** The app layer routes 401s through the router, so the page comes back after sign-in. */
export function setSignInRedirect(redirect: SignInRedirect): void {
  redirectToSignIn = redirect;
}

/** The page to come back to, as a path inside the portal. */
export function currentLocation(): string {
  const { pathname, search, hash } = window.location;
  return `${pathname}${search}${hash}`;
}

/** Forget the session and ask the person to sign in again, unless they are already there. */
export function signInAgain(): void {
  clearSession();
  if (!/\/login$/.test(window.location.pathname)) redirectToSignIn(currentLocation());
}

export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `${runtimeConfig().restServerUri}${path}${search ? `?${search}` : ''}`;
}

interface EarlyRequest {
  /** The Authorization header it was sent with. */
  authorization: string;
  startedAt: number;
  /** Makes a fresh copy of the answer, so each reader has its own body. */
  answer: Promise<() => Response>;
}

/** GETs started before the app (see `startEarlyRequest`), by URL; each is taken at most once. */
const earlyRequests = new Map<string, EarlyRequest>();
/** An early answer older than this is not used: the app asks again. */
export const EARLY_REQUEST_MAX_AGE_MS = 10_000;

/** The answer read once, and handed out as new Responses with the same status, headers and body. */
async function copies(response: Response): Promise<() => Response> {
  const body = await response.arrayBuffer();
  const { status, statusText, headers } = response;
  const noBody = [101, 204, 205, 304].includes(status);
  return () => new Response(noBody ? null : body.slice(0), { status, statusText, headers });
}

/**
 * Starts a GET for the first page's data before the app's modules have loaded, as the signed-in
 * person. The app's first `apiRequest` for the same URL takes this answer instead of asking again.
 * Returns the caller's own copy of the response, or null when nobody is signed in.
 */
export function startEarlyRequest(
  path: string,
  query: Record<string, QueryValue>,
): Promise<Response> | null {
  const session = currentSession();
  if (!session || isExpired(session)) return null;
  const url = apiUrl(path, query);
  const authorization = `Bearer ${session.token}`;
  const answer = fetch(url, {
    headers: { Accept: 'application/json', Authorization: authorization },
    // Ahead of the app's chunks, which are asked for at the same time on the same connections.
    priority: 'high',
  }).then(copies);
  earlyRequests.set(url, { authorization, startedAt: performance.now(), answer });
  return answer.then((copy) => copy());
}

/** The early answer for `url`, once, if it was asked with this Authorization and is still fresh. */
function takeEarlyRequest(
  url: string,
  authorization: string | undefined,
): Promise<Response> | undefined {
  const early = earlyRequests.get(url);
  if (!early) return undefined;
  earlyRequests.delete(url);
  const fresh = performance.now() - early.startedAt < EARLY_REQUEST_MAX_AGE_MS;
  return fresh && early.authorization === authorization
    ? early.answer.then((copy) => copy())
    : undefined;
}

/** `problems` when it has the documented shape; anything else is ignored (the message still says it all). */
function problemsOf(value: unknown): ValidationProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const problems = value.filter(
    (item): item is ValidationProblem =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as ValidationProblem).path === 'string' &&
      typeof (item as ValidationProblem).message === 'string',
  );
  return problems.length === value.length && problems.length > 0 ? problems : undefined;
}

async function failure(response: Response): Promise<PaiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>;
    if (typeof body.message === 'string')
      return new PaiError(
        response.status,
        body.code ?? 'UnknownError',
        body.message,
        problemsOf(body.problems),
      );
  } catch {
    // not JSON: a proxy or an older server answered
  }
  return new PaiError(
    response.status,
    'UnknownError',
    `The server answered ${response.status} ${response.statusText}.`.trim(),
  );
}

/** Every call to the REST server goes through here: base URL, bearer token, typed errors, 401 → sign in. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, jsonText, responseType = 'auto', signal, token } = options;
  const anonymous = options.anonymous === true || token !== undefined;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (!anonymous) {
    const session = currentSession();
    if (session && isExpired(session)) {
      signInAgain(); // noticed before the request fails
      throw new PaiError(401, 'UnauthorizedUserError', 'Your sign-in has expired. Sign in again.');
    }
    if (session) headers.Authorization = `Bearer ${session.token}`;
  }
  if (body !== undefined || jsonText !== undefined) headers['Content-Type'] = 'application/json';
  const url = apiUrl(path, query);
  const early =
    method === 'GET' && !anonymous ? takeEarlyRequest(url, headers.Authorization) : undefined;
  let response: Response;
  try {
    response = await (early ??
      fetch(url, {
        method,
        headers,
        body: jsonText ?? (body === undefined ? undefined : JSON.stringify(body)),
        signal,
      }));
  } catch (error) {
    if (signal?.aborted) throw error;
    const where = runtimeConfig().restServerUri || window.location.origin;
    throw new PaiError(
      0,
      NETWORK_ERROR,
      `Cannot reach the server at ${where}. Check the network and try again.`,
    );
  }
  if (!response.ok) {
    const error = await failure(response);
    if (response.status === 401 && !anonymous) signInAgain();
    throw error;
  }
  if (responseType === 'blob') return (await response.blob()) as T;
  const text = await response.text();
  if (responseType === 'text') return text as T;
  if (!text) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? JSON.parse(text) : text) as T;
}
