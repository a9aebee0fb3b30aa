import { type AppLoadContext, type Cookie, createCookie, redirect } from "@remix-run/cloudflare";
import { z } from "zod";
import type { AuthSession, PublicUser } from "../../workers/identity/identity.schemas";
import { log } from "../../workers/shared/log";
import { ApiError, apiRequest } from "./api.server";

/*
 * The shopper's session lives in two signed, httpOnly, SameSite=Lax cookies:
 *
 * - `shop_session` holds the refresh token (the API's 7-day, rotate-on-use token). It is the
 *   session: without it nobody is signed in.
 * - `shop_access` holds the 15-minute access token, its expiry, and the few user fields the
 *   header shows (id, name, role). Its Max-Age ends a minute before the token does, so the
 *   browser drops it in time and the next request refreshes the pair with `shop_session`.
 *
 * Two cookies rather than one so that the access token's end is visible to the browser (and
 * to a browser test, which can let it lapse by deleting the cookie) and so that pages read the
 * header's user from the cookie without calling the API. Consequence, by design of short-lived
 * JWTs: after "sign out everywhere" (or a password reset) another device stays signed in until
 * its access cookie lapses (at most ~14 minutes); its next refresh then fails and it is signed out.
 */

const REFRESH_COOKIE = "shop_session";
const ACCESS_COOKIE = "shop_access";
/** The API's refresh-token lifetime (workers/identity/tokens.ts); every rotation renews it. */
const REFRESH_COOKIE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** Refresh this long before the access token expires, so a request never carries a dying token. */
const REFRESH_MARGIN_SECONDS = 60;
const MIN_SECRET_LENGTH = 32;

/** What the storefront keeps about the signed-in user between requests (for the header). */
export type SessionUser = Pick<PublicUser, "id" | "name" | "role">;

const sessionUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(["customer", "seller", "admin"]),
});
const accessCookieSchema = z.object({
  accessToken: z.string().min(1),
  expiresAt: z.number(),
  user: sessionUserSchema,
});
const refreshCookieSchema = z.object({ refreshToken: z.string().min(1) });
type AccessCookie = z.infer<typeof accessCookieSchema>;

/** The session as this request sees it, plus the cookies the response must set. */
interface SessionState {
  user: SessionUser | null;
  accessToken: string | null;
  /** The access token's expiry (epoch ms), when signed in. */
  expiresAt: number | null;
  refreshToken: string | null;
  /** Whether this request already refreshed (never twice: the old token is spent). */
  refreshed: boolean;
  /** Set-Cookie values to send back (empty when the cookies stay as they are). */
  setCookie: string[];
}

const ANONYMOUS: SessionState = {
  user: null,
  accessToken: null,
  expiresAt: null,
  refreshToken: null,
  refreshed: false,
  setCookie: [],
};

/** The edge env as the session sees it: `SESSION_SECRET` is a secret, so not in the generated types. */
interface SessionEnv {
  ENVIRONMENT: string;
  SESSION_SECRET?: string;
}

let developmentSecret: string | undefined;

/**
 * The cookie signing secrets, newest first: `SESSION_SECRET`, which may list several
 * comma-separated secrets so an old one keeps verifying during a rotation. Without it, only in
 * development, a random secret per isolate (sessions then end when the isolate restarts).
 */
function sessionSecrets(env: SessionEnv): string[] {
  const configured = (env.SESSION_SECRET ?? "")
    .split(",")
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (configured.length > 0) {
    if (configured.some((secret) => secret.length < MIN_SECRET_LENGTH)) {
      throw new Error(`SESSION_SECRET: every secret needs at least ${MIN_SECRET_LENGTH} characters.`);
    }
    return configured;
  }
  if (env.ENVIRONMENT === "development") {
    if (!developmentSecret) {
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      developmentSecret = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      log("warn", "SESSION_SECRET is not set: using a random development secret for this isolate");
    }
    return [developmentSecret];
  }
  throw new Error("SESSION_SECRET is not set: add it with `wrangler secret put SESSION_SECRET`.");
}

interface SessionCookies {
  refresh: Cookie;
  access: Cookie;
  /** Whether cookies get the Secure attribute: whenever the shop is served over https. */
  secure: boolean;
}

