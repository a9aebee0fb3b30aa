import type { AppLoadContext } from "@remix-run/cloudflare";
import { gateway } from "../../workers/gateway/gateway.app";
import { REQUEST_ID_HEADER } from "../../workers/shared/request-id";

/**
 * Origin of the storefront's in-process API requests. Never resolved or dialled: the request
 * goes straight into the gateway's Hono app, which only looks at the path.
 */
const INTERNAL_ORIGIN = "https://shop.internal";

/** A non-2xx answer from the API; `body` is the parsed problem+json (or text) when there is one. */
export class ApiError extends Error {
  readonly status: number;
  readonly path: string;
  readonly body: unknown;
  readonly requestId: string | null;

  constructor(path: string, status: number, body: unknown, requestId: string | null) {
    super(`API ${path} answered ${status}`);
    this.name = "ApiError";
    this.path = path;
    this.status = status;
    this.body = body;
    this.requestId = requestId;
  }
}

export interface ApiInit extends Omit<RequestInit, "body"> {
  /** JSON request body; sent with content-type application/json. */
  json?: unknown;
  body?: RequestInit["body"];
}

/**
 * Calls the shop API from a loader or action. The request does not leave the worker: it is
 * handed to the gateway's Hono app (`gateway.fetch`), exactly as the edge worker does for
 * `/api/*` from the internet, so the gateway's auth, rate limits and routing all apply. The
 * shopper's IP and the page's request id travel with it.
 *
 * Resolves with the parsed JSON body on 2xx; throws {@link ApiError} otherwise.
 */
export async function apiFetch<T>(
  context: AppLoadContext,
  path: `/api/${string}`,
  init: ApiInit = {},
): Promise<T> {
  const response = await apiRequest(context, path, init);
  const body = await readBody(response);
  if (!response.ok) throw new ApiError(path, response.status, body, response.headers.get(REQUEST_ID_HEADER));
  return body as T;
}

/** Like {@link apiFetch} but hands back the raw Response, whatever its status. */
export async function apiRequest(
  context: AppLoadContext,
  path: `/api/${string}`,
  init: ApiInit = {},
): Promise<Response> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set("accept", "application/json");
  headers.set(REQUEST_ID_HEADER, context.requestId);
  if (context.clientIp) headers.set("cf-connecting-ip", context.clientIp);
  if (json !== undefined) {
    headers.set("content-type", "application/json");
    rest.body = JSON.stringify(json);
  }
  const request = new Request(INTERNAL_ORIGIN + path, { ...rest, headers });
  const { env, ctx } = context.cloudflare;
  return gateway.fetch(request, env, ctx);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
