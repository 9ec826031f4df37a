// The UI's only way to the server: the public /api/v1 API, with the signed-in token as a bearer
// token. The token lives in sessionStorage (this tab only, gone when it closes), never in a URL.
// A 401 on any call forgets the token and sends the visitor back to the sign-in page.

const TOKEN_KEY = 'meshwork.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type SignOutListener = (reason: string) => void;
let signOutListener: SignOutListener = () => {};

export const session = {
  token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  signIn(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  signOut(reason = ''): void {
    sessionStorage.removeItem(TOKEN_KEY);
    signOutListener(reason);
  },
  onSignOut(listener: SignOutListener): void {
    signOutListener = listener;
  },
};

async function errorOf(response: Response): Promise<ApiError> {
  let code = 'http_' + response.status;
  let message = response.statusText || 'the server answered ' + response.status;
  try {
    const body = await response.json();
    if (body?.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
    }
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, code, message);
}

// Sends one request; throws ApiError for any answer but 2xx. `token` overrides the session's.
export async function request(
  path: string,
  init: RequestInit = {},
  token: string | null = session.token(),
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', 'Bearer ' + token);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const response = await fetch(path, { ...init, headers, credentials: 'omit', cache: 'no-store' });
  if (response.status === 401 && token && token === session.token()) {
    session.signOut('Your session ended: the token expired or was revoked. Sign in again.');
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await request(path)).json() as Promise<T>;
}

export async function sendJson<T>(method: string, path: string, body: unknown): Promise<T> {
  const response = await request(path, { method, body: JSON.stringify(body) });
  return response.json() as Promise<T>;
}

// "/api/v1/products?domain=ops" from a path and query values (empty values left out).
export function apiPath(path: string, query: Record<string, string | number | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return '/api/v1' + path + (text ? '?' + text : '');
}

export const enc = encodeURIComponent;