const cookiesBySecrets = new Map<string, { refresh: Cookie; access: Cookie }>();

function sessionCookies(request: Request, context: AppLoadContext): SessionCookies {
  const secrets = sessionSecrets(context.cloudflare.env as SessionEnv);
  const key = secrets.join("\n");
  let cookies = cookiesBySecrets.get(key);
  if (!cookies) {
    const options = { httpOnly: true, sameSite: "lax", path: "/", secrets } as const;
    cookies = {
      refresh: createCookie(REFRESH_COOKIE, options),
      access: createCookie(ACCESS_COOKIE, options),
    };
    cookiesBySecrets.set(key, cookies);
  }
  return { ...cookies, secure: new URL(request.url).protocol === "https:" };
}

/** Whether the request carries any session cookie; only then are the secrets needed at all. */
function hasSessionCookie(cookieHeader: string | null): cookieHeader is string {
  return cookieHeader !== null && /(?:^|;\s*)shop_(?:session|access)=/.test(cookieHeader);
}

async function signedInCookies(cookies: SessionCookies, session: AuthSession): Promise<SessionState> {
  const expiresAt = Date.now() + session.expiresIn * 1000;
  const user: SessionUser = { id: session.user.id, name: session.user.name, role: session.user.role };
  return {
    user,
    accessToken: session.accessToken,
    expiresAt,
    refreshToken: session.refreshToken,
    refreshed: true,
    setCookie: await Promise.all([
      cookies.refresh.serialize(
        { refreshToken: session.refreshToken },
        { secure: cookies.secure, maxAge: REFRESH_COOKIE_MAX_AGE_SECONDS },
      ),
      serializeAccess(cookies, { accessToken: session.accessToken, expiresAt, user }),
    ]),
  };
}

function serializeAccess(cookies: SessionCookies, value: AccessCookie): Promise<string> {
  const maxAge = Math.max(1, Math.floor((value.expiresAt - Date.now()) / 1000) - REFRESH_MARGIN_SECONDS);
  return cookies.access.serialize(value, { secure: cookies.secure, maxAge });
}

async function signedOutCookies(cookies: SessionCookies): Promise<SessionState> {
  const gone = { secure: cookies.secure, maxAge: 0, expires: new Date(0) };
  return {
    ...ANONYMOUS,
    refreshed: true,
    setCookie: await Promise.all([cookies.refresh.serialize("", gone), cookies.access.serialize("", gone)]),
  };
}

/**
 * The session of one request, worked out once per request (keyed by its load context) so that
 * the root loader, the page's loader and an action share one refresh: refreshing twice with the
 * same token would look like token theft and end the session.
 */
const sessions = new WeakMap<AppLoadContext, Promise<SessionState>>();

function sessionState(request: Request, context: AppLoadContext): Promise<SessionState> {
  let state = sessions.get(context);
  if (!state) {
    state = readSession(request, context);
    sessions.set(context, state);
  }
  return state;
}

function replaceSession(context: AppLoadContext, next: Promise<SessionState>): Promise<SessionState> {
  sessions.set(context, next);
  return next;
}

async function readSession(request: Request, context: AppLoadContext): Promise<SessionState> {
  const cookieHeader = request.headers.get("Cookie");
  if (!hasSessionCookie(cookieHeader)) return ANONYMOUS;
  const cookies = sessionCookies(request, context);
  const [refreshValue, accessValue] = await Promise.all([
    cookies.refresh.parse(cookieHeader),
    cookies.access.parse(cookieHeader),
  ]);
  const refresh = refreshCookieSchema.safeParse(refreshValue);
  // No (valid) refresh cookie: not signed in; clear whatever is left.
  if (!refresh.success) return signedOutCookies(cookies);
  const access = accessCookieSchema.safeParse(accessValue);
  if (access.success && access.data.expiresAt - Date.now() > REFRESH_MARGIN_SECONDS * 1000) {
    return {
      user: access.data.user,
      accessToken: access.data.accessToken,
      expiresAt: access.data.expiresAt,
      refreshToken: refresh.data.refreshToken,
      refreshed: false,
      setCookie: [],
    };
  }
  return refreshSession(context, cookies, refresh.data.refreshToken, access.success ? access.data : null);
}

