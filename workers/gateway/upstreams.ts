import type { EdgeEnv } from "../edge/edge-env";
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER, type Caller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { log } from "../shared/log";
import { REQUEST_ID_HEADER } from "../shared/request-id";

/** The domain workers the gateway talks to, by service-binding name. */
export const SERVICES = {
  identity: "IDENTITY",
  catalog: "CATALOG",
  inventory: "INVENTORY",
  cart: "CART",
  orders: "ORDERS",
  payments: "PAYMENTS",
  reviews: "REVIEWS",
  notifications: "NOTIFICATIONS",
} as const satisfies Record<string, keyof EdgeEnv>;

export type ServiceName = keyof typeof SERVICES;

/**
 * Which worker owns which public path (API.md). A prefix owns itself and everything below it,
 * segment-wise: `/api/cart` owns `/api/cart/merge`, not `/api/cartography`.
 */
export const ROUTES: ReadonlyArray<readonly [prefix: string, service: ServiceName]> = [
  ["/api/auth", "identity"],
  ["/api/me", "identity"],
  ["/api/products", "catalog"],
  ["/api/categories", "catalog"],
  ["/api/search", "catalog"],
  // Above /api/inventory (first match wins): the low-stock list is served by catalog, which holds
  // the stock projection and knows each SKU's seller; inventory's StockDOs cannot be listed.
  ["/api/inventory/low-stock", "catalog"],
  ["/api/inventory", "inventory"],
  ["/api/carts", "cart"],
  ["/api/cart", "cart"],
  ["/api/coupons", "cart"],
  ["/api/orders", "orders"],
  ["/api/admin/orders", "orders"],
  ["/api/payments", "payments"],
  ["/api/reviews", "reviews"],
];

/** The worker that owns `path`, or null. */
export function ownerOf(path: string): ServiceName | null {
  for (const [prefix, service] of ROUTES) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return service;
  }
  return null;
}

/** Headers a client may not pass through: the gateway alone speaks for the caller. */
const STRIPPED = [CALLER_ID_HEADER, CALLER_ROLE_HEADER, "authorization", "cookie"];

/**
 * Forwards a request to a domain worker over its service binding (same thread, no network),
 * with the request id and the verified caller. The answer comes back as the worker gave it.
 */
export async function forward(
  env: EdgeEnv,
  service: ServiceName,
  request: Request,
  context: { requestId: string; caller: Caller | null },
): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  for (const name of STRIPPED) headers.delete(name);
  headers.set(REQUEST_ID_HEADER, context.requestId);
  if (context.caller) {
    headers.set(CALLER_ID_HEADER, context.caller.userId);
    headers.set(CALLER_ROLE_HEADER, context.caller.role);
  }
  const upstream = new Request(`https://${service}.internal${url.pathname}${url.search}`, {
    method: request.method,
    headers,
    body: request.method === "GET" || request.method === "HEAD" ? null : request.body,
    redirect: "manual",
  });
  try {
    return await env[SERVICES[service]].fetch(upstream);
  } catch (error) {
    log("error", "upstream failed", { requestId: context.requestId, service, error: String(error) });
    throw new AppError("bad_gateway", `The ${service} service failed to answer.`);
  }
}
