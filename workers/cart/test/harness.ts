import { env, exports } from "cloudflare:workers";
import { callAs, type JsonResponse } from "../../../test/http";
import type { Caller } from "../../shared/caller";
import type { CartService } from "../index";
import type { Env } from "../worker-configuration";

/** This worker's bindings, typed as its wrangler.toml declares them (the test `env` is untyped). */
export const testEnv = env as unknown as Env;

/** Loopback bindings to this worker's own exports: `default` for HTTP, the RPC entrypoint. */
export const self = exports as unknown as { default: Fetcher; CartService: Service<CartService> };

/** A request to this worker as the gateway sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`https://cart.internal${path}`, init);
}

/**
 * A JSON request to the cart worker as the gateway sends it: `as` becomes the verified caller
 * headers; no `as` is an anonymous request.
 */
export function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { as?: Caller; body?: unknown; rawBody?: string } = {},
): Promise<JsonResponse<T>> {
  return callAs<T>((request) => self.default.fetch(request), method, path, options);
}
