import type { AppLoadContext } from "@remix-run/cloudflare";
import type { Env } from "../workers/edge/worker-configuration";
import { requestIdFrom } from "../workers/shared/request-id";

/** What the edge worker hands the storefront for each request (the Workers platform objects). */
export interface CloudflareContext {
  env: Env;
  ctx: ExecutionContext;
  cf: Request["cf"];
  caches: CacheStorage;
}

declare module "@remix-run/cloudflare" {
  interface AppLoadContext {
    cloudflare: CloudflareContext;
    /** Correlates this page render with every API call its loaders make (x-request-id). */
    requestId: string;
    /** The shopper's address (cf-connecting-ip), passed on so API rate limits apply per shopper. */
    clientIp: string | null;
  }

  // Typed `useLoaderData`/`useActionData` for Remix's single fetch (the v3_singleFetch flag).
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * Builds the load context of one storefront request. Used by the edge worker and by the Vite
 * dev server's Cloudflare proxy, so loaders see the same shape in both.
 */
export function createLoadContext(request: Request, cloudflare: CloudflareContext): AppLoadContext {
  return {
    cloudflare,
    requestId: requestIdFrom(request.headers),
    clientIp: request.headers.get("cf-connecting-ip"),
  };
}
