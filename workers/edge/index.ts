import { gateway } from "../gateway/gateway.app";
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER } from "../shared/caller";
import { problem, problemResponse } from "../shared/errors";
import { requestIdFrom } from "../shared/request-id";
import type { EdgeEnv } from "./edge-env";
import { handleStorefront } from "./storefront";

/**
 * The edge worker, the only one with a public route: `/api/*` goes to the gateway (which
 * forwards to the domain workers over service bindings), `/dev/*` to development-only tools,
 * everything else to the Remix storefront (static assets are served before the worker runs).
 */
export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname === "/api" || pathname.startsWith("/api/")) return gateway.fetch(request, env, ctx);
    if (pathname.startsWith("/dev/")) return devTools(request, env);
    // Product images live in the catalog's R2 bucket; catalog serves them with long cache headers.
    if (pathname.startsWith("/images/")) return env.CATALOG.fetch(request);
    return handleStorefront(request, env, ctx);
  },
} satisfies ExportedHandler<EdgeEnv>;

/** Development-only tools (the email outbox, demo stock seeding, test-card payments); absent in production. */
async function devTools(request: Request, env: EdgeEnv): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  if (env.ENVIRONMENT !== "development") {
    return problemResponse(problem("not_found", "Not found.", { requestId }));
  }
  const url = new URL(request.url);
  // The benchmarks' floor: what the local runtime costs for a request the shop does nothing with.
  if (url.pathname === "/dev/ping") return new Response(null, { status: 204 });
  if (/^\/dev\/outbox(\.json|\/.*)?$/.test(url.pathname)) {
    return env.NOTIFICATIONS.fetch(
      new Request(new URL(url.pathname + url.search, "http://notifications.internal"), request),
    );
  }
  // Initial stock for the demo seed (scripts/seed-stock.mjs); paying an order with a test card
  // at the Stripe emulator (/dev/payments/:orderId/pay).
  const tool = url.pathname.startsWith("/dev/inventory/")
    ? env.INVENTORY
    : url.pathname.startsWith("/dev/payments/")
      ? env.PAYMENTS
      : null;
  if (tool) {
    // Caller headers are dropped: only the gateway may speak for a caller, and these tools need none.
    const headers = new Headers(request.headers);
    headers.delete(CALLER_ID_HEADER);
    headers.delete(CALLER_ROLE_HEADER);
    return tool.fetch(
      new Request(new URL(url.pathname + url.search, "http://dev-tools.internal"), {
        method: request.method,
        headers,
        body: request.body,
      }),
    );
  }
  return problemResponse(problem("not_found", `No dev tool at ${url.pathname}.`, { requestId }));
}
