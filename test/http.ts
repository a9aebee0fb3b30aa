/** Test helpers for calling a worker's fetch handler with JSON and reading JSON back. */
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER, type Caller } from "../workers/shared/caller";

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export type FetchLike = (request: Request) => Promise<Response>;

/** Sends `method path` with an optional JSON body; parses a JSON (or problem+json) answer. */
export async function call<T = Record<string, unknown>>(
  fetcher: FetchLike,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<JsonResponse<T>> {
  const headers = new Headers(options.headers);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const res = await fetcher(new Request(`https://shop.test${path}`, { method, headers, body }));
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** The headers the gateway adds for a verified caller (none for an anonymous request), after `extra`. */
export function callerHeaders(
  as: Caller | undefined,
  extra: Record<string, string> = {},
): Record<string, string> {
  return as ? { ...extra, [CALLER_ID_HEADER]: as.userId, [CALLER_ROLE_HEADER]: as.role } : extra;
}

/**
 * `call` as the gateway forwards a request to a domain worker: `as` becomes the verified caller
 * headers; no `as` is an anonymous request.
 */
export function callAs<T = Record<string, unknown>>(
  fetcher: FetchLike,
  method: string,
  path: string,
  options: { as?: Caller; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  return call<T>(fetcher, method, path, {
    body: options.body,
    rawBody: options.rawBody,
    headers: callerHeaders(options.as, options.headers),
  });
}

/** A unique email per call, so tests sharing one database never collide. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

/** A password that satisfies the shop's rule. */
export const GOOD_PASSWORD = "correct-horse-42";
