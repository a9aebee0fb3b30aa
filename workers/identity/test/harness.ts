import { env, exports } from "cloudflare:workers";
import type { IdentityEnv } from "../identity.routes";

/** identity's bindings as its wrangler.toml declares them, plus the test run's keys. */
export const testEnv = env as unknown as IdentityEnv & { JWT_PUBLIC_JWKS: string };

/** The identity worker itself, called as the gateway calls it. */
export const worker = (request: Request) =>
  (exports as unknown as { default: Fetcher }).default.fetch(request);
