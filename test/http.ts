/** Test helpers for calling a worker's fetch handler with JSON and reading JSON back. */

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

/** A unique email per call, so tests sharing one database never collide. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

/** A password that satisfies the shop's rule. */
export const GOOD_PASSWORD = "correct-horse-42";
