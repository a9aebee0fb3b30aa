import { env, exports } from "cloudflare:workers";
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER, type Role } from "../../shared/caller";
import type { InventoryService } from "../index";
import type { Env } from "../worker-configuration";

/** This worker's bindings, typed as its wrangler.toml declares them (the test `env` is untyped). */
export const testEnv = env as unknown as Env;

/** Loopback bindings to this worker's own exports: `default` for HTTP, the RPC entrypoint. */
export const self = exports as unknown as { default: Fetcher; InventoryService: Service<InventoryService> };

/** A request to this worker as the gateway sends it, optionally on behalf of a signed-in caller. */
export function call(path: string, options: { role?: Role; init?: RequestInit } = {}): Promise<Response> {
  const headers = new Headers(options.init?.headers);
  if (options.role) {
    headers.set(CALLER_ID_HEADER, `user-${options.role}`);
    headers.set(CALLER_ROLE_HEADER, options.role);
  }
  return self.default.fetch(`https://inventory.internal${path}`, { ...options.init, headers });
}
