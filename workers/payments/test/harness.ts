import { env, exports } from "cloudflare:workers";
import type { PaymentsService } from "../index";
import type { Env } from "../worker-configuration";

/** This worker's bindings, typed as its wrangler.toml declares them (the test `env` is untyped). */
export const testEnv = env as unknown as Env;

/** Loopback bindings to this worker's own exports: `default` for HTTP, the RPC entrypoint. */
export const self = exports as unknown as { default: Fetcher; PaymentsService: Service<PaymentsService> };

/** A request to this worker as the gateway sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`https://payments.internal${path}`, init);
}
