import { env, exports } from "cloudflare:workers";
import type { Env } from "../worker-configuration";

/** This worker's bindings, typed as its wrangler.toml declares them (the test `env` is untyped). */
export const testEnv = env as unknown as Env;

/** Loopback binding to this worker's default export. */
export const self = exports as unknown as { default: Fetcher };

/** A request to the emulator as the payments worker sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`http://stripe-emulator.internal${path}`, init);
}
