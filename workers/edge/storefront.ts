import { createRequestHandler } from "@remix-run/cloudflare";
import { createLoadContext } from "../../app/load-context";
import * as build from "../../build/server";
import { log } from "../shared/log";
import { REQUEST_ID_HEADER } from "../shared/request-id";
import type { Env } from "./worker-configuration";

// The Remix server build (`remix vite:build`); its type is declared in app/build-server.d.ts.
const handleRemixRequest = createRequestHandler(build);

/**
 * Serves the Remix storefront: every request that is neither `/api/*`, `/dev/*` nor a static
 * asset. Loaders get the Workers platform objects and reach the API through the in-process
 * gateway (app/lib/api.server.ts).
 */
export async function handleStorefront(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const loadContext = createLoadContext(request, { env, ctx, cf: request.cf, caches });
  try {
    const response = await handleRemixRequest(request, loadContext);
    const headers = new Headers(response.headers);
    headers.set(REQUEST_ID_HEADER, loadContext.requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  } catch (error) {
    // Remix renders loader and render errors itself; this is only for a failure of Remix itself.
    log("error", "storefront failed", {
      requestId: loadContext.requestId,
      error: String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    return new Response("Something went wrong on our side.", {
      status: 500,
      headers: { "content-type": "text/plain; charset=utf-8", [REQUEST_ID_HEADER]: loadContext.requestId },
    });
  }
}