/**
 * Trades the refresh token for a new pair (`POST /api/auth/refresh`). A rejected token (spent,
 * revoked by logout-all or a password reset, expired) ends the session and clears the cookies.
 * A failure that is not about the token (rate limit, an outage) keeps the cookies for a later
 * request and, for this one, keeps an access token that has not quite expired yet.
 */
async function refreshSession(
  context: AppLoadContext,
  cookies: SessionCookies,
  refreshToken: string,
  access: AccessCookie | null,
): Promise<SessionState> {
  const response = await apiRequest(context, "/api/auth/refresh", { method: "POST", json: { refreshToken } });
  if (response.ok) return signedInCookies(cookies, (await response.json()) as AuthSession);
  if (response.status === 400 || response.status === 401) {
    log("info", "storefront session ended: refresh token rejected", {
      requestId: context.requestId,
      status: response.status,
    });
    return signedOutCookies(cookies);
  }
  log("warn", "storefront session refresh failed; keeping the session for a retry", {
    requestId: context.requestId,
    status: response.status,
  });
  if (access && access.expiresAt > Date.now()) {
    return { ...access, refreshToken, refreshed: true, setCookie: [] };
  }
  return { ...ANONYMOUS, refreshed: true };
}

function headersOf(state: SessionState): Headers {
  const headers = new Headers();
  for (const cookie of state.setCookie) headers.append("Set-Cookie", cookie);
  return headers;
}

/** The result of reading the session: the user (or null) and the Set-Cookie headers to send. */
export interface SessionResult<U> {
  user: U;
  /** Set-Cookie headers the response must carry (a refreshed or cleared session). */
  headers: Headers;
}

/**
 * The signed-in user as the session cookie remembers it (id, name, role), refreshing the
 * session when the access token is about to expire. No API call unless a refresh is due: for
 * the header of every page. Not proof that the account still exists; use {@link getUser}.
 */
export async function getSessionUser(
  request: Request,
  context: AppLoadContext,
): Promise<SessionResult<SessionUser | null>> {
  const state = await sessionState(request, context);
  return { user: state.user, headers: headersOf(state) };
}

/**
 * The signed-in user's profile from `GET /api/me` with the session's access token, refreshed
 * first when it is expired or about to expire. An access token the API rejects (say, keys were
 * rotated) gets one refresh and one retry; a session that cannot be refreshed, or whose account
 * is gone, is cleared.
 * Resolves with `user: null` when nobody is signed in; throws {@link ApiError} when the API fails.
 */
export async function getUser(
  request: Request,
  context: AppLoadContext,
): Promise<SessionResult<PublicUser | null> & { accessToken: string | null }> {
  let state = await sessionState(request, context);
  if (!state.accessToken) return { user: null, accessToken: null, headers: headersOf(state) };
  let response = await profileRequest(context, state.accessToken);
  if (response.status === 401 && !state.refreshed && state.refreshToken) {
    const cookies = sessionCookies(request, context);
    state = await replaceSession(context, refreshSession(context, cookies, state.refreshToken, null));
    // refreshSession has cleared a dead session, or kept the cookies after a passing failure.
    if (!state.accessToken) return { user: null, accessToken: null, headers: headersOf(state) };
    response = await profileRequest(context, state.accessToken);
  }
  // 401: the token is no good even fresh; 404: the account no longer exists. Either way, out.
  if (response.status === 401 || response.status === 404) {
    state = await replaceSession(context, signedOutCookies(sessionCookies(request, context)));
    return { user: null, accessToken: null, headers: headersOf(state) };
  }
  if (!response.ok) throw new ApiError("/api/me", response.status, await response.text(), null);
  const user = (await response.json()) as PublicUser;
  return { user, accessToken: state.accessToken, headers: headersOf(state) };
}

function profileRequest(context: AppLoadContext, accessToken: string): Promise<Response> {
  return apiRequest(context, "/api/me", { headers: { authorization: `Bearer ${accessToken}` } });
}

/**
 * Like {@link getUser}, for pages that need a signed-in user: anybody else is redirected to
 * `/login?redirectTo=<this page>` (clearing a dead session on the way).
 */
