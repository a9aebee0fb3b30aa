import { env, exports } from "cloudflare:workers";
import type { EdgeEnv } from "../../edge/edge-env";

/** The edge worker's bindings, plus the test run's private key (to mint tokens in tests). */
export const testEnv = env as unknown as EdgeEnv & { JWT_PRIVATE_JWK: string };

/** The edge worker itself: what a browser or API client on the internet reaches. */
export const edge = (request: Request) => (exports as unknown as { default: Fetcher }).default.fetch(request);
