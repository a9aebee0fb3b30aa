import { env, exports } from "cloudflare:workers";
import type { Env } from "../worker-configuration";

/** This worker's bindings, typed as its wrangler.toml declares them (the test `env` is untyped). */
export const testEnv = env as unknown as Env;

/** Loopback binding to this worker's default export. */
export const self = exports as unknown as { default: Fetcher };

/** A request to this worker as the gateway sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`https://reviews.internal${path}`, init);
}