export async function requireUser(
  request: Request,
  context: AppLoadContext,
): Promise<SessionResult<PublicUser> & { accessToken: string }> {
  const result = await getUser(request, context);
  if (!result.user || !result.accessToken) {
    const url = new URL(request.url);
    const search = new URLSearchParams({ redirectTo: url.pathname + url.search });
    throw redirect(`/login?${search}`, { headers: result.headers });
  }
  return { user: result.user, accessToken: result.accessToken, headers: result.headers };
}

/** Starts a session from the API's answer to register or login; returns the Set-Cookie headers. */
export async function signIn(
  request: Request,
  context: AppLoadContext,
  session: AuthSession,
): Promise<Headers> {
  const state = await replaceSession(context, signedInCookies(sessionCookies(request, context), session));
  return headersOf(state);
}

/**
 * Ends this browser's session: revokes its refresh token (`POST /api/auth/logout`) and clears
 * the cookies. The cookies go even when the API call fails: the shopper asked to be signed out.
 */
export async function signOut(request: Request, context: AppLoadContext): Promise<Headers> {
  const cookieHeader = request.headers.get("Cookie");
  if (!hasSessionCookie(cookieHeader)) return new Headers();
  const cookies = sessionCookies(request, context);
  const refresh = refreshCookieSchema.safeParse(await cookies.refresh.parse(cookieHeader));
  if (refresh.success) {
    const response = await apiRequest(context, "/api/auth/logout", {
      method: "POST",
      json: { refreshToken: refresh.data.refreshToken },
    });
    if (!response.ok) {
      log("warn", "storefront sign-out: the API did not revoke the refresh token", {
        requestId: context.requestId,
        status: response.status,
      });
    }
  }
  return headersOf(await replaceSession(context, signedOutCookies(cookies)));
}

/**
 * Ends every session of the signed-in user (`POST /api/auth/logout-all`) and clears this
 * browser's cookies. Other devices keep their current access token until it lapses (at most
 * ~14 minutes), then fail to refresh and are signed out. Throws {@link ApiError} when the API
 * refuses, so the caller can say so and the session stays as it was.
 */
export async function signOutEverywhere(request: Request, context: AppLoadContext): Promise<Headers> {
  const { accessToken } = await requireUser(request, context);
  const response = await apiRequest(context, "/api/auth/logout-all", {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok) {
    throw new ApiError("/api/auth/logout-all", response.status, await response.text(), null);
  }
  return headersOf(await replaceSession(context, signedOutCookies(sessionCookies(request, context))));
}

/**
 * Updates the user the session remembers (after a profile change), so the header shows the
 * new name at once, in this response's loaders too. Returns the Set-Cookie headers.
 */
export async function rememberUser(
  request: Request,
  context: AppLoadContext,
  user: PublicUser,
): Promise<Headers> {
  const state = await sessionState(request, context);
  if (!state.accessToken || state.expiresAt === null) return headersOf(state);
  const next: SessionState = {
    ...state,
    user: { id: user.id, name: user.name, role: user.role },
    setCookie: state.setCookie.filter((cookie) => !cookie.startsWith(`${ACCESS_COOKIE}=`)),
  };
  next.setCookie.push(
    await serializeAccess(sessionCookies(request, context), {
      accessToken: state.accessToken,
      expiresAt: state.expiresAt,
      user: next.user as SessionUser,
    }),
  );
  return headersOf(await replaceSession(context, Promise.resolve(next)));
}

/**
 * Where to go after signing in: `to` when it is a path on this site (`/account?tab=1`), else
 * `fallback`. Refuses absolute and protocol-relative URLs (`//evil.example`, `/\evil.example`),
 * so `?redirectTo=` cannot send a shopper elsewhere.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/account",
): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\"))
    return fallback;
  const base = "https://shop.invalid";
  try {
    const url = new URL(to, base);
    return url.origin === base ? url.pathname + url.search + url.hash : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Refuses a form post from another site (the Origin header names a different origin): cookies
 * are SameSite=Lax already; this also stops a foreign page from signing a shopper into an
 * account of its choosing ("login CSRF").
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("Origin");
  if (origin !== null && origin !== new URL(request.url).origin) {
    throw new Response("Cross-site form posts are not accepted.", { status: 403 });
  }
}
